package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.PlanOptions;
import io.aepform.engine.Version;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.SafetyException;
import io.aepform.error.UsageException;
import io.aepform.state.SecretDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plan files ({@code plan --out FILE}): the reviewed plan, the state it was made from (lineage and
 * serial) and the non-secret variables given on the command line. Secrets are in it only as digests
 * under the file's own salt; apply re-reads them and refuses a plan they no longer match.
 */
public final class SavedPlans {
  static final String FORMAT = "aepform-plan";
  static final int VERSION = 2;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SavedPlans() {}

  /** What a plan file holds. */
  public record SavedPlan(
      String environment,
      String salt,
      VariableValues.Inputs inputs,
      Map<String, String> sensitiveInputs,
      PlanOptions options,
      JsonNode encoded) {
    public Plan plan() {
      return PlanCodec.decode(encoded);
    }
  }

  public static void write(
      Path file, Plan plan, Workspace ws, VariableValues.Inputs inputs, PlanOptions options) {
    byte[] saltBytes = new byte[16];
    new SecureRandom().nextBytes(saltBytes);
    String salt = Base64.getEncoder().encodeToString(saltBytes);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("format_version", VERSION);
    root.put("aepform_version", Version.current());
    root.put("environment", plan.environment());
    root.put("secretsSalt", salt);
    // the command line's inputs as values, sensitive ones (declared so, or reaching a secret
    // field) only as digests under the file's salt: apply takes those again from its own --var
    ObjectNode given = root.putObject("inputs");
    ObjectNode values = given.putObject("values");
    ObjectNode sensitive = given.putObject("sensitive");
    for (String name : VariableValues.commandLine(ws.config(), inputs).keySet()) {
      Value v = ws.variables().get(name);
      if (v instanceof Value.Sensitive s) {
        sensitive.put(name, SecretDigests.digest(text(s.value()), salt));
      } else {
        values.set(name, Values.toJsonRevealed(v));
      }
    }
    root.set("options", encode(options));
    root.set("plan", PlanCodec.encode(plan, salt));
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, PlanCodec.text(root) + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "cannot write plan file " + file + ": " + e.getMessage());
    }
  }

  public static SavedPlan read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "there is no plan file " + file + ": save one with aepform plan --out " + file);
    } catch (IOException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "cannot read plan file "
              + file
              + ": "
              + oneLine(e)
              + ": make a new one with aepform plan --out FILE");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS, file + " is not an aepform plan file");
    }
    if (root.path("format_version").asInt() != VERSION) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          file
              + " was written by another aepform version ("
              + root.path("aepform_version").asText()
              + "): make a new plan");
    }
    Map<String, Value> values = new LinkedHashMap<>();
    root.path("inputs")
        .path("values")
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), Values.fromJson(e.getValue())));
    Map<String, String> sensitive = new LinkedHashMap<>();
    root.path("inputs")
        .path("sensitive")
        .fields()
        .forEachRemaining(e -> sensitive.put(e.getKey(), e.getValue().asText()));
    return new SavedPlan(
        root.path("environment").asText(),
        root.path("secretsSalt").asText(),
        new VariableValues.Inputs(List.of(), List.of(), values),
        sensitive,
        decode(root.path("options")),
        root.get("plan"));
  }

  private static ObjectNode encode(PlanOptions o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("refresh", o.refresh());
    ArrayNode targets = n.putArray("targets");
    o.targets().forEach(targets::add);
    ArrayNode excludes = n.putArray("excludes");
    o.excludes().forEach(excludes::add);
    ArrayNode replaces = n.putArray("replaces");
    o.replaces().forEach(replaces::add);
    n.put("refreshOnly", o.refreshOnly());
    n.put("destroy", o.destroy());
    return n;
  }

  private static PlanOptions decode(JsonNode n) {
    return new PlanOptions(
        n.path("refresh").asBoolean(true),
        texts(n.path("targets")),
        texts(n.path("excludes")),
        texts(n.path("replaces")),
        n.path("refreshOnly").asBoolean(false),
        n.path("destroy").asBoolean(false));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  /**
   * The inputs apply takes with a plan file: what the file kept, and from the command line only the
   * sensitive ones the file kept as digests. Refuses another input, a missing one, or one that
   * differs from the value the plan was made with.
   */
  public static VariableValues.Inputs inputsFor(
      SavedPlan saved, VariableValues.Inputs given, Configuration config) {
    Map<String, Value> commandLine = VariableValues.commandLine(config, given);
    for (String name : commandLine.keySet()) {
      if (!saved.sensitiveInputs().containsKey(name)) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            "apply PLANFILE takes --var and --var-file only for the sensitive inputs the plan"
                + " file keeps as digests ("
                + (saved.sensitiveInputs().isEmpty()
                    ? "it keeps none"
                    : String.join(", ", saved.sensitiveInputs().keySet()))
                + "): "
                + name
                + " is not one; the plan was made with its value");
      }
    }
    for (String name : saved.sensitiveInputs().keySet()) {
      if (!commandLine.containsKey(name)) {
        throw new SafetyException(
            SafetyException.Code.PLAN_CHANGED,
            "the plan was made with a value for "
                + name
                + ", which is sensitive and so kept only as a digest: give it again, e.g."
                + " aepform apply PLANFILE --var "
                + name
                + "=... (or --var-file FILE)");
      }
    }
    return new VariableValues.Inputs(given.vars(), given.varFiles(), saved.inputs().saved());
  }

  /** Refuses a sensitive input that is not the value the plan was made with. */
  public static void checkSensitive(SavedPlan saved, Map<String, Value> variables) {
    saved
        .sensitiveInputs()
        .forEach(
            (name, digest) -> {
              Value v = Values.unmark(variables.getOrDefault(name, Value.Null.INSTANCE));
              if (!SecretDigests.digest(text(v), saved.salt()).equals(digest)) {
                throw new SafetyException(
                    SafetyException.Code.PLAN_CHANGED,
                    "the value given for "
                        + name
                        + " differs from the one the plan was made with: nothing was changed."
                        + " Run aepform plan --out again with it, or give the same value");
              }
            });
  }

  private static String text(Value v) {
    Value u = Values.unmark(v);
    return u instanceof Value.Str s ? s.value() : Values.toJsonRevealed(u).toString();
  }

  private static String oneLine(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
