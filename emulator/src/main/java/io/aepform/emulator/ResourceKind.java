package io.aepform.emulator;

/** The kinds of objects the emulator keeps, one per AEP endpoint collection. */
public enum ResourceKind {
  CONNECTION("connections"),
  SOURCE_CONNECTION("sourceConnections"),
  TARGET_CONNECTION("targetConnections"),
  FLOW("flows"),
  SCHEMA("schemas"),
  FIELD_GROUP("fieldgroups"),
  DATA_TYPE("datatypes"),
  DESCRIPTOR("descriptors"),
  DATASET("dataSets"),
  IDENTITY_NAMESPACE("identities"),
  MAPPING_SET("mappingSets"),
  /** Superseded versions of mapping sets, kept for {@code GET /mappingSets/{id}?version=N}. */
  MAPPING_SET_VERSION("mappingSetVersions"),
  MERGE_POLICY("mergePolicies");

  private final String collection;

  ResourceKind(String collection) {
    this.collection = collection;
  }

  /**
   * The path segment AEP uses for this collection, e.g. {@code sourceConnections} (also the
   * directory name in a data directory).
   */
  public String collection() {
    return collection;
  }

  /** Whether objects of this kind are Schema Registry resources named by {@code title}. */
  public boolean isTitled() {
    return this == SCHEMA || this == FIELD_GROUP || this == DATA_TYPE;
  }

  /** Whether objects of this kind live in Flow Service (and so carry etags). */
  public boolean isFlowService() {
    return this == CONNECTION
        || this == SOURCE_CONNECTION
        || this == TARGET_CONNECTION
        || this == FLOW;
  }
}
