package io.aepform.engine.apply;

/**
 * What the platform and state hold when a step's state write fails: said after the state error, so
 * that the user knows what the next run will find and do.
 */
final class Unrecorded {
  private Unrecorded() {}

  static String notSent(String address) {
    return "Nothing was sent for " + address + ": it was not created.";
  }

  static String pendingKept(String address) {
    return address
        + " was not created, but state keeps its pending record: the next plan or apply looks it"
        + " up and finds nothing to adopt.";
  }

  static String created(String address, String id) {
    return address
        + " was created in AEP (id "
        + id
        + ") but state records it only as pending: the next plan or apply looks it up by name and"
        + " adopts it.";
  }

  static String etag(String address, String id) {
    return address
        + " was created and recorded (id "
        + id
        + "); only its latest etag was not, which the next plan reads again.";
  }

  static String afterCreate(String address, String id, String failure) {
    return address
        + " was created and recorded (id "
        + id
        + "), but not what the calls after its create changed ("
        + failure
        + "): the next plan shows those changes again.";
  }

  static String updated(String address) {
    return address
        + " was updated in AEP, but state still records it as it was before: the next plan shows"
        + " the update again.";
  }

  static String deleted(String address) {
    return address
        + " was deleted in AEP, but state still records it: the next plan shows it as deleted"
        + " outside aepform.";
  }
}
