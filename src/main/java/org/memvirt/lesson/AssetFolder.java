package org.memvirt.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a lesson's images and other assets live in: a directory beside the lesson file, or
 * a folder on the class path when the lesson ships inside the jar. Paths are checked never to
 * leave it, symbolic links included.
 */
public interface AssetFolder {
    /** Whether the asset at {@code relativePath} ({@code /}-separated, already normalised) exists inside the folder. */
    boolean exists(String relativePath);

    /** No folder: every asset reference is an error (for lessons read from plain text). */
    static AssetFolder none() {
        return relativePath -> false;
    }

    /** A directory on disk. */
    static AssetFolder directory(Path dir) {
        return relativePath -> {
            try {
                Path root = dir.toRealPath();
                Path target = root.resolve(relativePath).normalize();
                if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                    return false;
                }
                return target.toRealPath().startsWith(root);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        };
    }

    /** A folder of class-path resources, such as {@code lessons}. */
    static AssetFolder classpath(ClassLoader loader, String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        return relativePath -> loader.getResource(prefix + relativePath) != null;
    }
}
