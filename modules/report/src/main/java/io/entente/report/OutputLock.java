package io.entente.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output folder ({@code DIR/.entente/lock}), so that two runs never
 * interleave their writes. The operating system releases it when the process dies, even by kill -9.
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another run holds the folder beyond the wait. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /** Takes the lock, waiting up to {@code waitSeconds} (0: do not wait). */
    public static OutputLock acquire(Path outDir, int waitSeconds) throws IOException {
        Path dir = Files.createDirectories(Manifest.dir(outDir));
        Path file = dir.resolve("lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this very process
            }
            if (l != null) {
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                return new OutputLock(ch, l);
            }
            if (System.nanoTime() >= deadline) {
                String holder = "";
                try {
                    holder = Files.readString(file).strip();
                } catch (IOException ignored) {
                    // the holder's pid is only a courtesy in the message
                }
                ch.close();
                throw new BusyException("another entente run is writing to " + outDir
                        + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + "; wait for it to finish or pass --wait SECONDS");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ch.close();
                throw new IOException("interrupted while waiting for the lock on " + outDir, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
