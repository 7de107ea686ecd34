package org.lightlyjava.testing;

/**
 * Credentials for the AWS SDK's default chain through the system properties it reads first ({@code
 * aws.accessKeyId}, {@code aws.secretAccessKey}); {@link #close()} clears them again.
 */
public final class AwsProperties implements AutoCloseable {

    private static final String ACCESS_KEY = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";

    private AwsProperties() {}

    public static AwsProperties set(String accessKey, String secretKey) {
        System.setProperty(ACCESS_KEY, accessKey);
        System.setProperty(SECRET_KEY, secretKey);
        return new AwsProperties();
    }

    @Override
    public void close() {
        System.clearProperty(ACCESS_KEY);
        System.clearProperty(SECRET_KEY);
    }
}
