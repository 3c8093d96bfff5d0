package org.memvirt.viewmodel.shell;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.memvirt.lesson.IoReason;

/**
 * The window's settings in one small text file (key=value lines), written atomically through
 * {@link AtomicFiles}. A file that cannot be read (not UTF-8, not this app's, malformed, too
 * large) is reported, set aside as {@code NAME.corrupt} and replaced by the defaults: a broken
 * settings file never stops the window from opening. Keys the file does not have yet are read
 * from an earlier store (the settings an older version kept elsewhere).
 */
public final class FileSettingsStore implements SettingsStore {
    /** The first line of every settings file: what makes a file this app's. */
    static final String HEADER = "# memvirt-lab settings";
    private static final int MAX_BYTES = 1 << 20;
    private final Path file;
    private final SettingsStore earlier;
    private final Consumer<String> warnings;
    private final Map<String, String> values = new TreeMap<>();
    private boolean dirty;
    private boolean saveFailed;

    /**
     * Reads {@code file} (a missing one is an empty store).
     *
     * @param earlier  where a key the file does not have is looked up
     * @param warnings told, in one line, when the file cannot be read or written
     */
    public FileSettingsStore(Path file, SettingsStore earlier, Consumer<String> warnings) {
        this.file = file;
        this.earlier = earlier;
        this.warnings = warnings;
        read();
    }

    /**
     * Where the settings live: {@code -Dmemvirt.settings=FILE}, else
     * {@code $XDG_CONFIG_HOME/memvirt-lab/settings.properties}, else under {@code ~/.config}.
     */
    public static Path defaultFile() {
        String explicit = System.getProperty("memvirt.settings");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("memvirt-lab").resolve("settings.properties");
    }

    @Override
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v != null ? Optional.of(v) : earlier.get(key);
    }

    @Override
    public void put(String key, String value) {
        if (!value.equals(values.put(key, value))) {
            dirty = true;
        }
    }

    @Override
    public void flush() {
        if (!dirty) {
            return;
        }
        Properties p = new Properties();
        p.putAll(values);
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
            String body = text.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                    .reduce(HEADER + "\n", (a, l) -> a + l + "\n");
            AtomicFiles.write(file, body.getBytes(StandardCharsets.UTF_8));
            dirty = false;
        } catch (IOException e) {
            if (!saveFailed) {
                warnings.accept("memvirt: the settings could not be saved to " + file + ": " + IoReason.of(e, file));
            }
            saveFailed = true;
        }
    }

    private void read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            warnings.accept("memvirt: the settings file " + file + " cannot be read (" + IoReason.of(e, file)
                    + "); the defaults are used");
            return;
        }
        String problem = parse(bytes);
        if (problem == null) {
            return;
        }
        values.clear();
        try {
            Path aside = AtomicFiles.setAside(file);
            warnings.accept("memvirt: the settings file " + file + " is unreadable (" + problem + "); it was set aside as "
                    + aside.getFileName() + " and the defaults are used");
        } catch (IOException e) {
            warnings.accept("memvirt: the settings file " + file + " is unreadable (" + problem
                    + ") and cannot be set aside (" + IoReason.of(e, file) + "); the defaults are used");
        }
    }

    /** Fills the values from the file's bytes; returns what is wrong with them, or null. */
    private String parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return "larger than 1 MiB";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "not UTF-8 text";
        }
        if (!text.startsWith(HEADER)) {
            return "it does not start with '" + HEADER + "'";
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return "a malformed line";
        }
        for (String key : p.stringPropertyNames()) {
            values.put(key, p.getProperty(key));
        }
        return null;
    }
}
