package io.aepform.engine.provider;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.aepform.engine.provider.ApiDeviations.Api;
import io.aepform.engine.provider.ApiDeviations.Deviation;
import io.aepform.engine.provider.ApiDeviations.Report;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Validates requests against Adobe's OpenAPI specs in the directory named by the system property
 * {@code aep.openapi.dir} (the specs are shared, never copied into the project). Reports that an
 * {@link ApiDeviations} entry explains are whitelisted, on that entry's operations only.
 */
public final class OpenApiValidation {
  public static final String DIR_PROPERTY = "aep.openapi.dir";
  private static final Map<Path, OpenApiValidation> LOADED = new ConcurrentHashMap<>();

  private final Map<Api, OpenApiInteractionValidator> validators;
  private final Map<Api, OpenAPI> specs;

  private OpenApiValidation(Path dir) {
    this.specs = new EnumMap<>(Api.class);
    this.validators = new EnumMap<>(Api.class);
    for (Api api : Api.values()) {
      OpenAPI spec = parse(dir.resolve(api.specFile()));
      specs.put(api, spec);
      validators.put(api, validator(api, spec, whitelist(api)));
    }
  }

  /**
   * Skips the calling test, saying why on the console, where Adobe's specs are not there (CI always
   * has them).
   */
  public static void assumeAvailable() {
    Optional<String> why = unavailable();
    why.ifPresent(w -> System.out.println("Skipping OpenAPI validation of requests: " + w));
    Assumptions.assumeTrue(why.isEmpty(), () -> why.get());
  }

  /** Why validation cannot run here, or empty when the specs are there. */
  public static Optional<String> unavailable() {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      return Optional.of("system property " + DIR_PROPERTY + " is not set");
    }
    for (Api api : Api.values()) {
      if (!Files.isRegularFile(Path.of(dir, api.specFile()))) {
        return Optional.of("no " + api.specFile() + " in " + DIR_PROPERTY + "=" + dir);
      }
    }
    return Optional.empty();
  }

  /** The validators for the specs (loading them takes seconds: once per JVM). */
  public static OpenApiValidation load() {
    Path dir = Path.of(System.getProperty(DIR_PROPERTY)).toAbsolutePath().normalize();
    return LOADED.computeIfAbsent(dir, OpenApiValidation::new);
  }

  /** The API whose base path {@code path} is under. */
  public static Optional<Api> apiOf(String path) {
    for (Api api : Api.values()) {
      if (api.covers(path)) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  /**
   * A request as sent: {@code url} is the path and its encoded query; {@code body} is empty for
   * none.
   */
  public static SimpleRequest request(
      String method, String url, Map<String, List<String>> headers, String body) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
    if (q >= 0) {
      Map<String, List<String>> query = new LinkedHashMap<>();
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        query
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
      query.forEach(b::withQueryParam);
    }
    headers.forEach(b::withHeader);
    if (!body.isEmpty()) {
      b.withBody(body);
    }
    return b.build();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The reports no deviation explains, as readable lines; empty when the request is valid. */
  public List<String> problems(Api api, SimpleRequest request) {
    return errors(validators.get(api).validateRequest(request));
  }

  /** A spec report and the deviation that explains it, if one does. */
  public record Reported(String key, String message, Optional<String> explainedBy) {}

  /** Every report, explained by a deviation or not: to check what the deviations explain. */
  public List<Reported> reports(Api api, SimpleRequest request) {
    List<Reported> out = new ArrayList<>();
    for (ValidationReport.Message m : validators.get(api).validateRequest(request).getMessages()) {
      Optional<String> rule =
          m.getContext()
              .flatMap(ValidationReport.MessageContext::getAppliedWhitelistRule)
              .map(r -> r.getName());
      if (isError(m) || rule.isPresent()) {
        out.add(new Reported(m.getKey(), m.getMessage(), rule));
      }
    }
    return out;
  }

  /** True when the spec of {@code api} has an operation with that {@code operationId}. */
  public boolean hasOperation(Api api, String operationId) {
    return specs.get(api).getPaths().values().stream()
        .flatMap(p -> p.readOperations().stream())
        .anyMatch(o -> operationId.equals(o.getOperationId()));
  }

  /** True when {@code message}, on {@code operationId}, is what {@code report} describes. */
  private static boolean describes(Report report, ValidationReport.Message message) {
    String key = message.getKey();
    Optional<ValidationReport.MessageContext> ctx = message.getContext();
    Optional<Parameter> parameter = ctx.flatMap(ValidationReport.MessageContext::getParameter);
    return switch (report.part()) {
      case ACCEPT -> key.equals("validation.request.accept.notAllowed");
      case QUERY ->
          key.startsWith("validation.request.parameter")
              && (parameterIs(parameter, "query", report.field())
                  || (key.startsWith("validation.request.parameter.query")
                      && message.getMessage().contains("'" + report.field() + "'")));
      case HEADER ->
          key.startsWith("validation.request.parameter")
              && parameterIs(parameter, "header", report.field());
      case BODY ->
          key.startsWith("validation.request.body")
              && (pointerMatches(report.field(), pointer(message))
                  || explainsParts(report, message));
    };
  }

  /**
   * A composition (replaceDataType's {@code allOf}) that fails only on what {@code report}
   * describes and on the validator's closing of each part to unlisted properties (see below).
   */
  private static boolean explainsParts(Report report, ValidationReport.Message message) {
    return message.getKey().equals("validation.request.body.schema.allOf")
        && !message.getNestedMessages().isEmpty()
        && message.getNestedMessages().stream()
            .allMatch(n -> onlyAdditionalProperties(n) || describes(report, n))
        && message.getNestedMessages().stream().anyMatch(n -> describes(report, n));
  }

  private static boolean parameterIs(Optional<Parameter> parameter, String in, String name) {
    return parameter
        .filter(p -> in.equals(p.getIn()) && name.equalsIgnoreCase(p.getName()))
        .isPresent();
  }

  private static String pointer(ValidationReport.Message message) {
    return message
        .getContext()
        .flatMap(ValidationReport.MessageContext::getPointers)
        .map(ValidationReport.MessageContext.Pointers::getInstance)
        .orElse("");
  }

  /** {@code pattern} is a JSON pointer where {@code *} is any array index; "" is the root. */
  private static boolean pointerMatches(String pattern, String instance) {
    String actual = instance.equals("/") ? "" : instance;
    String regex = Pattern.quote(pattern).replace("*", "\\E[0-9]+\\Q");
    return actual.matches(regex);
  }

  private static ValidationErrorsWhitelist whitelist(Api api) {
    ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create();
    for (Deviation d : ApiDeviations.all()) {
      if (d.api() == api && !d.explains().isEmpty()) {
        whitelist =
            whitelist.withRule(
                d.id(),
                (m, op, request, response) ->
                    op != null
                        && d.operations().contains(op.getOperation().getOperationId())
                        && d.explains().stream().anyMatch(r -> describes(r, m)));
      }
    }
    return whitelist;
  }

  private static OpenApiInteractionValidator validator(
      Api api, OpenAPI spec, ValidationErrorsWhitelist whitelist) {
    LevelResolver levels =
        LevelResolver.create()
            // OpenAPI lets objects carry properties their schema does not list unless it says
            // additionalProperties: false; Adobe's schemas list few (auth.params, meta:class, the
            // "$ref " key of createSchema's allOf). The validator's stricter default is not the
            // spec.
            .withLevel(
                "validation.request.body.schema.additionalProperties",
                ValidationReport.Level.IGNORE)
            // a query parameter the spec does not declare is reported (a typo would be)
            .withLevel(
                "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
            .build();
    return new OpenApiInteractionValidator.Builder()
        .withApi(spec)
        .withBasePathOverride(api.basePath())
        .withLevelResolver(levels)
        .withWhitelist(whitelist)
        .build();
  }

  private static OpenAPI parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    // catalog.yaml declares a parameter twice on GET /tags/{tagNamespace}: a parse message, not
    // a reason to give up the spec (the validator's own loader would)
    OpenAPI spec =
        new OpenAPIParser().readLocation(file.toUri().toString(), null, options).getOpenAPI();
    if (spec == null) {
      throw new IllegalStateException("cannot parse " + file);
    }
    return spec;
  }

  private static boolean isError(ValidationReport.Message m) {
    return (m.getLevel() == ValidationReport.Level.ERROR
            || m.getLevel() == ValidationReport.Level.WARN)
        && !onlyAdditionalProperties(m);
  }

  /**
   * A composition (e.g. replaceSchema's {@code allOf: [createSchema]}) that fails only because the
   * validator closes each part to properties it does not list: the same stricter default the level
   * resolver above turns off, which it cannot reach inside a composition.
   */
  private static boolean onlyAdditionalProperties(ValidationReport.Message m) {
    if (m.getKey().equals("validation.request.body.schema.additionalProperties")) {
      return true;
    }
    return m.getKey().equals("validation.request.body.schema.allOf")
        && !m.getNestedMessages().isEmpty()
        && m.getNestedMessages().stream().allMatch(OpenApiValidation::onlyAdditionalProperties);
  }

  /** What a composite report (e.g. allOf) is made of, when it has parts. */
  private static String nested(ValidationReport.Message m) {
    StringBuilder out = new StringBuilder();
    for (ValidationReport.Message n : m.getNestedMessages()) {
      out.append(" [").append(n.getKey()).append(": ").append(n.getMessage()).append(nested(n));
      out.append("]");
    }
    return out.toString();
  }

  private static List<String> errors(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m :
        report.getMessages().stream().filter(OpenApiValidation::isError).toList()) {
      String op =
          m.getContext()
              .flatMap(ValidationReport.MessageContext::getApiOperation)
              .map(o -> o.getOperation().getOperationId())
              .orElse("?");
      out.add(op + ": " + m.getKey() + ": " + m.getMessage() + nested(m));
    }
    return out;
  }
}
