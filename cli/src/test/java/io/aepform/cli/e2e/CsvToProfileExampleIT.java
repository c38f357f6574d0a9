package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CSV-to-profile example as its README runs it on the local platform: apply, then no changes;
 * the schema and dataset enabled for Profile; destroy leaves what AEP cannot delete and says why;
 * applied again, it imports or adopts what stayed.
 */
class CsvToProfileExampleIT {
  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("csv-to-profile");

  @Test
  void appliesThenPlansNoChangesThenDestroysWhatAepCanDelete() {
    LifecycleSteps steps = new LifecycleSteps(platform);
    CliRun apply = steps.cli("apply", "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out())
        .contains("Apply complete! Resources: 13 added, 0 changed, 0 destroyed.")
        .contains("mapping_version = 0");
    String tenant = Emulator.tenantOf(platform.client.orgId());
    assertThat(steps.only(ResourceKind.MAPPING_SET).at("/mappings/0/destination").asText())
        .isEqualTo("_" + tenant + ".crmId");
    ObjectNode schema = steps.named(ResourceKind.SCHEMA, "CRM Customers");
    assertThat(schema.path("meta:immutableTags").toString()).isEqualTo("[\"union\"]");
    assertThat(steps.named(ResourceKind.DATASET, "CRM Customers").at("/tags/unifiedProfile"))
        .hasToString("[\"enabled:true\"]");
    steps.plansNoChanges();

    CliRun destroy = steps.cli("destroy", "--auto-approve");
    assertThat(destroy.exitCode()).as(destroy.out() + destroy.err()).isZero();
    assertThat(destroy.out())
        .contains(
            "  # mappingSet.customers will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (AEP cannot delete a mapping set")
        .contains(
            "  # identityNamespace.crm will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (AEP cannot delete an identity namespace")
        .contains(
            "  # schema.customers will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (it is enabled for Profile, so it stays in AEP")
        .contains(
            "  # fieldGroup.crm will no longer be managed by aepform, but will not be"
                + " destroyed\n  # (schema.customers uses it, and that schema is enabled for"
                + " Profile");
    assertThat(steps.objects(ResourceKind.FLOW)).isEmpty();
    assertThat(steps.objects(ResourceKind.DATASET)).isEmpty();
    assertThat(steps.objects(ResourceKind.SCHEMA)).hasSize(1);
    assertThat(steps.objects(ResourceKind.MAPPING_SET)).hasSize(1);

    // applied again, as the README says: the plan names every object to import at once, with
    // its command; the schema and its field group imported so, the namespace and the mapping set
    // adopted (neither can be created twice nor deleted), the rest created
    String schemaId = steps.only(ResourceKind.SCHEMA).path("$id").asText();
    String fieldGroupId = steps.only(ResourceKind.FIELD_GROUP).path("$id").asText();
    CliRun refused = steps.cli("plan");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("2 objects to create already exist and are not in state: ")
        .contains(
            "fieldGroup.crm: a fieldGroup with title \"CRM Customer Fields\" already exists in"
                + " sandbox 'it' (id "
                + fieldGroupId
                + ")")
        .contains("schema.customers: a schema with title \"CRM Customers\"")
        .contains(
            "aepform import fieldGroup.crm "
                + fieldGroupId
                + "; aepform import schema.customers "
                + schemaId
                + ";");
    for (String command :
        new String[] {"fieldGroup.crm " + fieldGroupId, "schema.customers " + schemaId}) {
      String[] addressAndId = command.split(" ");
      CliRun imported = steps.cli("import", addressAndId[0], addressAndId[1]);
      assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    }
    CliRun again = steps.cli("apply", "--auto-approve");
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out())
        .contains("# identityNamespace.crm will be imported")
        .contains("# mappingSet.customers will be imported")
        .contains("Plan: 2 to import, 9 to add, 0 to change, 0 to destroy.");
    assertThat(steps.objects(ResourceKind.MAPPING_SET)).hasSize(1);
    steps.plansNoChanges();
  }
}
