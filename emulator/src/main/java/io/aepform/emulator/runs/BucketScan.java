package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a run picks up when a local folder stands in for the bucket. A source connection's
 * {@code params.path} is resolved under the folder: a file, a folder (its subfolders too with
 * {@code params.recursive}), or a name pattern with {@code *} (help/sources/tutorials/api/collect/
 * cloud-storage.md). As that page's NOTE says, each run "selects files ... based on their last
 * modified timestamp": files changed after the previous run and up to this one's start.
 */
final class BucketScan {
  private record Counted(long size, long modified, long records) {}

  private final Optional<Path> bucket;
  private final Map<Path, Counted> counted = new HashMap<>();

  BucketScan(Optional<Path> bucket) {
    this.bucket = bucket.map(b -> b.toAbsolutePath().normalize());
  }

  /** Files modified in (after, upTo], in milliseconds; fixed numbers without a bucket folder. */
  synchronized Intake intake(JsonNode sourceConnection, long after, long upTo) {
    if (bucket.isEmpty()) {
      return Intake.FIXED;
    }
    JsonNode params = sourceConnection.path("params");
    boolean recursive = params.path("recursive").asText().equals("true");
    String format = sourceConnection.path("data").path("format").asText();
    Intake total = Intake.NOTHING;
    for (Path f : files(params.path("path").asText(""), recursive)) {
      total = total.plus(count(f, format, after, upTo));
    }
    return total;
  }

  private List<Path> files(String path, boolean recursive) {
    Path root = bucket.get();
    Path target = root.resolve(path.replaceFirst("^/+", "")).normalize();
    if (!target.startsWith(root)) {
      return List.of();
    }
    String name = target.getFileName() == null ? "" : target.getFileName().toString();
    if (name.contains("*") || name.contains("?")) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
      return regularFiles(target.getParent(), recursive).stream()
          .filter(f -> m.matches(f.getFileName()))
          .toList();
    }
    return Files.isRegularFile(target) ? List.of(target) : regularFiles(target, recursive);
  }

  private static List<Path> regularFiles(Path dir, boolean recursive) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the bucket folder " + dir, e);
    }
  }

  private Intake count(Path f, String format, long after, long upTo) {
    try {
      BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
      long modified = a.lastModifiedTime().toMillis();
      if (modified <= after || modified > upTo) {
        return Intake.NOTHING;
      }
      Counted c = counted.get(f);
      if (c == null || c.size() != a.size() || c.modified() != modified) {
        c = new Counted(a.size(), modified, records(f, format));
        counted.put(f, c);
      }
      return new Intake(1, c.size(), c.records());
    } catch (IOException e) {
      return Intake.NOTHING; // gone between listing and reading: not picked up
    }
  }

  /**
   * Delimited files: their lines less the header; JSON: one record per non-empty line (JSON Lines);
   * other formats (parquet) cannot be read here and count 100 records a file.
   */
  private static long records(Path f, String format) throws IOException {
    boolean delimited = format.equalsIgnoreCase("delimited");
    if (!delimited && !format.equalsIgnoreCase("json")) {
      return 100;
    }
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          lines++;
        }
      }
    }
    return delimited ? Math.max(0, lines - 1) : lines;
  }
}
