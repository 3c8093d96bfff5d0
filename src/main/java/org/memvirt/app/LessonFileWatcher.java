package org.memvirt.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the lesson file on screen (or the broken one last tried) and reports when it changes on
 * disk, so an author sees an edit as soon as it is saved. Editors that save by writing a new file
 * and renaming it are seen too (a create counts). Changes within a short time are reported once.
 */
final class LessonFileWatcher implements AutoCloseable {
    private static final long SETTLE_MILLIS = 250;
    private final Consumer<Path> onChange;
    private final Thread thread;
    private volatile Path file;
    private volatile WatchService service;
    private volatile WatchKey key;
    private volatile boolean closed;

    /** @param onChange told the changed file, on the watcher's thread */
    LessonFileWatcher(Consumer<Path> onChange) {
        this.onChange = onChange;
        this.thread = new Thread(this::run, "lesson-file-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Watches {@code f} from now on (null: nothing). */
    synchronized void watch(Path f) {
        Path abs = f == null ? null : f.toAbsolutePath().normalize();
        if (abs != null && abs.equals(file)) {
            return;
        }
        file = abs;
        try {
            if (key != null) {
                key.cancel();
                key = null;
            }
            if (abs != null && abs.getParent() != null) {
                if (service == null) {
                    service = FileSystems.getDefault().newWatchService();
                }
                key = abs.getParent().register(service, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_CREATE);
            }
        } catch (IOException | RuntimeException e) {
            key = null;
        }
    }

    private void run() {
        while (!closed) {
            WatchService s = service;
            if (s == null) {
                sleep(200);
                continue;
            }
            try {
                WatchKey k = s.poll(500, TimeUnit.MILLISECONDS);
                if (k == null) {
                    continue;
                }
                boolean ours = false;
                Path dir = (Path) k.watchable();
                for (WatchEvent<?> e : k.pollEvents()) {
                    if (e.context() instanceof Path p && dir.resolve(p).normalize().equals(file)) {
                        ours = true;
                    }
                }
                k.reset();
                if (ours) {
                    sleep(SETTLE_MILLIS);
                    drain(s);
                    Path f = file;
                    if (f != null) {
                        onChange.accept(f);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
        }
    }

    private static void drain(WatchService s) {
        WatchKey k;
        while ((k = s.poll()) != null) {
            k.pollEvents();
            k.reset();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
