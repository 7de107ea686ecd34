package org.lightlyjava.upload;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file the user named cannot be read, in words (Java's messages often repeat the path). */
final class FileProblems {

    private FileProblems() {}

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileNotFoundException) {
            // "path (No such file or directory)": keep the reason in the parentheses
            int open = message.lastIndexOf(" (");
            return open >= 0 && message.endsWith(")")
                    ? message.substring(open + 2, message.length() - 1)
                    : "the file does not exist";
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
}
