package io.aepform.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Persists objects as one JSON file per org, sandbox and kind: {@code <dir>/<url-encoded
 * org>/<sandbox>/<collection>.json}. One file per kind keeps a write small without a file per
 * object. Writes are atomic (temp file, fsync, rename) so a crash leaves either the old or the new
 * file, never half of one.
 */
public final class FileStore {
  /** Receives what was loaded. */
  public interface Loader {
    void load(Scope scope, ResourceKind kind, LinkedHashMap<String, ObjectNode> objects);
  }

  private final Path dir;

  public FileStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create emulator data directory " + dir, e);
    }
  }

  public void loadInto(Loader loader) {
    try (DirectoryStream<Path> orgs = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path org : orgs) {
        loadOrg(org, loader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emulator data in " + dir, e);
    }
  }

  private void loadOrg(Path orgDir, Loader loader) throws IOException {
    String org = URLDecoder.decode(orgDir.getFileName().toString(), StandardCharsets.UTF_8);
    try (DirectoryStream<Path> sandboxes = Files.newDirectoryStream(orgDir, Files::isDirectory)) {
      for (Path sb : sandboxes) {
        Scope scope = new Scope(org, sb.getFileName().toString());
        for (ResourceKind kind : ResourceKind.values()) {
          Path file = sb.resolve(kind.collection() + ".json");
          if (Files.isRegularFile(file)) {
            loader.load(scope, kind, readObjects(file));
          }
        }
      }
    }
  }

  private static LinkedHashMap<String, ObjectNode> readObjects(Path file) throws IOException {
    JsonNode root = Json.read(Files.readAllBytes(file));
    LinkedHashMap<String, ObjectNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      out.put(e.getKey(), (ObjectNode) e.getValue());
    }
    return out;
  }

  public void write(Scope scope, ResourceKind kind, Map<String, ObjectNode> objects) {
    ObjectNode root = Json.object();
    objects.forEach(root::set);
    Path sbDir = dir.resolve(directoryName(scope.orgId())).resolve(scope.sandbox());
    try {
      Files.createDirectories(sbDir);
      writeAtomically(sbDir.resolve(kind.collection() + ".json"), Json.prettyBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist emulator data in " + sbDir, e);
    }
  }

  /** URL-encoded, dots too, so no org id can name "." or ".." and leave the data directory. */
  private static String directoryName(String orgId) {
    return URLEncoder.encode(orgId, StandardCharsets.UTF_8).replace(".", "%2E");
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(target.getParent());
  }

  /** Makes the rename itself durable; not every platform lets a directory be opened. */
  private static void syncDirectory(Path directory) {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Best effort: on platforms without directory fsync the rename is still atomic.
    }
  }
}
