package org.lightlyjava.weights;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Says why a download failed in words, also for the JDK's exceptions that carry no message. */
final class Failures {

    private Failures() {}

    static String reason(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof UnknownHostException) {
            return "unknown host " + (message == null ? "" : message).strip() + " (offline?)";
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within the time limit";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within the time limit";
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (failure instanceof ConnectException) {
            Throwable cause = failure.getCause();
            if (cause instanceof UnknownHostException) {
                return reason(cause);
            }
            return "cannot connect"
                    + (cause != null && cause.getMessage() != null
                            ? " (" + cause.getMessage() + ")"
                            : "");
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            return reason(cause);
        }
        return failure.getClass().getSimpleName();
    }
}
