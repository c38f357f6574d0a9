import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor of issue 20: a minimal client that makes an apply's own calls (a file written by
 * bench/replay.py from the apply's -v trace: the same requests, headers and bodies, with the ids
 * of this run's answers in place of the recorded ones), in dependency order, N in flight, and says
 * how long that took from the token request to the last answer. Nothing else: no configuration, no
 * plan, no state. What is left between it and an apply at the same parallelism is aepform's. A 429
 * is waited out for its Retry-After and sent again (the slot stays taken meanwhile).
 *
 * <p>Usage: {@code java Floor REPLAY BASE_URL PARALLELISM [RATE]} with AEP_CLIENT_ID and
 * AEP_CLIENT_SECRET set. With RATE, calls after the token start at most RATE a second, evenly
 * spaced: the floor against {@code --rate-limit RATE}, a client that knows the limit. Prints one
 * line, {@code floor: SECONDS s, CALLS calls, ...}; exits 1 when
 * an answer is not 2xx. JDK only (java.net.http), so javac needs no classpath.
 */
public final class Floor {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("@@(ref:(\\d+):([^@]+)|env:(\\w+)|bearer)@@");
  private static final Pattern DATASET = Pattern.compile("\"@/dataSets/([^\"]+)\"");

  record Call(
      int index, String method, String path, int[] needs, List<String[]> headers, String body) {}

  private final List<Call> calls;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<Integer, String> answers = new ConcurrentHashMap<>();
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile String token = "";
  private long spacing; // nanoseconds between the starts of two calls; 0 = no pacing
  private long nextStart;

  private Floor(List<Call> calls, String base) {
    this.calls = calls;
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: java Floor REPLAY BASE_URL PARALLELISM [RATE]");
      System.exit(2);
    }
    Floor floor = new Floor(read(Path.of(args[0])), args[1]);
    if (args.length == 4) {
      floor.spacing = (long) (1e9 / Double.parseDouble(args[3]));
    }
    int parallelism = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    floor.run(parallelism);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(String.format(
        "floor: %.3f s, %d calls (1 token, then %d at most %d in flight),"
            + " %d answers 429 waited out",
        seconds, floor.calls.size(), floor.calls.size() - 1, parallelism, floor.throttled.get()));
  }

  private void run(int parallelism) throws InterruptedException {
    Matcher m =
        Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(send(calls.get(0)));
    if (!m.find()) {
      throw new IllegalStateException("no access_token in the token answer");
    }
    token = m.group(1);
    List<List<Call>> dependents = new ArrayList<>();
    AtomicInteger[] waiting = new AtomicInteger[calls.size()];
    LinkedBlockingQueue<Call> ready = new LinkedBlockingQueue<>();
    for (Call c : calls) {
      dependents.add(new ArrayList<>());
      long open = java.util.Arrays.stream(c.needs()).filter(n -> n != 0).count();
      waiting[c.index()] = new AtomicInteger((int) open);
    }
    for (Call c : calls.subList(1, calls.size())) {
      for (int n : c.needs()) {
        if (n != 0) {
          dependents.get(n).add(c);
        }
      }
      if (waiting[c.index()].get() == 0) {
        ready.add(c);
      }
    }
    AtomicInteger left = new AtomicInteger(calls.size() - 1);
    Call stop = new Call(-1, "", "", new int[0], List.of(), "");
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      Thread t = new Thread(() -> work(ready, dependents, waiting, left, stop, parallelism));
      t.start();
      workers.add(t);
    }
    for (Thread t : workers) {
      t.join();
    }
    if (left.get() != 0) {
      throw new IllegalStateException(
          left.get() + " calls never became ready (a dependency cycle?)");
    }
  }

  private void work(LinkedBlockingQueue<Call> ready, List<List<Call>> dependents,
      AtomicInteger[] waiting, AtomicInteger left, Call stop, int parallelism) {
    try {
      for (Call c = ready.take(); c != stop; c = ready.take()) {
        answers.put(c.index(), send(c));
        for (Call d : dependents.get(c.index())) {
          if (waiting[d.index()].decrementAndGet() == 0) {
            ready.add(d);
          }
        }
        if (left.decrementAndGet() == 0) {
          for (int i = 0; i < parallelism; i++) {
            ready.add(stop);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends c; a 429 (under --rate-limit) is waited out for its Retry-After and sent again. */
  private String send(Call c) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + fill(c.path())));
    for (String[] h : c.headers()) {
      b.header(h[0], fill(h[1]));
    }
    b.method(c.method(), c.body().isEmpty()
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(fill(c.body())));
    HttpRequest request = b.build();
    try {
      while (true) {
        pace(c);
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
          throttled.incrementAndGet();
          long seconds = r.headers().firstValueAsLong("retry-after").orElse(1);
          Thread.sleep(seconds * 1000);
          continue;
        }
        if (r.statusCode() / 100 != 2) {
          fail(c.method() + " " + c.path() + " -> " + r.statusCode() + ": " + r.body());
        }
        return r.body();
      }
    } catch (IOException e) {
      fail(c.method() + " " + c.path() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    return "";
  }

  /** Waits for c's turn when paced (the token request is not a data call: never paced). */
  private void pace(Call c) throws InterruptedException {
    if (spacing == 0 || c.index() == 0) {
      return;
    }
    long start;
    synchronized (this) {
      start = Math.max(System.nanoTime(), nextStart);
      nextStart = start + spacing;
    }
    long wait = start - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** The text with this run's token, environment and the ids earlier answers returned. */
  private String fill(String text) {
    if (text.indexOf("@@") < 0) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value;
      if (m.group(2) != null) {
        value = id(answers.get(Integer.parseInt(m.group(2))), m.group(3));
      } else if (m.group(4) != null) {
        value = System.getenv(m.group(4));
      } else {
        value = "Bearer " + token;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    return m.appendTail(sb).toString();
  }

  private static String id(String answer, String key) {
    Matcher m = key.equals("dataSets")
        ? DATASET.matcher(answer)
        : Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(answer);
    if (!m.find()) {
      fail("no " + key + " in " + answer);
    }
    return m.group(1);
  }

  private static void fail(String why) {
    System.err.println("floor: " + why);
    System.exit(1);
  }

  private static List<Call> read(Path file) throws IOException {
    List<Call> calls = new ArrayList<>();
    for (String block : Files.readString(file).split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      String[] lines = block.split("\n");
      String[] first = lines[0].split(" ", 2);
      String needs = lines[1].substring("needs:".length()).trim();
      int[] ids = needs.isEmpty() ? new int[0]
          : java.util.Arrays.stream(needs.split(" ")).mapToInt(Integer::parseInt).toArray();
      List<String[]> headers = new ArrayList<>();
      String body = "";
      for (int i = 2; i < lines.length; i++) {
        if (lines[i].startsWith("body: ")) {
          body = lines[i].substring("body: ".length());
        } else {
          headers.add(lines[i].split(": ", 2));
        }
      }
      calls.add(new Call(calls.size(), first[0], first[1], ids, headers, body));
    }
    return calls;
  }
}
