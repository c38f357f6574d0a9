package io.aepform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Drift;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.provider.http.TrafficFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a fixture directory's {@code replay.json} asks (docs/local-platform.md, "Replay tests"): the
 * configuration to run (a path from the repository root, else the directory's {@code
 * configuration/}), the environment and process variables, the clock, and the commands in order
 * with what each must give:
 *
 * <pre>
 * {"configuration": "examples/parquet-ingestion", "environment": "dev",
 *  "env": {"S3_SECRET_KEY": "..."}, "clock": "2026-01-15T10:00:00Z",
 *  "steps": [{"run": "apply", "expect": {"added": 7, "changed": 0, "destroyed": 0}},
 *            {"run": "plan", "expect": {"changes": {}, "drift": []}},
 *            {"run": "plan", "replace": ["dataset.leads"],
 *             "expect": {"changes": {"dataset.leads": "replace", ...}}}]}
 * </pre>
 *
 * Without {@code clock}, the start time of the recorded flow create is used (apply sets a flow's
 * start time from the clock), else the time of the first recorded exchange.
 */
record ReplayScenario(
    Path dir,
    Path configuration,
    String environment,
    Map<String, String> env,
    Instant clock,
    List<JsonNode> steps) {
  static final String FILE = "replay.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** Reads {@code dir/replay.json}; {@code fixtures} are the directory's, for the default clock. */
  static ReplayScenario read(Path dir, List<TrafficFixture> fixtures) {
    JsonNode json;
    try {
      json = JSON.readTree(dir.resolve(FILE).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path configuration =
        json.has("configuration")
            ? REPOSITORY.resolve(json.path("configuration").asText())
            : dir.resolve("configuration");
    Map<String, String> env = new LinkedHashMap<>();
    json.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    Instant clock =
        json.has("clock") ? Instant.parse(json.path("clock").asText()) : recordedClock(fixtures);
    List<JsonNode> steps = new ArrayList<>();
    json.path("steps").forEach(steps::add);
    return new ReplayScenario(
        dir, configuration, json.path("environment").asText("dev"), env, clock, steps);
  }

  static JsonNode json(String text) {
    try {
      JsonNode node = text.isEmpty() ? null : JSON.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static Instant recordedClock(List<TrafficFixture> fixtures) {
    return fixtures.stream()
        .map(f -> f.request().body().at("/scheduleParams/startTime"))
        .filter(t -> t.canConvertToLong() || t.asText("").matches("[0-9]+"))
        .map(t -> Instant.ofEpochSecond(Long.parseLong(t.asText())))
        .min(Instant::compareTo)
        .or(
            () ->
                fixtures.stream()
                    .map(f -> f.annotations().path("recorded").asText(""))
                    .filter(t -> !t.isEmpty())
                    .map(Instant::parse)
                    .findFirst())
        .orElse(Instant.EPOCH);
  }

  /** The engine of this scenario, talking to {@code baseUrl} with a fixed token. */
  Engine engine(String baseUrl) {
    Map<String, String> process = new LinkedHashMap<>(env);
    process.put("AEP_PLATFORM_URL", baseUrl);
    process.put("AEP_ACCESS_TOKEN", "replay-access-token");
    process.put("AEP_API_KEY", "replay-api-key");
    process.put("AEP_ORG_ID", "REPLAY0000000000000000@AdobeOrg");
    return new Engine(
        new EngineSettings(
            process, LocalPlatform.none(), Optional.empty(), Clock.fixed(clock, ZoneOffset.UTC)));
  }

  /** Runs every step in {@code workDir} (a copy of the configuration); what went otherwise. */
  List<String> run(Engine engine, Path workDir) {
    ConfigRequest config = new ConfigRequest(workDir, environment, VariableValues.Inputs.none());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      String label = "step " + (i + 1) + " (" + step.path("run").asText() + ")";
      List<String> replaces = new ArrayList<>();
      step.path("replace").forEach(r -> replaces.add(r.asText()));
      PlanOptions options = new PlanOptions(true, List.of(), List.of(), replaces, false);
      JsonNode expect = step.path("expect");
      switch (step.path("run").asText()) {
        case "apply" -> problems.addAll(applied(label, apply(engine, config, options), expect));
        case "plan" -> problems.addAll(planned(label, engine.plan(config, options), expect));
        default -> problems.add(label + ": run must be apply or plan");
      }
    }
    return problems;
  }

  private static ApplyResult apply(Engine engine, ConfigRequest config, PlanOptions options) {
    return engine.apply(
        new ApplyRequest(
            config,
            options,
            4,
            Duration.ZERO,
            plan -> true,
            ApplyListener.none(),
            new AtomicBoolean()));
  }

  private static List<String> applied(String label, ApplyResult result, JsonNode expect) {
    List<String> problems = new ArrayList<>();
    result
        .failures()
        .forEach(f -> problems.add(label + ": " + f.address() + " failed: " + f.message()));
    Map<String, Long> counts =
        Map.of(
            "added", result.added(), "changed", result.changed(), "destroyed", result.destroyed());
    counts.forEach(
        (what, n) -> {
          if (expect.has(what) && expect.path(what).asLong() != n) {
            problems.add(label + ": " + n + " " + what + ", expected " + expect.path(what));
          }
        });
    return problems;
  }

  private static List<String> planned(String label, Plan plan, JsonNode expect) {
    List<String> problems = new ArrayList<>();
    if (expect.has("changes")) {
      Map<String, String> wanted = new TreeMap<>();
      expect
          .path("changes")
          .properties()
          .forEach(e -> wanted.put(e.getKey(), e.getValue().asText()));
      Map<String, String> got = new TreeMap<>();
      for (ResourceChange c : plan.changes()) {
        if (c.action() != Action.NO_OP) {
          got.put(c.address().toString(), c.action().name().toLowerCase(Locale.ROOT));
        }
      }
      if (!got.equals(wanted)) {
        problems.add(label + ": changes " + got + ", expected " + wanted + describe(plan));
      }
    }
    if (expect.has("drift")) {
      List<String> wanted = new ArrayList<>();
      expect.path("drift").forEach(d -> wanted.add(d.asText()));
      List<String> got = plan.drift().stream().map(d -> d.address().toString()).sorted().toList();
      if (!got.equals(wanted.stream().sorted().toList())) {
        problems.add(label + ": drift " + got + ", expected " + wanted + describe(plan));
      }
    }
    return problems;
  }

  private static String describe(Plan plan) {
    StringBuilder sb = new StringBuilder();
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.NO_OP) {
        sb.append("\n  ").append(c.action()).append(' ').append(c.address());
        sb.append(" (").append(c.reason()).append(") ").append(c.fields());
      }
    }
    for (Drift d : plan.drift()) {
      sb.append("\n  drift ").append(d.address()).append(' ').append(d.fields());
    }
    return sb.toString();
  }
}
