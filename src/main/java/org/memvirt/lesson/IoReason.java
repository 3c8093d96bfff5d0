package org.memvirt.lesson;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file could not be read or written, in the words a user acts on: "no such folder",
 * "permission denied", "no space left on device", "broken pipe". A message that only repeats
 * the path leaves the user guessing.
 */
public final class IoReason {
    private IoReason() {
    }

    /** The reason {@code e} happened to {@code path} (null when the path is not known). */
    public static String of(IOException e, Path path) {
        if (e instanceof NoSuchFileException) {
            Path parent = path == null ? null : path.toAbsolutePath().getParent();
            return parent != null && !java.nio.file.Files.isDirectory(parent) ? "no such folder: " + parent
                    : "no such file";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "a file is in the way: " + f.getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lower(f.getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (path != null && m.startsWith(path.toString())) {
            m = m.substring(path.toString().length()).replaceFirst("^[:\\s]+", "");
        }
        int paren = m.lastIndexOf('(');
        if (paren >= 0 && m.endsWith(")")) {
            m = m.substring(paren + 1, m.length() - 1);
        }
        return lower(m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    private static String lower(String reason) {
        String r = OneLine.of(reason.strip());
        return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
}
