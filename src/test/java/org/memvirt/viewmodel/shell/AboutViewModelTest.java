package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help ▸ About: the build's version, and where the lesson on screen lives. */
class AboutViewModelTest {
    @Test
    void theVersionIsTheBuildsAsTheCommandLinePrintsIt() {
        BuildInfo build = BuildInfo.of(getClass().getClassLoader());
        assertFalse(build.version().equals("unknown"), "build.properties was not filled in by the build");
        AboutViewModel about = new AboutViewModel(build, new ShellRig().vm.library());
        assertEquals("MemVirt Lab " + build.version(), about.heading());
        assertTrue(about.lines().get(0).startsWith("Version " + build.version() + " · licence: "), about.lines().get(0));
    }

    @Test
    void givenAShippedLessonItSaysItShipsWithTheApp() {
        ShellRig rig = ShellRig.withNestedWalk();
        AboutViewModel about = new AboutViewModel(new BuildInfo("1.2.3", "MIT"), rig.vm.library());
        assertTrue(about.lines().contains("This lesson ships with the app: " + ShellRig.NESTED), about.lines().toString());
    }

    @Test
    void givenALessonFileItNamesTheFile(@TempDir Path dir) throws Exception {
        ShellRig rig = new ShellRig();
        Path mine = ShellRig.copyOf("01-native-walk.yaml", dir);
        rig.vm.library().open(LessonCatalog.fileRef(mine));
        AboutViewModel about = new AboutViewModel(new BuildInfo("1.2.3", "MIT"), rig.vm.library());
        assertTrue(about.lines().contains("This lesson: " + mine.toAbsolutePath().normalize()), about.lines().toString());
    }

    @Test
    void anUnfilledBuildSaysUnknownRatherThanThePlaceholder() {
        BuildInfo none = BuildInfo.of(new ClassLoader(null) {
        });
        assertEquals(new BuildInfo("unknown", "unknown"), none);
    }
}
