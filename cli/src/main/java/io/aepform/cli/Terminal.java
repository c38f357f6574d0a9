package io.aepform.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Where a confirmation is asked: the process's console, or (for tests) some typed lines. */
public interface Terminal {
  /** Whether there is someone to ask. */
  boolean interactive();

  /** Shows {@code prompt} and reads a line; empty at the end of input (Ctrl-D). */
  Optional<String> readLine(String prompt);

  /** The process's console; not interactive when input or output is redirected. */
  static Terminal system() {
    Console console = System.console();
    return new Terminal() {
      @Override
      public boolean interactive() {
        return console != null;
      }

      @Override
      public Optional<String> readLine(String prompt) {
        return Optional.ofNullable(console == null ? null : console.readLine("%s", prompt));
      }
    };
  }

  /** No terminal: confirmations are refused (as when input is redirected). */
  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public Optional<String> readLine(String prompt) {
        return Optional.empty();
      }
    };
  }

  /** A terminal where {@code typed} is what the user types; prompts go to {@code prompts}. */
  static Terminal typing(String typed, PrintStream prompts) {
    BufferedReader lines = new BufferedReader(new StringReader(typed));
    return new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public Optional<String> readLine(String prompt) {
        prompts.print(prompt);
        try {
          return Optional.ofNullable(lines.readLine());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
