package io.aepform.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.engine.manifest.EnvironmentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The pipelines of examples/ci cannot run here (no GitHub, no GitLab): this only checks that they
 * parse and hold the jobs the README describes, with the commands it names, and that their
 * environment files are ones aepform loads.
 */
class CiExamplesTest {
  private static final Path CI = ManifestSchema.REPO.resolve("examples/ci");

  @Test
  void githubWorkflowPlansOnPullRequestAppliesDevOnMainAndProdAfterApproval() throws IOException {
    Map<Object, Object> workflow = load(CI.resolve("github/aepform.yml"));
    // SnakeYAML reads YAML 1.1, where the key "on" is the boolean true; GitHub reads it as "on".
    Map<String, Object> on =
        map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    assertThat(on).containsKeys("pull_request", "push");
    assertThat(map(on.get("push")).get("branches")).isEqualTo(List.of("main"));
    Map<String, Object> env = map(workflow.get("env"));
    assertThat(env.get("AEPFORM")).isEqualTo("java -jar cli/target/aepform.jar");
    for (String secret :
        List.of("AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_ORG_ID", "AEPFORM_PG_PASSWORD")) {
      assertThat(env.get(secret)).isEqualTo("${{ secrets." + secret + " }}");
    }

    Map<String, Object> jobs = map(workflow.get("jobs"));
    assertThat(jobs).containsOnlyKeys("plan", "apply-dev", "plan-prod", "apply-prod");
    for (Object job : jobs.values()) {
      assertThat(runs(map(job))).anyMatch(r -> r.equals("./mvnw -q -B -DskipTests package"));
    }

    Map<String, Object> plan = map(jobs.get("plan"));
    assertThat(plan.get("if")).isEqualTo("github.event_name == 'pull_request'");
    assertThat(String.join("\n", runs(plan)))
        .contains("$AEPFORM plan --dir \"$AEPFORM_DIR\" --env dev --out dev.plan --format markdown")
        .contains("$AEPFORM show dev.plan --format json");
    assertThat(steps(plan))
        .anyMatch(
            s ->
                String.valueOf(s.get("uses")).startsWith("actions/github-script@")
                    && String.valueOf(map(s.get("with")).get("script")).contains("createComment"));

    Map<String, Object> applyDev = map(jobs.get("apply-dev"));
    assertThat((String) applyDev.get("if")).contains("github.ref == 'refs/heads/main'");
    assertThat(runs(applyDev))
        .contains(
            "$AEPFORM apply --dir \"$AEPFORM_DIR\" --env dev --auto-approve --lock-timeout 5m");

    Map<String, Object> planProd = map(jobs.get("plan-prod"));
    assertThat(planProd.get("needs")).isEqualTo("apply-dev");
    assertThat(String.join("\n", runs(planProd))).contains("--env prod --out prod.plan");

    Map<String, Object> applyProd = map(jobs.get("apply-prod"));
    assertThat(applyProd.get("needs")).isEqualTo("plan-prod");
    assertThat(applyProd.get("environment")).isEqualTo("prod");
    assertThat(runs(applyProd))
        .contains("$AEPFORM apply prod.plan --dir \"$AEPFORM_DIR\" --lock-timeout 5m");
  }

  @Test
  void gitlabPipelinePlansOnMergeRequestAppliesDevOnMainAndProdByHand() throws IOException {
    Map<Object, Object> pipeline = load(CI.resolve("gitlab/.gitlab-ci.yml"));
    assertThat(map(pipeline.get("variables")).get("AEPFORM"))
        .isEqualTo("java -jar cli/target/aepform.jar");
    assertThat(script(map(pipeline.get("build")))).contains("./mvnw -q -B -DskipTests package");

    Map<String, Object> plan = map(pipeline.get("plan"));
    assertThat(rule(plan).get("if")).isEqualTo("$CI_PIPELINE_SOURCE == \"merge_request_event\"");
    assertThat(script(plan))
        .contains("--env dev --out dev.plan --format markdown")
        .contains("$AEPFORM show dev.plan --format json")
        .contains("/merge_requests/$CI_MERGE_REQUEST_IID/notes")
        .contains("PRIVATE-TOKEN: $GITLAB_NOTES_TOKEN");

    Map<String, Object> applyDev = map(pipeline.get("apply-dev"));
    assertThat(rule(applyDev).get("if")).isEqualTo("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    assertThat(map(applyDev.get("environment")).get("name")).isEqualTo("dev");
    assertThat(script(applyDev)).contains("apply --dir \"$AEPFORM_DIR\" --env dev --auto-approve");

    Map<String, Object> planProd = map(pipeline.get("plan-prod"));
    assertThat(String.valueOf(planProd.get("needs"))).isEqualTo("[build, apply-dev]");
    assertThat(script(planProd)).contains("--env prod --out prod.plan");

    Map<String, Object> applyProd = map(pipeline.get("apply-prod"));
    assertThat(rule(applyProd).get("when")).isEqualTo("manual");
    assertThat(applyProd.get("allow_failure")).isEqualTo(false);
    assertThat(map(applyProd.get("environment")).get("name")).isEqualTo("prod");
    assertThat(String.valueOf(applyProd.get("needs"))).isEqualTo("[build, plan-prod]");
    assertThat(script(applyProd)).contains("$AEPFORM apply prod.plan");
  }

  @Test
  void environmentFilesKeepStateInPostgres() {
    for (String name : List.of("dev", "prod")) {
      EnvironmentConfig env = EnvironmentLoader.load(CI, name);
      assertThat(env.sandbox()).isEqualTo(name);
      assertThat(env.stateBackend()).isEqualTo("postgres");
      assertThat(env.stateSettings()).containsKeys("url", "schema", "user");
    }
  }

  private static Map<Object, Object> load(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("steps");
  }

  private static List<String> runs(Map<String, Object> job) {
    return steps(job).stream()
        .filter(s -> s.containsKey("run"))
        .map(s -> ((String) s.get("run")).strip())
        .toList();
  }

  private static String script(Map<String, Object> job) {
    return String.join("\n", ((List<?>) job.get("script")).stream().map(String::valueOf).toList());
  }

  private static Map<String, Object> rule(Map<String, Object> job) {
    List<?> rules = (List<?>) job.get("rules");
    assertThat(rules).hasSize(1);
    return map(rules.get(0));
  }
}
