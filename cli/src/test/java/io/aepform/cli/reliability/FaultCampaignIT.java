package io.aepform.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.emulator.FaultKind;
import io.aepform.emulator.RequestLogEntry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign 2 (issue 7): the emulator fails calls on purpose, reproducibly by seed (500, 429 with
 * Retry-After, dropped connections, slow answers, and creates that succeed but answer 500). Apply
 * converges without a duplicate; reads are retried, a create whose outcome is unknown is never sent
 * again before a lookup by name; retries honour Retry-After and stop, with a clear error, once
 * their budget is spent. The CLI runs in-process ({@code Main.run}). Seed: {@code
 * -Daepform.faults.seed=N}.
 */
class FaultCampaignIT {
  static final long SEED = Long.getLong("aepform.faults.seed", 4243L);
  static final int MAX_RUNS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CampaignPlatform platform = new CampaignPlatform();

  @Test
  void applyConvergesUnderTwentyPercentFaultsWithoutDuplicates() throws Exception {
    platform.start(
        EmulatorOptions.builder()
            .seed(SEED)
            .failureRate(0.2)
            .failureKinds(
                EnumSet.of(
                    FaultKind.SERVER_ERROR,
                    FaultKind.TOO_MANY_REQUESTS,
                    FaultKind.DROP,
                    FaultKind.SLOW))
            .slowDelay(Duration.ofMillis(200))
            .retryAfterSeconds(1)
            .createThenFailRate(0.2)
            .build());
    long began = System.nanoTime();
    List<String> runs = new ArrayList<>();
    int exit = -1;
    for (int run = 1; run <= MAX_RUNS && exit != 0; run++) {
      CliRun apply = platform.cli("apply", "--auto-approve");
      exit = apply.exitCode();
      assertThat(apply.err()).as("run " + run).doesNotContain("\tat ");
      runs.add(exit == 0 ? "ok" : firstLine(apply.err()));
      if (exit != 0) {
        assertThat(exit).as("run %d: %s", run, apply.err()).isEqualTo(1);
      }
    }
    assertThat(exit).as("apply converged within %d runs: %s", MAX_RUNS, runs).isZero();
    platform.assertExactlyTheDeclaredObjects("after " + runs.size() + " applies under faults");
    CliRun plan = platform.cli("plan", "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
    double seconds = (System.nanoTime() - began) / 1e9;

    List<RequestLogEntry> log = platform.dataCallsAfter(0);
    Map<String, Integer> faults = new LinkedHashMap<>();
    log.forEach(e -> faults.merge(e.method() + " " + e.fault().flagName(), 1, Integer::sum));
    assertThat(faults.keySet())
        .as("the campaign met every kind of fault")
        .contains("POST create-then-fail")
        .anyMatch(k -> k.startsWith("GET server-error") || k.startsWith("GET drop"))
        .anyMatch(k -> k.endsWith("too-many-requests"))
        .anyMatch(k -> k.endsWith(" slow"));

    int retriedReads = checkFailedReadsWereRetried(log);
    int unknownCreates = checkUnknownCreatesWereLookedUpFirst(log);
    assertThat(unknownCreates).as("creates whose outcome was unknown").isPositive();
    System.out.printf(
        "FaultCampaignIT: seed %d, %d data calls, %d runs to converge %s, %.1fs; faults %s;"
            + " %d failed reads retried, %d unknown creates looked up before any re-create%n",
        SEED, log.size(), runs.size(), runs, seconds, faults, retriedReads, unknownCreates);
  }

  /** Every GET that failed (500, 429, dropped) was sent again: the same path and query, later. */
  private static int checkFailedReadsWereRetried(List<RequestLogEntry> log) {
    Set<FaultKind> failing =
        EnumSet.of(FaultKind.SERVER_ERROR, FaultKind.TOO_MANY_REQUESTS, FaultKind.DROP);
    int n = 0;
    for (int i = 0; i < log.size(); i++) {
      RequestLogEntry e = log.get(i);
      if (e.method().equals("GET") && failing.contains(e.fault())) {
        boolean again =
            log.subList(i + 1, log.size()).stream()
                .anyMatch(
                    l ->
                        l.method().equals("GET")
                            && l.path().equals(e.path())
                            && l.query().equals(e.query()));
        assertThat(again).as("failed read retried: " + e.summary()).isTrue();
        n++;
      }
    }
    assertThat(n).as("failed reads in the campaign").isPositive();
    return n;
  }

  /**
   * A POST answered 500 or with no answer may have created the object: it is never sent again
   * blindly. Every later POST of the same name comes after a GET that looks that name up, and such
   * a lookup follows every unknown create.
   */
  private static int checkUnknownCreatesWereLookedUpFirst(List<RequestLogEntry> log)
      throws Exception {
    int n = 0;
    for (int i = 0; i < log.size(); i++) {
      RequestLogEntry post = log.get(i);
      if (!post.method().equals("POST") || !(post.status() == 500 || post.status() == 0)) {
        continue;
      }
      n++;
      String name = nameIn(post);
      int lookup = -1;
      for (int j = i + 1; j < log.size(); j++) {
        RequestLogEntry later = log.get(j);
        if (isLookup(later, post.path(), name) && later.status() == 200) {
          lookup = j;
          break;
        }
        if (later.method().equals("POST")
            && later.path().equals(post.path())
            && name.equals(nameIn(later))) {
          throw new AssertionError(
              "a create answered "
                  + post.status()
                  + " was sent again without a lookup by name: "
                  + post.summary()
                  + " then "
                  + later.summary());
        }
      }
      assertThat(lookup).as("a lookup of '%s' after %s", name, post.summary()).isPositive();
    }
    return n;
  }

  private static boolean isLookup(RequestLogEntry e, String collection, String name) {
    if (!e.method().equals("GET") || !e.path().equals(collection)) {
      return false;
    }
    String query = URLDecoder.decode(e.query(), StandardCharsets.UTF_8);
    // Flow Service names are quoted (a comma would make a list), Catalog ones are not
    return query.contains("property=name==\"" + name + "\"")
        || query.contains("property=name==" + name)
        || query.contains("property=title==" + name);
  }

  private static String nameIn(RequestLogEntry post) throws Exception {
    JsonNode body = JSON.readTree(post.body());
    return body.has("title") ? body.path("title").asText() : body.path("name").asText();
  }

  @Test
  void serverErrorsOnEveryCallStopOnceTheRetryBudgetIsSpent() throws Exception {
    platform.start(EmulatorOptions.builder().seed(SEED).build());
    platform.emulator.setFailureKinds(EnumSet.of(FaultKind.SERVER_ERROR));
    platform.emulator.setFailureRate(1.0);
    long began = System.nanoTime();
    CliRun apply = platform.cli("apply", "--auto-approve");
    double seconds = (System.nanoTime() - began) / 1e9;
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .startsWith("Error: ")
        .contains("kept failing GET")
        .contains(": 500")
        .contains("after 6 attempts")
        .contains("Try again later.")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    List<RequestLogEntry> log = platform.dataCallsAfter(0);
    RequestLogEntry first = log.get(0);
    assertThat(log)
        .as("the same read, six times, then nothing else")
        .hasSize(6)
        .allMatch(e -> e.method().equals("GET") && e.status() == 500)
        .allMatch(e -> e.path().equals(first.path()) && e.query().equals(first.query()));
    assertThat(platform.total()).isZero();
    assertThat(platform.lockFile()).doesNotExist();
    System.out.printf(
        "FaultCampaignIT retry budget: 6 attempts of %s, %.1fs: %s%n",
        first.summary(), seconds, firstLine(apply.err()));
  }

  @Test
  void throttlingIsWaitedOutAsRetryAfterSaysThenStops() throws Exception {
    platform.start(EmulatorOptions.builder().seed(SEED).build());
    platform.emulator.setFailureKinds(EnumSet.of(FaultKind.TOO_MANY_REQUESTS));
    platform.emulator.setRetryAfterSeconds(1);
    platform.emulator.setFailureRate(1.0);
    long began = System.nanoTime();
    CliRun apply = platform.cli("apply", "--auto-approve");
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    assertThat(apply.exitCode()).isEqualTo(1);
    assertThat(apply.err())
        .contains("kept throttling GET")
        .contains("after 6 attempts (5")
        .doesNotContain("\tat ");
    List<RequestLogEntry> log = platform.dataCallsAfter(0);
    assertThat(log).hasSize(6).allMatch(e -> e.status() == 429);
    assertThat(took)
        .as("five waits of Retry-After: 1")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    System.out.printf(
        "FaultCampaignIT Retry-After: 6 attempts in %.1fs: %s%n",
        took.toMillis() / 1000.0, firstLine(apply.err()));
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
