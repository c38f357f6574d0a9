package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.Version;
import io.aepform.engine.manifest.VariableDecl;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Plan files ({@code plan --out FILE}): the reviewed plan, the state it was made from (lineage and
 * serial) and the non-secret variables given on the command line. Secrets are in it only as digests
 * under the file's own salt; apply re-reads them and refuses a plan they no longer match.
 */
public final class SavedPlans {
  static final String FORMAT = "aepform-plan";
  static final int VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SavedPlans() {}

  /** What a plan file holds. */
  public record SavedPlan(
      String environment, String salt, VariableValues.Inputs inputs, JsonNode encoded) {
    public Plan plan() {
      return PlanCodec.decode(encoded);
    }
  }

  public static void write(Path file, Plan plan, Workspace ws, VariableValues.Inputs inputs) {
    byte[] saltBytes = new byte[16];
    new SecureRandom().nextBytes(saltBytes);
    String salt = Base64.getEncoder().encodeToString(saltBytes);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("format_version", VERSION);
    root.put("aepform_version", Version.current());
    root.put("environment", plan.environment());
    root.put("secretsSalt", salt);
    ArrayNode vars = root.putObject("inputs").putArray("vars");
    Map<String, VariableDecl> declared = ws.config().variablesByName();
    for (String assignment : inputs.vars()) {
      VariableDecl decl =
          declared.get(assignment.substring(0, Math.max(0, assignment.indexOf('='))));
      if (decl != null && !decl.sensitive()) {
        vars.add(assignment);
      }
    }
    ArrayNode files = ((ObjectNode) root.get("inputs")).putArray("varFiles");
    inputs.varFiles().forEach(f -> files.add(f.toString()));
    root.set("plan", PlanCodec.encode(plan, salt));
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, PlanCodec.text(root) + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new AepformException(
          ErrorCode.USAGE, "cannot write plan file " + file + ": " + e.getMessage());
    }
  }

  public static SavedPlan read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new AepformException(
          ErrorCode.USAGE,
          "cannot read plan file "
              + file
              + ": "
              + oneLine(e)
              + ": make a new one with aepform plan --out FILE");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new AepformException(ErrorCode.USAGE, file + " is not an aepform plan file");
    }
    if (root.path("format_version").asInt() != VERSION) {
      throw new AepformException(
          ErrorCode.USAGE,
          file
              + " was written by another aepform version ("
              + root.path("aepform_version").asText()
              + "): make a new plan");
    }
    List<String> vars = new ArrayList<>();
    root.path("inputs").path("vars").forEach(v -> vars.add(v.asText()));
    List<Path> files = new ArrayList<>();
    root.path("inputs").path("varFiles").forEach(v -> files.add(Path.of(v.asText())));
    return new SavedPlan(
        root.path("environment").asText(),
        root.path("secretsSalt").asText(),
        new VariableValues.Inputs(vars, files),
        root.get("plan"));
  }

  private static String oneLine(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
