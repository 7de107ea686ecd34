package org.lightlyjava.server.datasource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Checks {@code gcsCredentials}: the JSON of a service account's key file ({@code "type":
 * "service_account"}, {@code client_email}, an RSA {@code private_key} in PKCS#8 PEM), before it is
 * stored. Messages name the field and never quote the key.
 */
final class GcsCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GcsCredentials() {}

    /**
     * @throws DatasourceException INVALID naming {@code gcsCredentials}
     */
    static void check(String json) {
        JsonNode file;
        try {
            file = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("is not JSON (give the key file's content as a string)");
        }
        if (file == null || !file.isObject()) {
            throw invalid("must be a JSON object (a service account's key file)");
        }
        if (!"service_account".equals(text(file, "type"))) {
            throw invalid(
                    "must be a service account's key file (\"type\": \"service_account\"), got"
                            + " type "
                            + (text(file, "type") == null ? "none" : "'" + shorten(file) + "'"));
        }
        String email = text(file, "client_email");
        if (email == null || !email.contains("@")) {
            throw invalid("has no client_email");
        }
        String pem = text(file, "private_key");
        if (pem == null || !rsaKey(pem)) {
            throw invalid("has no private_key that is an RSA key in PKCS#8 PEM");
        }
    }

    private static boolean rsaKey(String pem) {
        String body =
                pem.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", "")
                        .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return pem.contains("-----BEGIN PRIVATE KEY-----");
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String text(JsonNode file, String field) {
        JsonNode value = file.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String shorten(JsonNode file) {
        return RelativePaths.shorten(text(file, "type"));
    }

    private static DatasourceException invalid(String what) {
        return DatasourceException.invalid("gcsCredentials " + what);
    }
}
