package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cell layout: everything fits, the largest cells win, and a point finds the cell drawn there. */
class CellGridTest {

    @ParameterizedTest(name = "{0} cells in {1} × {2}")
    @CsvSource({"4096, 880, 430", "65536, 1000, 560", "65536, 700, 300", "1024, 650, 40", "32, 650, 26", "1, 10, 10"})
    void cellsFitTheirArea(int count, double width, double height) {
        CellGrid g = CellGrid.fit(count, width, height, 16);

        assertTrue(g.pixelWidth() <= width, "width " + g.pixelWidth());
        assertTrue(g.pixelHeight() <= height || g.cell() == 1, "height " + g.pixelHeight());
        assertTrue(g.cols() * g.rows() >= count);
        CellGrid bigger = CellGrid.withCell(count, width, g.cell() + 1);
        assertTrue(g.cell() == 16 || bigger.pixelHeight() > height, "no larger cell would fit");
    }

    @Test
    void sixtyFiveThousandFramesGetCellsOfAtLeastTwoPixelsOnAProjector() {
        CellGrid g = CellGrid.fit(65536, 1000, 560, 16);
        assertTrue(g.cell() >= 2, "cell " + g.cell());
    }

    @Test
    void rowsAreAMultipleOfSixteenCellsSoRowStartsAreRoundNumbers() {
        assertEquals(0, CellGrid.fit(4096, 880, 430, 16).cols() % 16);
    }

    @Test
    void aPointFindsTheCellDrawnThereAndGapsFindNone() {
        CellGrid g = CellGrid.fit(4096, 880, 430, 16).at(66, 24);
        for (int i : new int[] {0, 1, 95, 96, 2000, 4095}) {
            assertEquals(i, g.indexAt(g.centerX(i), g.centerY(i)));
            assertEquals(i, g.indexAt(g.cellX(i), g.cellY(i)));
        }
        assertEquals(-1, g.indexAt(g.x() - 1, g.y()));
        assertEquals(-1, g.indexAt(g.x() + g.pixelWidth() + 5, g.y()));
        assertEquals(-1, g.indexAt(g.cellX(4095) + g.pitch() * 3, g.cellY(4095)), "past the last cell");
    }
}
