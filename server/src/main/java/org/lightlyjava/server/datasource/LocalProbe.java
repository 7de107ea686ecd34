package org.lightlyjava.server.datasource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;

/**
 * The lights of a LOCAL datasource, from the server's own access to the folder: List = the folder
 * exists and can be listed; Read = one byte of a file in it; Write and Overwrite = writing {@code
 * .lightly/.verify-<random>} twice; then the probe file is deleted.
 */
final class LocalProbe {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] BODY = "lightly-server verify probe\n".getBytes();

    private final LocalDatasource datasource;
    private final LocalRoot root;
    private final String fullPath;
    private final Lights lights = new Lights();

    LocalProbe(LocalDatasource datasource, LocalRoot root, String fullPath) {
        this.datasource = datasource;
        this.root = root;
        this.fullPath = fullPath;
    }

    DatasourceConfigVerifyData run() {
        Path folder;
        try {
            folder = root.folder(fullPath);
            try (var entries = Files.list(folder)) {
                entries.findFirst();
            }
            lights.green(Lights.LIST);
        } catch (DatasourceException e) {
            lights.redRest(e.getMessage());
            return lights.result();
        } catch (IOException e) {
            lights.redRest("cannot list the folder: " + reason(e));
            return lights.result();
        }
        read(folder);
        String probe = ".lightly/.verify-" + HexFormat.of().formatHex(random());
        boolean written = write(probe, Lights.WRITE);
        if (write(probe, Lights.OVERWRITE) || written) {
            delete(probe);
        }
        return lights.result();
    }

    private void read(Path folder) {
        List<ListPage.Entry> files = LocalListing.walk(folder, root, 1);
        if (files.isEmpty()) {
            lights.red(Lights.READ, "no file under " + display() + " to read (is the path right?)");
            return;
        }
        try (InputStream in = Files.newInputStream(datasource.read(files.get(0).name()))) {
            in.read();
            lights.green(Lights.READ);
        } catch (DatasourceException e) {
            lights.red(Lights.READ, e.getMessage());
        } catch (IOException e) {
            lights.red(Lights.READ, "cannot read " + files.get(0).name() + ": " + reason(e));
        }
    }

    private boolean write(String probe, String light) {
        try {
            datasource.write(probe, new ByteArrayInputStream(BODY), BODY.length);
            lights.green(light);
            return true;
        } catch (DatasourceException e) {
            lights.red(light, e.getMessage());
        } catch (IOException e) {
            lights.red(light, "cannot write " + probe + ": " + reason(e));
        }
        return false;
    }

    private void delete(String probe) {
        try {
            datasource.delete(probe);
        } catch (IOException | DatasourceException e) {
            lights.red(Lights.DELETE, "the probe file " + probe + " could not be deleted");
        }
    }

    private String display() {
        return fullPath.isEmpty() ? "the local root" : fullPath;
    }

    /** The kind of failure, without the server's absolute paths. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }

    private static byte[] random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
