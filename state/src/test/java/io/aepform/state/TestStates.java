package io.aepform.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Fixed states for tests: same input, same bytes. */
final class TestStates {
  static final String LINEAGE = "6f1c2a4e-8d3b-4c7a-9e21-0b5d7f3a9c11";
  static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA==";
  static final ObjectMapper JSON = new ObjectMapper();

  private TestStates() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static State empty(long serial) {
    return new State(1, serial, LINEAGE, "0.1.0", "dev", "dev", "ORG@AdobeOrg", SALT, List.of());
  }

  static ResourceState schema() {
    return ResourceState.created(
        "schema.demo_profile",
        "schema",
        "https://ns.adobe.com/tenant/schemas/1a2b",
        "Sample Demo Profile XDM",
        "",
        json(
            "{\"title\":\"Sample Demo Profile XDM\",\"type\":\"object\",\"description\":\"\","
                + "\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}],"
                + "\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\"}"),
        json(
            "{\"id\":\"https://ns.adobe.com/tenant/schemas/1a2b\",\"altId\":\"_tenant.schemas.1a2b\","
                + "\"title\":\"Sample Demo Profile XDM\"}"),
        List.of());
  }

  static ResourceState connection() {
    return ResourceState.created(
        "connection.s3",
        "connection",
        "c0ffee00-0000-4000-8000-000000000001",
        "s3",
        "\"0a00b1c2-0000-0200-0000-5f1a2b3c0000\"",
        json(
            "{\"name\":\"s3\",\"auth\":{\"specName\":\"Access Key\",\"params\":{"
                + "\"s3AccessKey\":\"AKIA\",\"s3SecretKey\":\"pbkdf2-sha256:100000:"
                + "7i3OhC0bmqDBfl1BSBSWd1mIsQL/9fzB4vGjv0WqmKI=\"}},"
                + "\"connectionSpec\":{\"id\":\"ecadc60c-7455-4d87-84dc-2a0e293d997b\","
                + "\"version\":\"1.0\"}}"),
        json("{\"id\":\"c0ffee00-0000-4000-8000-000000000001\",\"name\":\"s3\"}"),
        List.of());
  }

  static ResourceState pendingDataset() {
    return ResourceState.pendingCreate(
        "dataset.leads",
        "dataset",
        json(
            "{\"name\":\"leads\",\"schemaRef\":{\"id\":\"https://ns.adobe.com/tenant/schemas/1a2b\"}}"),
        List.of("schema.demo_profile"),
        new PendingCreate("leads", Instant.parse("2026-03-01T10:15:30.123Z"), "run-42"));
  }

  /** A state with one resource of each status. */
  static State sample(long serial) {
    return empty(serial).with(schema()).with(connection()).with(pendingDataset()).with(tainted());
  }

  static ResourceState tainted() {
    return ResourceState.created(
            "flow.daily",
            "flow",
            "f1000000-0000-4000-8000-000000000009",
            "daily",
            "\"etag-9\"",
            json("{\"name\":\"daily\",\"scheduleParams\":{\"interval\":\"1000\"}}"),
            json("{\"id\":\"f1000000-0000-4000-8000-000000000009\",\"name\":\"daily\"}"),
            List.of("dataset.leads", "connection.s3"))
        .taint();
  }
}
