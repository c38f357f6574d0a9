package io.aepform.error;

/**
 * aepform refuses a change that would lose data, or that AEP cannot make or undo. Nothing was
 * changed; the message names the way to confirm or the change to make instead.
 */
public final class SafetyException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code safety.*}. */
  public enum Code {
    /**
     * A replacement or update would lose (or duplicate) data the object holds: confirm with {@code
     * --replace ADDR}.
     */
    DATA_LOSS,
    /** The plan would delete or replace a resource with {@code lifecycle.preventDestroy}. */
    PREVENT_DESTROY,
    /** AEP cannot make the change: an immutable field, an irreversible one unset, a past time. */
    UNCHANGEABLE,
    /** AEP cannot delete the object. */
    UNDELETABLE,
    /** An object with that name already exists in the sandbox and state does not hold it. */
    NAME_TAKEN,
    /** The configuration, variables or secrets no longer give the saved plan being applied. */
    PLAN_CHANGED
  }

  public SafetyException(Code code, String message) {
    super(ErrorCode.SAFETY, code, message, null);
  }
}
