package io.jixiao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One launcher per home directory: a lock on {@code <home>/launcher.lock}, held until the JVM ends. */
final class LauncherLock {

    private static FileChannel channel;
    private static FileLock lock;

    private LauncherLock() {
    }

    /** Takes the lock, or returns false when another launcher holds it. */
    static synchronized boolean acquire(Path home) {
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            return lock != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home, e);
        }
    }
}
