package io.aepform.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.Golden;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Drift;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.RefreshOnly;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Golden files for a plan with every kind of change and drift, in text, JSON and markdown: what a
 * reviewer reads on a pull request. Regenerate with -Daepform.golden.update=true.
 */
class PlanRenderingGoldenTest {
  private static final String SECRET = "mixed-plan-secret-value";

  static Plan mixedPlan() {
    Address flow = new Address("flow", "ingest");
    Address s3 = new Address("connection", "s3");
    Address source = new Address("sourceConnection", "s3_parquet");
    Address old = new Address("dataset", "old_leads");
    Address schema = new Address("schema", "demo_profile");
    Value oldFlow =
        obj(
            "id",
            str("89ff50ef"),
            "spec",
            obj("name", str("Old Flow"), "scheduleParams", obj("interval", str("1000"))));
    Value newFlow =
        obj(
            "id",
            str("89ff50ef"),
            "spec",
            obj("name", str("New Flow"), "scheduleParams", obj("interval", str("1000"))));
    Value s3Before =
        obj(
            "id",
            str("5831c52c"),
            "spec",
            obj(
                "name",
                str("S3"),
                "auth",
                obj("params", obj("s3SecretKey", new Value.Sensitive(str(SECRET)))),
                "connectionSpec",
                obj("id", str("google"))));
    Value s3After =
        obj(
            "id",
            unknown("connection.s3.id"),
            "spec",
            obj(
                "name",
                str("S3"),
                "auth",
                obj("params", obj("s3SecretKey", new Value.Sensitive(str(SECRET)))),
                "connectionSpec",
                obj("id", str("ecadc60c"))));
    List<ResourceChange> changes =
        List.of(
            new ResourceChange(
                schema,
                Action.CREATE,
                "",
                Optional.empty(),
                Optional.of(
                    obj(
                        "id",
                        unknown("schema.demo_profile.id"),
                        "spec",
                        obj("title", str("Profile")))),
                List.of(),
                List.of()),
            new ResourceChange(
                s3,
                Action.REPLACE,
                "changing spec.connectionSpec.id cannot be done in place: it forces replacement",
                Optional.of(s3Before),
                Optional.of(s3After),
                List.of(
                    new FieldChange(
                        "/connectionSpec/id",
                        Optional.of(str("google")),
                        Optional.of(str("ecadc60c")))),
                List.of()),
            new ResourceChange(
                source,
                Action.REPLACE,
                "changing spec.baseConnectionId cannot be done in place: it forces replacement",
                Optional.of(
                    obj("id", str("73bc8911"), "spec", obj("baseConnectionId", str("5831c52c")))),
                Optional.of(
                    obj(
                        "id",
                        unknown("sourceConnection.s3_parquet.id"),
                        "spec",
                        obj("baseConnectionId", unknown("connection.s3.id")))),
                List.of(),
                List.of(s3)),
            new ResourceChange(
                flow,
                Action.UPDATE,
                "",
                Optional.of(oldFlow),
                Optional.of(newFlow),
                List.of(
                    new FieldChange(
                        "/name", Optional.of(str("Old Flow")), Optional.of(str("New Flow")))),
                List.of(source)),
            new ResourceChange(
                old,
                Action.DELETE,
                "not in the configuration",
                Optional.of(obj("id", str("5e7439b1"), "spec", obj("name", str("Old Leads")))),
                Optional.empty(),
                List.of(),
                List.of()));
    List<Drift> drift =
        List.of(
            new Drift(
                flow,
                false,
                List.of(
                    new FieldChange(
                        "/name",
                        Optional.of(str("Old Flow")),
                        Optional.of(str("Renamed by hand"))))));
    List<OutputValue> outputs =
        List.of(
            new OutputValue("flow_id", str("89ff50ef"), false, Optional.of(str("89ff50ef"))),
            new OutputValue(
                "connection_id", unknown("connection.s3.id"), false, Optional.of(str("5831c52c"))),
            new OutputValue("schema_id", unknown("schema.demo_profile.id"), false),
            new OutputValue("region", str("eu-west-1"), false),
            new OutputValue(
                "s3_secret",
                new Value.Sensitive(str(SECRET)),
                true,
                Optional.of(new Value.Sensitive(str(SECRET)))));
    List<Problem> warnings =
        List.of(
            Problem.warning(
                Position.of("flow.ingest"),
                "will be re-created: with scheduleParams.backfill, its first run ingests every file under the source path again"));
    return new Plan(
        "dev", "b2f0c9e4-0000-4000-8000-000000000001", 12, changes, drift, outputs, warnings);
  }

  @Test
  void text() throws Exception {
    Golden.check("mixed-plan/plan.txt", new PlanTextRenderer(Style.PLAIN).render(mixedPlan()));
  }

  @Test
  void refreshOnlyText() throws Exception {
    Plan refreshOnly = RefreshOnly.plan(mixedPlan());
    Golden.check(
        "mixed-plan/plan-refresh-only.txt",
        new PlanTextRenderer(Style.PLAIN).renderRefreshOnly(refreshOnly));
  }

  @Test
  void onlyOutputsChange() throws Exception {
    Plan plan =
        new Plan(
            "dev",
            "",
            0,
            List.of(),
            List.of(),
            List.of(new OutputValue("region", str("eu-west-1"), false)),
            List.of());
    assertThat(plan.hasOutputChanges()).isTrue();
    Golden.check("outputs-only/plan.txt", new PlanTextRenderer(Style.PLAIN).render(plan));
  }

  @Test
  void json() throws Exception {
    Golden.check("mixed-plan/plan.json", PlanJsonRenderer.render(mixedPlan()));
  }

  @Test
  void markdown() throws Exception {
    String md = PlanMarkdownRenderer.render(mixedPlan());
    Golden.check("mixed-plan/plan.md", md);
    assertThat(md).isEqualTo(PlanMarkdownRenderer.render(mixedPlan()));
  }

  @Test
  void anUnchangedResourceIsANoOpInJsonAndLeftOutOfTextAndMarkdown() {
    Value same = obj("id", str("5e7439b1"), "spec", obj("name", str("Leads")));
    Plan plan =
        new Plan(
            "dev",
            mixedPlan().lineage(),
            1,
            List.of(
                new ResourceChange(
                    new Address("dataset", "leads"),
                    Action.NO_OP,
                    "",
                    Optional.of(same),
                    Optional.of(same),
                    List.of(),
                    List.of())),
            List.of(),
            List.of(),
            List.of());
    assertThat(PlanJsonRenderer.render(plan))
        .contains("\"address\" : \"dataset.leads\"")
        .contains("\"actions\" : [ \"no-op\" ]");
    assertThat(new PlanTextRenderer(Style.PLAIN).render(plan))
        .contains("No changes.")
        .doesNotContain("dataset.leads");
    assertThat(PlanMarkdownRenderer.render(plan)).doesNotContain("dataset.leads");
  }

  @Test
  void noRenderingShowsTheSecret() {
    assertThat(new PlanTextRenderer(Style.PLAIN).render(mixedPlan())).doesNotContain(SECRET);
    assertThat(PlanJsonRenderer.render(mixedPlan())).doesNotContain(SECRET);
    assertThat(PlanMarkdownRenderer.render(mixedPlan())).doesNotContain(SECRET);
  }

  @Test
  void aLongPlanIsCutToFitACommentWithANote() {
    Plan one = mixedPlan();
    List<ResourceChange> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Address a = new Address("dataset", "d" + i);
      many.add(
          new ResourceChange(
              a,
              Action.CREATE,
              "",
              Optional.empty(),
              Optional.of(
                  obj(
                      "id",
                      unknown("dataset.d" + i + ".id"),
                      "spec",
                      obj("name", str("Dataset number " + i)))),
              List.of(),
              List.of()));
    }
    Plan big = new Plan("dev", one.lineage(), 1, many, List.of(), List.of(), List.of());
    String md = PlanMarkdownRenderer.render(big);
    assertThat(md.length()).isLessThan(65_536);
    assertThat(md).contains("more change(s) not shown");
  }

  @Test
  void aLargePlanRendersInParallelExactlyAsOneAfterAnother() {
    Plan one = mixedPlan();
    List<ResourceChange> many = new ArrayList<>();
    for (int copy = 0; copy < 200; copy++) {
      for (ResourceChange c : one.changes()) {
        many.add(
            new ResourceChange(
                new Address(c.address().kind(), c.address().name() + "_" + copy),
                c.action(),
                c.reason(),
                c.before(),
                c.after(),
                c.fields(),
                c.dependencies()));
      }
    }
    Plan big = new Plan("dev", one.lineage(), 1, many, List.of(), List.of(), List.of());
    String sequential = new PlanTextRenderer(Style.PLAIN, Integer.MAX_VALUE).render(big);
    assertThat(new PlanTextRenderer(Style.PLAIN, 0).render(big)).isEqualTo(sequential);
    assertThat(new PlanTextRenderer(Style.PLAIN).render(big)).isEqualTo(sequential);
    assertThat(sequential).contains("_199");
  }

  private static Value str(String s) {
    return new Value.Str(s);
  }

  private static Value unknown(String expr) {
    String[] p = expr.split("\\.");
    return new Value.Unknown(
        new Value.Template(
            List.of(new TemplatePart.Ref(Reference.resource(p[0], p[1], p[2]))),
            "${" + expr + "}"));
  }

  private static Value obj(Object... kv) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Value) kv[i + 1]);
    }
    return new Value.Obj(m);
  }
}
