package io.aepform.engine.export;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.EngineSettings;
import io.aepform.engine.Version;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Desired;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.plan.Adoption;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.workspace.Connector;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.UsageException;
import io.aepform.state.LockInfo;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateException;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code export}: reads the environment's sandbox (only the environment file is needed, not
 * manifests), writes manifests, and optionally adopts every exported object into state.
 */
public final class Exporting {
  private Exporting() {}

  public static ExportResult export(
      ConfigRequest request,
      Path out,
      List<String> kinds,
      boolean importThem,
      Map<String, Kind> handlers,
      EngineSettings settings) {
    EnvironmentConfig env = EnvironmentLoader.load(request.dir(), request.environment());
    Exporter.Export export;
    String sandbox;
    String org;
    try (Connector.Session session = Connector.open(env, request.dir(), settings)) {
      export =
          new Exporter(handlers)
              .export(session.client(), kinds, () -> session.platformFacts().tenantId());
      sandbox = session.sandbox();
      org = session.imsOrg();
    }
    List<Path> files = new ArrayList<>(ManifestFiles.write(out, export, sandbox));
    ManifestFiles.writeEnvironment(out, env).ifPresent(files::add);
    int imported =
        importThem && !export.resources().isEmpty()
            ? importAll(out, env.name(), export, sandbox, org, handlers, settings)
            : 0;
    return new ExportResult(
        files,
        export.resources().stream().map(e -> e.address().toString()).toList(),
        export.placeholders(),
        warnings(export, env, request.dir(), out, settings.processEnv()),
        imported);
  }

  private static List<String> warnings(
      Exporter.Export export,
      EnvironmentConfig env,
      Path dir,
      Path out,
      Map<String, String> processEnv) {
    List<String> warnings = new ArrayList<>(export.warnings());
    String override = processEnv.getOrDefault("AEP_PLATFORM_URL", "");
    boolean sameDir = dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
    if (env.isLocalPlatform() && override.isBlank() && !sameDir) {
      warnings.add(
          "environment '"
              + env.name()
              + "' uses platform: local, whose objects live under "
              + dir.resolve(".aepform/local-platform")
              + ": the exported configuration starts a local platform of its own, empty; to share one, run aepform emulator and set platform: to its URL");
    }
    return warnings;
  }

  /**
   * Adopts every exported object into the state of the exported configuration (the environment of
   * {@code out}), as {@code import} would one by one, in one state write. The objects were just
   * read: no further call. Secrets are recorded as unverified, so the placeholders need not be set
   * yet.
   */
  @SuppressWarnings("try")
  private static int importAll(
      Path out,
      String envName,
      Exporter.Export export,
      String sandbox,
      String org,
      Map<String, Kind> handlers,
      EngineSettings settings) {
    Map<String, String> penv = new HashMap<>(settings.processEnv());
    export.placeholders().forEach(p -> penv.putIfAbsent(p.name(), Secrets.UNVERIFIED));
    Workspace ws =
        Workspace.load(
            new ConfigRequest(out, envName, VariableValues.Inputs.none()), handlers, penv);
    String target = Optional.ofNullable(penv.get("AEP_SANDBOX")).orElse(ws.env().sandbox());
    if (!target.strip().equals(sandbox)) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "cannot import: environments/"
              + envName
              + ".yaml in "
              + out
              + " is for sandbox '"
              + target
              + "', the objects were read from '"
              + sandbox
              + "'");
    }
    Map<Address, Exporter.Exported> exported = new HashMap<>();
    export.resources().forEach(e -> exported.put(e.address(), e));
    Resolver.Resolved resolved =
        ws.resolve(
            (a, attr) ->
                Optional.ofNullable(exported.get(a)).map(e -> e.remote().attributes().get(attr)),
            new PlatformFacts(export.tenant()));
    StateStore store = ws.stateStore(settings.processEnv());
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("export"), Duration.ZERO)) {
      State state =
          store.read().orElseGet(() -> State.empty(envName, sandbox, org, Version.current()));
      state.checkBelongsTo(sandbox, org);
      int count = 0;
      for (Desired d : resolved.resources()) {
        Exporter.Exported e = exported.get(d.address());
        if (e != null) {
          state = state.with(adopted(d, e, state, handlers.get(d.decl().kind())));
          count++;
        }
      }
      store.write(state.nextSerial());
      return count;
    }
  }

  private static ResourceState adopted(Desired d, Exporter.Exported e, State state, Kind kind) {
    if (state.find(d.address().toString()).isPresent()) {
      throw new StateException(
          StateException.Code.CONFLICT,
          d.address()
              + " is already in the state of the exported configuration: remove it with aepform state rm, or export into a new directory");
    }
    return Adoption.record(d.decl(), kind, e.remote(), d.spec());
  }
}
