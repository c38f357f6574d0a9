package io.aepform.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulator's own bookkeeping per org and sandbox (not API objects, so not a {@code
 * ResourceKind}): one JSON document per id in a named collection, kept beside the API objects as
 * {@code <dir>/<org>/<sandbox>/<collection>/<id>.json} when there is a data directory. A scope's
 * documents are read on first use; every write replaces one file atomically.
 */
public final class DocumentStore {
  private final String collection;
  private final Optional<Path> dir;
  private final Map<Scope, TreeMap<String, ObjectNode>> data = new HashMap<>();

  /** {@code collection} must differ from every {@code ResourceKind} collection. */
  public DocumentStore(String collection, Optional<Path> dir) {
    this.collection = collection;
    this.dir = dir;
  }

  public synchronized Optional<ObjectNode> get(Scope scope, String id) {
    return Optional.ofNullable(scope(scope).get(id));
  }

  public synchronized void put(Scope scope, String id, ObjectNode doc) {
    scope(scope).put(id, doc);
    dir.ifPresent(d -> write(file(d, scope, id), doc));
  }

  public synchronized void remove(Scope scope, String id) {
    if (scope(scope).remove(id) != null && dir.isPresent()) {
      Path f = file(dir.get(), scope, id);
      try {
        Files.deleteIfExists(f);
        AtomicFiles.syncDirectory(f.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete emulator document " + f, e);
      }
    }
  }

  private TreeMap<String, ObjectNode> scope(Scope scope) {
    return data.computeIfAbsent(
        scope, s -> dir.map(d -> load(folder(d, s))).orElseGet(TreeMap::new));
  }

  private static TreeMap<String, ObjectNode> load(Path folder) {
    TreeMap<String, ObjectNode> out = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String id = URLDecoder.decode(name.substring(0, name.length() - 5), StandardCharsets.UTF_8);
        out.put(id, (ObjectNode) Json.read(Files.readAllBytes(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emulator documents in " + folder, e);
    }
    return out;
  }

  private static void write(Path file, ObjectNode doc) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, Json.prettyBytes(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist emulator document " + file, e);
    }
  }

  private Path folder(Path root, Scope scope) {
    return root.resolve(safeName(scope.orgId()))
        .resolve(safeName(scope.sandbox()))
        .resolve(collection);
  }

  private Path file(Path root, Scope scope, String id) {
    return folder(root, scope).resolve(safeName(id) + ".json");
  }

  /** As FileStore names files: URL-encoded, dots too, so no name can leave the directory. */
  private static String safeName(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E");
  }
}
