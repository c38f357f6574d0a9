package io.aepform.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Whole-file replacement that a crash cannot tear: temp file, fsync, atomic rename, dir fsync. */
final class AtomicFiles {
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int BUFFER = 64 * 1024;

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes}. A reader, or a run after a crash, sees either the
   * old file or the new one; once this returns, the new one survives a power loss.
   *
   * @return the attributes of the file written, read before the rename (which keeps its inode and
   *     modification time), so they describe this write even if someone replaced it right after
   */
  static BasicFileAttributes write(Path target, byte[] bytes) throws IOException {
    return write(target, List.of(bytes));
  }

  /** As {@link #write(Path, byte[])}, the file being {@code chunks} one after the other. */
  static BasicFileAttributes write(Path target, List<byte[]> chunks) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Same directory as the target: a rename is only atomic within one file system.
    Path temp = Files.createTempFile(dir, tempPrefix(target), TEMP_SUFFIX);
    BasicFileAttributes written;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
        for (byte[] chunk : chunks) {
          out.write(chunk);
        }
        out.flush();
        channel.force(true);
      }
      written = Files.readAttributes(temp, BasicFileAttributes.class);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
    return written;
  }

  /**
   * Deletes the temp files a crashed {@link #write} of {@code target} left behind. Call only while
   * holding the lock, so no live write's temp file is removed.
   */
  static void deleteLeftovers(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    try (DirectoryStream<Path> temps =
        Files.newDirectoryStream(dir, tempPrefix(target) + "*" + TEMP_SUFFIX)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Makes the rename itself durable; some platforms (Windows) cannot open a directory. */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Nothing better is possible there; the rename is done and the file data already synced.
    }
  }

  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + ".";
  }
}
