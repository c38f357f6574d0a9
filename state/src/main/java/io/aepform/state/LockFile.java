package io.aepform.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The lock file: its atomic creation, its JSON form ({@link LockInfo}) and its removal. */
final class LockFile {
  private static final Set<String> FIELDS =
      Set.of("id", "owner", "host", "pid", "operation", "created");

  private final Path path;

  LockFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Creates the lock file holding {@code info}; false when it already exists. */
  boolean tryCreate(LockInfo info) throws IOException {
    // CREATE_NEW is the atomic test-and-set; the content follows an instant later, which is why
    // readers give an unreadable lock file a moment before calling it damaged.
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(encode(info));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /**
   * The holder, or empty when there is no lock.
   *
   * @throws StateException when the lock file cannot be read or parsed
   */
  Optional<LockInfo> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE,
          path + ": cannot read the lock file: " + e.getMessage(),
          e);
    }
    return Optional.of(decode(bytes));
  }

  /**
   * Whether the lock file still holds {@code info}: true at once when its bytes are the very ones
   * {@link #tryCreate} wrote for it (the common case, checked before every state write), else by
   * parsing what is there.
   */
  boolean holds(LockInfo info) {
    try {
      if (Arrays.equals(Files.readAllBytes(path), encode(info))) {
        return true;
      }
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      // read() below reports it
    }
    return read().map(holder -> holder.id().equals(info.id())).orElse(false);
  }

  /** Removes the lock file if it still holds lock {@code id}; a later holder's lock stays. */
  void deleteIfHeldBy(String id) {
    try {
      if (read().map(holder -> holder.id().equals(id)).orElse(false)) {
        delete();
      }
    } catch (StateException e) {
      // Not ours to remove: whatever is there now is not the lock this run wrote.
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
      AtomicFiles.syncDirectory(path.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE,
          path + ": cannot remove the lock file (" + e.getMessage() + "); delete it by hand",
          e);
    }
  }

  private static byte[] encode(LockInfo info) {
    ObjectNode node = CanonicalJson.NODES.objectNode();
    node.put("id", info.id());
    node.put("owner", info.owner());
    node.put("host", info.host());
    node.put("pid", info.pid());
    node.put("operation", info.operation());
    node.put("created", info.created().toString());
    return CanonicalJson.write(node);
  }

  private LockInfo decode(byte[] bytes) {
    String source = path + " (lock file)";
    JsonFields fields;
    try {
      fields = new JsonFields(CanonicalJson.read(bytes), "", source);
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.CORRUPT, source + ": not valid JSON: " + e.getMessage(), e);
    }
    fields.allowOnly(FIELDS);
    try {
      return new LockInfo(
          fields.text("id"),
          fields.text("owner"),
          fields.text("host"),
          fields.integer("pid"),
          fields.text("operation"),
          Instant.parse(fields.text("created")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw fields.error("", e.getMessage());
    }
  }
}
