package org.memvirt.view.shell;

import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;

import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

/**
 * Files dragged from a file manager, for tests: a drag event carrying them. Monocle has no file
 * manager to drag from, so the event is made here; the window handles it as it handles a real one.
 */
final class FileDrag {
    private FileDrag() {
    }

    static DragEvent event(EventType<DragEvent> type, Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new Files(files));
        return new DragEvent(target, target, type, board, 20, 20, 20, 20, TransferMode.COPY, null, target, null);
    }

    /** A clipboard holding only a list of files. */
    private record Files(List<File> files) implements TKClipboard {
        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return format == DataFormat.FILES ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return format == DataFormat.FILES;
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
