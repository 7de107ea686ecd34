package org.lightlyjava.server.datasource;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns the AWS SDK's exceptions into short reasons for a person: the S3 error code and message
 * ({@code AccessDenied: Access Denied}), a hint when the region is wrong, or why the endpoint could
 * not be reached. A reason never contains the secret.
 */
final class S3Errors {

    private S3Errors() {}

    /** Whether S3 answered (as opposed to a connection that failed or timed out). */
    static boolean answered(SdkException e) {
        return e instanceof S3Exception;
    }

    static String describe(SdkException e, S3Settings s) {
        String text;
        if (e instanceof S3Exception s3) {
            text = s3Reason(s3, s);
        } else {
            text = "cannot reach " + s.where() + ": " + e.getMessage();
        }
        return scrub(text, s.secret());
    }

    private static String s3Reason(S3Exception e, S3Settings s) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        String text =
                (code == null ? "HTTP " + e.statusCode() : code)
                        + ": "
                        + (message == null ? firstLine(e.getMessage()) : message);
        if (e.statusCode() == 301
                || "PermanentRedirect".equals(code)
                || "AuthorizationHeaderMalformed".equals(code)
                || "IllegalLocationConstraintException".equals(code)) {
            String actual =
                    details == null || details.sdkHttpResponse() == null
                            ? null
                            : details.sdkHttpResponse()
                                    .firstMatchingHeader("x-amz-bucket-region")
                                    .orElse(null);
            text +=
                    actual != null
                            ? " (the bucket is in region "
                                    + actual
                                    + "; the datasource says "
                                    + s.region()
                                    + ")"
                            : " (is " + s.region() + " the bucket's region?)";
        }
        return text;
    }

    /**
     * Why the role of a delegated-access datasource could not be assumed: STS's error code and
     * message, that the server has no credentials of its own, or that STS could not be reached.
     */
    static String roleFailure(Throwable e, String roleArn) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StsException sts) {
                AwsErrorDetails details = sts.awsErrorDetails();
                String code = details == null ? null : details.errorCode();
                String message = details == null ? null : details.errorMessage();
                return "AssumeRole of "
                        + roleArn
                        + " failed: "
                        + (code == null ? "HTTP " + sts.statusCode() : code)
                        + ": "
                        + (message == null ? firstLine(sts.getMessage()) : message);
            }
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Unable to load credentials")) {
                return "the server has no AWS credentials of its own to assume "
                        + roleArn
                        + " with (none in its environment, aws.* system properties, profile,"
                        + " container or instance role)";
            }
        }
        return "AssumeRole of "
                + roleArn
                + " failed: cannot reach STS: "
                + firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Removes the secret from a text, should a store ever echo it. */
    static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
