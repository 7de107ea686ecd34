package org.lightlyjava.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the SDK's exceptions into messages that say what to fix. */
final class S3Errors {

    private S3Errors() {}

    /**
     * Why listing {@code location} failed, for the user.
     *
     * @param where the endpoint, or "AWS S3"
     */
    static String listing(S3Location location, String where, SdkException e) {
        String bucket = "bucket '" + location.bucket() + "'";
        String cause = cause(e);
        return switch (code(e)) {
            case "NoSuchBucket" -> bucket + " does not exist (" + where + ")";
            case "InvalidAccessKeyId" ->
                    "S3 does not know the access key id used for "
                            + bucket
                            + " ("
                            + cause
                            + "): check AWS_ACCESS_KEY_ID or AWS_PROFILE";
            case "SignatureDoesNotMatch" ->
                    "the secret access key does not match the access key id used for "
                            + bucket
                            + " ("
                            + cause
                            + "): check AWS_SECRET_ACCESS_KEY or AWS_PROFILE";
            case "AccessDenied", "AllAccessDisabled", "InvalidToken", "ExpiredToken" ->
                    "access to "
                            + bucket
                            + " was refused ("
                            + cause
                            + "): listing "
                            + location
                            + " needs s3:ListBucket on the bucket and reading needs s3:GetObject"
                            + " under the prefix";
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraint" ->
                    bucket
                            + " is in another region than the one used ("
                            + cause
                            + "): set AWS_REGION";
            case "" -> clientSide(bucket, where, e);
            default -> "cannot list " + location + " (" + where + "): " + cause;
        };
    }

    /** Why reading one object failed, for a failed-image line. */
    static String reading(SdkException e) {
        return "NoSuchKey".equals(code(e)) ? "the object no longer exists" : cause(e);
    }

    private static String clientSide(String bucket, String where, SdkException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return "no AWS credentials found for "
                    + bucket
                    + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (a"
                    + " profile in ~/.aws), or run with an instance or container role";
        }
        return "cannot reach S3 for " + bucket + " (" + where + "): " + message;
    }

    private static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            if (code != null && !code.isEmpty()) {
                return code;
            }
            return "HTTP " + service.statusCode();
        }
        return "";
    }

    private static String cause(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null || code.isEmpty() ? "" : code + ", ")
                    + "HTTP "
                    + service.statusCode()
                    + (message == null || message.isEmpty() ? "" : ": " + message);
        }
        return String.valueOf(e.getMessage());
    }
}
