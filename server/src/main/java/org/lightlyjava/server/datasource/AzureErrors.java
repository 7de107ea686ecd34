package org.lightlyjava.server.datasource;

import com.azure.storage.blob.models.BlobStorageException;

/**
 * Azure's refusals in words that say what to fix. Only the error code and status are kept from the
 * SDK's exception: its message may quote the request, and a SAS token's signature with it.
 */
final class AzureErrors {

    private AzureErrors() {}

    /** Whether the service answered (a refusal), rather than not being reached. */
    static boolean refused(RuntimeException e) {
        return e instanceof BlobStorageException b && b.getStatusCode() < 500;
    }

    static String describe(RuntimeException e, AzureSas sas) {
        if (e instanceof BlobStorageException b) {
            String code = b.getErrorCode() == null ? "Error" : b.getErrorCode().toString();
            return code + " (HTTP " + b.getStatusCode() + ")" + hint(code, sas);
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "the blob service cannot be reached: " + cause.getClass().getSimpleName();
    }

    private static String hint(String code, AzureSas sas) {
        return switch (code) {
            case "AuthorizationPermissionMismatch" ->
                    sas == null
                            ? ": the credentials lack this permission"
                            : ": the SAS token grants '" + sas.permissions() + "' only";
            case "AuthenticationFailed", "AuthorizationFailure" ->
                    ": the account key or SAS token is wrong or expired, or the account's"
                            + " network rules refuse this server";
            case "ContainerNotFound" -> ": the container does not exist (is the path right?)";
            default -> "";
        };
    }
}
