package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings file is replaced whole or not at all, and a broken one is reported, set aside
 * as {@code settings.properties.corrupt} and replaced by the defaults: never fatal.
 */
class SettingsFileTest {
    private final List<String> warnings = new ArrayList<>();

    private FileSettingsStore store(Path file) {
        return new FileSettingsStore(file, new MemorySettingsStore(), warnings::add);
    }

    @Test
    void anAtomicWriteReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/a.txt");
        AtomicFiles.write(f, "one".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileWhole(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "old");
        Path blocked = dir.resolve("a.txt/b.txt");
        assertThrows(IOException.class, () -> AtomicFiles.write(blocked, new byte[] {1}));
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }

    @Test
    void settingsSurviveARestart(@TempDir Path dir) {
        Path f = dir.resolve("settings.properties");
        FileSettingsStore s = store(f);
        s.put("theme", "dark");
        s.put("lesson", "a=b\nc");
        s.flush();
        FileSettingsStore again = store(f);
        assertEquals(Optional.of("dark"), again.get("theme"));
        assertEquals(Optional.of("a=b\nc"), again.get("lesson"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCorruptFileIsReportedSetAsideAndTheDefaultsAreUsed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("settings.properties");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        FileSettingsStore s = store(f);
        assertEquals(Optional.empty(), s.get("theme"));
        assertFalse(Files.exists(f));
        assertTrue(Files.exists(dir.resolve("settings.properties.corrupt")));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("not UTF-8") && warnings.get(0).contains("settings.properties.corrupt"),
                warnings.get(0));
        s.put("theme", "light");
        s.flush();
        assertEquals(Optional.of("light"), store(f).get("theme"));
    }

    @Test
    void aFileThatIsNotThisAppsOrIsMalformedIsSetAside(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, "<xml>half writ");
        store(f);
        Files.writeString(f, FileSettingsStore.HEADER + "\nkey=\\uZZZZ\n");
        store(f);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(1).contains("malformed"), warnings.get(1));
    }

    @Test
    void keysTheFileLacksComeFromTheEarlierStore(@TempDir Path dir) {
        MemorySettingsStore earlier = new MemorySettingsStore();
        earlier.put("zoom", "1.5");
        FileSettingsStore s = new FileSettingsStore(dir.resolve("s.properties"), earlier, warnings::add);
        assertEquals(Optional.of("1.5"), s.get("zoom"));
        s.put("zoom", "2");
        assertEquals(Optional.of("2"), s.get("zoom"));
    }

    @Test
    void aSettingsFileThatCannotBeSavedIsReportedOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        FileSettingsStore s = store(dir.resolve("file/settings.properties"));
        s.put("a", "1");
        s.flush();
        s.put("a", "2");
        s.flush();
        List<String> saves = warnings.stream().filter(w -> w.startsWith("memvirt: the settings could not be saved"))
                .toList();
        assertEquals(1, saves.size(), warnings.toString());
        assertTrue(saves.get(0).endsWith(": a file is in the way: " + dir.resolve("file")), saves.get(0));
    }
}
