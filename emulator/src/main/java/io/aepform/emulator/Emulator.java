package io.aepform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.aepform.emulator.catalog.CatalogApi;
import io.aepform.emulator.dataprep.DataPrepApi;
import io.aepform.emulator.faults.FaultInjector;
import io.aepform.emulator.flowservice.FlowObjects;
import io.aepform.emulator.flowservice.FlowServiceApi;
import io.aepform.emulator.gateway.Gateway;
import io.aepform.emulator.gateway.ImsEndpoint;
import io.aepform.emulator.gateway.TokenService;
import io.aepform.emulator.http.Dispatcher;
import io.aepform.emulator.http.RequestLog;
import io.aepform.emulator.identity.IdentityServiceApi;
import io.aepform.emulator.profile.ProfileApi;
import io.aepform.emulator.runs.EmulatorClock;
import io.aepform.emulator.runs.FlowsWithRuns;
import io.aepform.emulator.runs.Runs;
import io.aepform.emulator.runs.RunsApi;
import io.aepform.emulator.schemaregistry.SchemaIds;
import io.aepform.emulator.schemaregistry.SchemaRegistryApi;
import io.aepform.emulator.store.FileStore;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The local platform: a strict imitation of AEP's IMS, Flow Service, Schema Registry, Catalog,
 * Identity Service, Data Prep and Profile (merge policy) endpoints on 127.0.0.1. Start with {@link
 * #start(EmulatorOptions)}, close when done.
 *
 * <p>Besides HTTP, tests get a back door: inspect and change objects directly ({@link #objects},
 * {@link #deleteObject}, {@link #renameObject}, {@link #updateObject}), read the {@link
 * #requestLog()}, mint tokens ({@link #issueToken}) and change faults while running.
 */
public final class Emulator implements AutoCloseable {
  static {
    // The JDK server leaves Nagle's algorithm on unless told otherwise; with delayed ACKs that
    // costs ~40 ms per call on loopback. It reads this once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorOptions options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectStore store;
  private final FlowObjects flowObjects;
  private final TokenService tokens;
  private final FaultInjector faults;
  private final CatalogApi catalog;
  private final EmulatorClock clock;
  private final Runs runs;
  private RunOptions runOptions;
  private final RequestLog log = new RequestLog();

  private Emulator(EmulatorOptions options) throws IOException {
    this.options = options;
    this.clock = new EmulatorClock(options.clock());
    this.store = new ObjectStore(options.dataDir().map(FileStore::new), clock);
    this.flowObjects = new FlowObjects(store, clock);
    // Tokens keep the given clock: moving the platform's time in a test should not expire them.
    this.tokens = new TokenService(options.clients(), options.clock());
    this.runOptions = options.runs();
    this.runs = new Runs(store, options.dataDir(), clock, options.seed(), options.runs());
    this.faults = new FaultInjector(options.seed());
    this.catalog = new CatalogApi(store, clock);
    applyFaultOptions();
    Dispatcher dispatcher =
        new Dispatcher(
            new ImsEndpoint(tokens),
            new Gateway(tokens),
            List.of(
                new RunsApi(runs),
                new FlowsWithRuns(new FlowServiceApi(store, flowObjects, clock), runs),
                new SchemaRegistryApi(store, clock),
                catalog,
                new IdentityServiceApi(store, clock),
                new DataPrepApi(store, clock),
                new ProfileApi(store, clock)),
            faults,
            log,
            store);
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "aepform-emulator");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", dispatcher);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an emulator; it serves until {@link #close()}. */
  public static Emulator start(EmulatorOptions options) {
    try {
      return new Emulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator on port " + options.port(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}; IMS is at {@code baseUrl() + "/ims/token/v3"}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EmulatorOptions options() {
    return options;
  }

  /** An access token for a configured client, as IMS would issue it, without HTTP. */
  public String issueToken(String clientId) {
    return tokens
        .client(clientId)
        .map(tokens::issue)
        .orElseThrow(() -> new IllegalArgumentException("unknown client id " + clientId));
  }

  /** The tenant id the emulator derives for an org (used in schema {@code $id}s). */
  public static String tenantOf(String orgId) {
    return SchemaIds.tenant(orgId);
  }

  // ---- direct access for tests: no rules, no log ----

  public int count(ResourceKind kind, String orgId, String sandbox) {
    return store.count(new Scope(orgId, sandbox), kind);
  }

  /** Copies of the objects of one kind, in creation order, as GET returns them. */
  public List<ObjectNode> objects(ResourceKind kind, String orgId, String sandbox) {
    synchronized (store) {
      return store.list(new Scope(orgId, sandbox), kind).stream()
          .map(e -> FlowObjects.answer(e.getValue()))
          .toList();
    }
  }

  /** A copy of one object; XDM resources by {@code meta:altId} or {@code $id}. */
  public Optional<ObjectNode> object(ResourceKind kind, String orgId, String sandbox, String id) {
    synchronized (store) {
      return store.get(new Scope(orgId, sandbox), kind, key(kind, id)).map(FlowObjects::answer);
    }
  }

  /**
   * The connections a flow runs with: its source and target connections ({@code id}, {@code
   * baseConnectionId}, {@code data}, {@code params}) as they were when the flow was created. AEP
   * does not carry later changes of the connections into the flow (update-dataflows, TIP), so a
   * test can see a flow left writing to an old dataset. Empty for an unknown flow.
   */
  public Optional<ObjectNode> flowSnapshot(String orgId, String sandbox, String flowId) {
    synchronized (store) {
      return store
          .get(new Scope(orgId, sandbox), ResourceKind.FLOW, flowId)
          .map(f -> f.get(FlowObjects.SNAPSHOT))
          .filter(ObjectNode.class::isInstance)
          .map(n -> (ObjectNode) n.deepCopy());
    }
  }

  /** Deletes an object behind the client's back (no dependency checks). */
  public boolean deleteObject(ResourceKind kind, String orgId, String sandbox, String id) {
    synchronized (store) {
      return store.remove(new Scope(orgId, sandbox), kind, key(kind, id));
    }
  }

  /** Renames an object behind the client's back ({@code title} for XDM kinds, else name). */
  public boolean renameObject(
      ResourceKind kind, String orgId, String sandbox, String id, String newName) {
    String field = kind.isTitled() ? "title" : "name";
    return updateObject(kind, orgId, sandbox, id, o -> o.put(field, newName));
  }

  /**
   * Changes an object behind the client's back. {@code change} gets a copy and returns the new
   * object; Flow Service objects get a new etag, as any change in AEP gives them.
   */
  public boolean updateObject(
      ResourceKind kind,
      String orgId,
      String sandbox,
      String id,
      UnaryOperator<ObjectNode> change) {
    Scope scope = new Scope(orgId, sandbox);
    synchronized (store) {
      Optional<ObjectNode> current = store.get(scope, kind, key(kind, id));
      if (current.isEmpty()) {
        return false;
      }
      ObjectNode updated = change.apply(current.get().deepCopy());
      if (kind.isFlowService()) {
        updated = flowObjects.touch(kind, updated, scope);
      }
      store.put(scope, kind, key(kind, id), updated);
      return true;
    }
  }

  private static String key(ResourceKind kind, String id) {
    return kind.isTitled() ? SchemaIds.toAltId(id) : id;
  }

  /** Calls received so far, oldest first. */
  public List<RequestLogEntry> requestLog() {
    return log.entries();
  }

  public void clearRequestLog() {
    log.clear();
  }

  // ---- faults, changeable while running ----

  public void setLatency(Duration latency) {
    faults.setLatency(latency);
  }

  public void setFailureRate(double rate) {
    faults.setFailureRate(rate);
  }

  public void setFailureKinds(Set<FaultKind> kinds) {
    faults.setFailureKinds(kinds);
  }

  public void setSlowDelay(Duration delay) {
    faults.setSlowDelay(delay);
  }

  public void setRetryAfterSeconds(int seconds) {
    faults.setRetryAfterSeconds(seconds);
  }

  public void setCreateThenFailRate(double rate) {
    faults.setCreateThenFailRate(rate);
  }

  public void setRateLimit(double requestsPerSecond) {
    faults.setRateLimit(requestsPerSecond);
  }

  public void setListLag(Duration lag) {
    store.setListLag(lag);
  }

  public void setCreateThenTimeoutRate(double rate) {
    faults.setCreateThenTimeoutRate(rate);
  }

  public void setTimeoutDelay(Duration delay) {
    faults.setTimeoutDelay(delay);
  }

  public void setCatalogPageCap(int cap) {
    catalog.setPageCap(cap);
  }

  /**
   * Back to the faults of the start options, with the random sequence restarted from the seed; runs
   * that start from now on follow the start options' run settings again.
   */
  public void resetFaults() {
    applyFaultOptions();
    setRunOptions(options.runs());
  }

  // ---- the platform's time and dataflow runs ----

  /** Moves the platform's time forward: flows run on schedule, runs complete. */
  public void advanceClock(Duration by) {
    clock.advance(by);
  }

  /** The platform's current time. */
  public Clock clock() {
    return clock;
  }

  /** A flow's runs, oldest first, as {@code GET /runs} answers them. */
  public List<ObjectNode> runs(String orgId, String sandbox, String flowId) {
    return runs.documents(new Scope(orgId, sandbox), flowId);
  }

  /** Runs that start from now on last this long. */
  public void setRunDuration(Duration duration) {
    setRunOptions(runOptions.withDuration(duration));
  }

  /** Fraction of runs starting from now on that fail. */
  public void setRunFailureRate(double rate) {
    setRunOptions(runOptions.withFailureRate(rate));
  }

  /** Fraction of runs starting from now on that succeed with failed records. */
  public void setRunPartialFailureRate(double rate) {
    setRunOptions(runOptions.withPartialFailureRate(rate));
  }

  private synchronized void setRunOptions(RunOptions o) {
    runOptions = o;
    runs.setOptions(o);
  }

  private void applyFaultOptions() {
    faults.reset(options.seed());
    faults.setLatency(options.latency());
    faults.setFailureRate(options.failureRate());
    faults.setFailureKinds(options.failureKinds());
    faults.setSlowDelay(options.slowDelay());
    faults.setRetryAfterSeconds(options.retryAfterSeconds());
    faults.setCreateThenFailRate(options.createThenFailRate());
    faults.setRateLimit(options.rateLimit());
    faults.setCreateThenTimeoutRate(options.createThenTimeoutRate());
    faults.setTimeoutDelay(options.timeoutDelay());
    store.setListLag(options.listLag());
    catalog.setPageCap(options.catalogPageCap());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
