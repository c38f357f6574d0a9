package io.aepform.engine.value;

import java.util.Objects;

/** A piece of a {@link Value.Template}: literal text or a reference. */
public sealed interface TemplatePart permits TemplatePart.Literal, TemplatePart.Ref {
  /** Literal text, with {@code $${} already turned into {@code ${}. */
  record Literal(String text) implements TemplatePart {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A {@code ${...}} expression. */
  record Ref(Reference reference) implements TemplatePart {
    public Ref {
      Objects.requireNonNull(reference, "reference");
    }
  }
}
