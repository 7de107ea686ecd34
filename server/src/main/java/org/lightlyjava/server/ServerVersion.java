package org.lightlyjava.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's version, from the build. */
final class ServerVersion {

    private ServerVersion() {}

    static String get() {
        try (InputStream in = ServerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
