package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The side columns' widths and what hides them, without the toolkit. */
class WindowLayoutTest {

    @ParameterizedTest(name = "{0} px wide at {1} px font: lessons {2}, step {3}")
    @CsvSource({
        // a share of the window within the em bounds
        "1600, 14, 272, 432",
        // at the lower em bound: 12 em and 17 em
        "1280, 14, 217.6, 345.6",
        "1280, 21, 252, 357",
        // the upper em bound on a wide screen: 24 em and 36 em
        "3840, 14, 336, 504",
        // too wide for half the window together: both shrink in proportion to 50 %
        "1280, 28, 264.9, 375.1",
    })
    void widthsFollowTheWindowAndTheZoom(double window, double font, double lessons, double step) {
        WindowLayout.ColumnWidths w = new WindowLayout().widths(window, font);
        assertEquals(lessons, w.lessons(), 0.1);
        assertEquals(step, w.step(), 0.1);
        assertTrue(w.lessons() + w.step() <= window * WindowLayout.SIDES_SHARE + 0.01);
    }

    @Test
    void hiddenColumnsTakeNoWidthAndTheOtherKeepsItsShare() {
        WindowLayout layout = new WindowLayout();
        layout.toggleLessonColumn();
        assertEquals(0, layout.widths(1920, 14).lessons());
        assertEquals(432, layout.widths(1600, 14).step(), 0.1);
        layout.toggleStepColumn();
        assertEquals(new WindowLayout.ColumnWidths(0, 0), layout.widths(1920, 14));
    }

    @Test
    void stageModeHidesBothAndLeavingItRestoresTheColumnsAsTheyWere() {
        WindowLayout layout = new WindowLayout();
        layout.toggleLessonColumn();
        layout.toggleStageMode();
        assertEquals(new WindowLayout.ColumnWidths(0, 0), layout.widths(1920, 14));
        layout.toggleStageMode();
        assertFalse(layout.stageModeProperty().get());
        assertFalse(layout.lessonColumnShownProperty().get(), "the lessons column stays hidden as before");
        assertTrue(layout.stepColumnShownProperty().get());
        assertEquals(432, layout.widths(1600, 14).step(), 0.1);
    }
}
