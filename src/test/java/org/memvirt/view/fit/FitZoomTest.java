package org.memvirt.view.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fit zoom's search over the zoom grid (no toolkit: "fits" is a threshold here). */
class FitZoomTest {

    @ParameterizedTest(name = "fits up to {0}")
    @ValueSource(doubles = {1.0, 1.05, 1.35, 2.0, 2.95, 3.0})
    void picksTheLargestZoomThatFits(double limit) {
        List<Double> tried = new ArrayList<>();
        double z = FitZoom.largestFitting(1.0, 3.0, 0.05, zoom -> {
            tried.add(zoom);
            return zoom <= limit + 1e-9;
        });
        assertEquals(limit, z, 1e-9);
        // a halving search: about log2(40) tries, not forty
        assertEquals(true, tried.size() <= 8, "tried " + tried);
    }

    @ParameterizedTest(name = "nothing fits: {0}")
    @ValueSource(doubles = {0.5})
    void nothingFitsGivesTheSmallestZoom(double limit) {
        assertEquals(1.0, FitZoom.largestFitting(1.0, 3.0, 0.05, zoom -> zoom <= limit), 1e-9);
    }
}
