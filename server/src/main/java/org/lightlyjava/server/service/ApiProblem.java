package org.lightlyjava.server.service;

/**
 * A refused request: the HTTP status and Lightly's error code and message ({@code {"code",
 * "message"}}). Thrown before anything was changed.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    public ApiProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400 {@code BAD_REQUEST}: a value is missing or not allowed. */
    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, "BAD_REQUEST", message);
    }

    /** 400 {@code MALFORMED_REQUEST}: the body is not JSON of the expected shape. */
    public static ApiProblem malformed(String message) {
        return new ApiProblem(400, "MALFORMED_REQUEST", message);
    }

    /** 401 {@code UNAUTHORIZED}. */
    public static ApiProblem unauthorized(String message) {
        return new ApiProblem(401, "UNAUTHORIZED", message);
    }

    /** 403 {@code FORBIDDEN}. */
    public static ApiProblem forbidden(String message) {
        return new ApiProblem(403, "FORBIDDEN", message);
    }

    /**
     * 404 with a code such as {@code NOT_FOUND}, {@code DATASET_UNKNOWN}, {@code SAMPLE_UNKNOWN}.
     */
    public static ApiProblem notFound(String code, String message) {
        return new ApiProblem(404, code, message);
    }

    /** 409 with a code such as {@code DATASET_NAME_EXISTS}. */
    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(409, code, message);
    }

    /** 413 {@code PAYLOAD_TOO_LARGE}. */
    public static ApiProblem tooLarge(String message) {
        return new ApiProblem(413, "PAYLOAD_TOO_LARGE", message);
    }
}
