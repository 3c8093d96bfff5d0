package org.memvirt.view.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

/** Pictures of a view as PNG files, at the size it has on screen. */
final class ViewExporter {
    private ViewExporter() {
    }

    /** Writes {@code node} as drawn now to {@code file} (parent folders made as needed). */
    static void writePng(Node node, Path file) throws IOException {
        node.applyCss();
        if (node instanceof javafx.scene.Parent p) {
            p.layout();
        }
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
