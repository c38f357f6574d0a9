package io.aepform.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists objects as one JSON file each: {@code <dir>/<org>/<sandbox>/<collection>/<id>.json},
 * holding {@code {"seq", "id", "object"}}. A file per object keeps every write small however many
 * objects there are; {@code seq} restores creation order on load. Writes are atomic (see {@link
 * AtomicFiles}) so a crash leaves either the old or the new object, never half of one.
 */
public final class FileStore {
  /** Receives what was loaded. */
  public interface Loader {
    void load(Scope scope, ResourceKind kind, LinkedHashMap<String, ObjectNode> objects);
  }

  private record Stored(long seq, String id, ObjectNode object) {}

  private final Path dir;
  private final Map<Path, Long> sequence = new HashMap<>();
  private long lastSeq;

  public FileStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create emulator data directory " + dir, e);
    }
  }

  public synchronized void loadInto(Loader loader) {
    try {
      for (Path org : subdirectories(dir)) {
        String orgId = URLDecoder.decode(org.getFileName().toString(), StandardCharsets.UTF_8);
        for (Path sandbox : subdirectories(org)) {
          Scope scope = new Scope(orgId, sandbox.getFileName().toString());
          for (ResourceKind kind : ResourceKind.values()) {
            loader.load(scope, kind, readKind(sandbox.resolve(kind.collection())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emulator data in " + dir, e);
    }
  }

  private LinkedHashMap<String, ObjectNode> readKind(Path kindDir) throws IOException {
    List<Stored> stored = new ArrayList<>();
    if (Files.isDirectory(kindDir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(kindDir, "*.json")) {
        for (Path f : files) {
          JsonNode n = Json.read(Files.readAllBytes(f));
          Stored s =
              new Stored(n.get("seq").asLong(), n.get("id").asText(), (ObjectNode) n.get("object"));
          stored.add(s);
          sequence.put(f, s.seq());
          lastSeq = Math.max(lastSeq, s.seq());
        }
      }
    }
    stored.sort(Comparator.comparingLong(Stored::seq));
    LinkedHashMap<String, ObjectNode> out = new LinkedHashMap<>();
    stored.forEach(s -> out.put(s.id(), s.object()));
    return out;
  }

  public synchronized void write(Scope scope, ResourceKind kind, String id, ObjectNode object) {
    Path file = file(scope, kind, id);
    long seq = sequence.computeIfAbsent(file, f -> ++lastSeq);
    ObjectNode doc = Json.object().put("seq", seq).put("id", id);
    doc.set("object", object);
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, Json.prettyBytes(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist emulator object " + file, e);
    }
  }

  public synchronized void delete(Scope scope, ResourceKind kind, String id) {
    Path file = file(scope, kind, id);
    try {
      Files.deleteIfExists(file);
      sequence.remove(file);
      AtomicFiles.syncDirectory(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete emulator object " + file, e);
    }
  }

  private Path file(Scope scope, ResourceKind kind, String id) {
    return dir.resolve(safeName(scope.orgId()))
        .resolve(safeName(scope.sandbox()))
        .resolve(kind.collection())
        .resolve(safeName(id) + ".json");
  }

  /** URL-encoded, dots too, so no name can be "." or ".." and leave the data directory. */
  private static String safeName(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E");
  }

  private static List<Path> subdirectories(Path parent) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, Files::isDirectory)) {
      s.forEach(out::add);
    }
    return out;
  }
}
