package io.aepform.state;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Who holds a state lock: shown to anyone who finds the state locked, so they can tell a running
 * apply from a dead one.
 *
 * @param id a uuid; {@code aepform force-unlock <id>} removes the lock
 * @param owner the user name of the holding process
 * @param host the host name of the holding process
 * @param pid the process id of the holding process
 * @param operation what the holder does, e.g. {@code apply}
 * @param created when the lock was taken
 */
public record LockInfo(
    String id, String owner, String host, long pid, String operation, Instant created) {

  public LockInfo {
    Checks.nonBlank(id, "id");
    Checks.nonBlank(owner, "owner");
    Checks.nonBlank(host, "host");
    Checks.check(pid > 0, "pid must be positive");
    Checks.nonBlank(operation, "operation");
    Checks.nonNull(created, "created");
  }

  /** A new lock id for {@code operation} by this process, now. */
  public static LockInfo forCurrentProcess(String operation) {
    return new LockInfo(
        UUID.randomUUID().toString(),
        Optional.ofNullable(System.getProperty("user.name"))
            .filter(s -> !s.isBlank())
            .orElse("unknown"),
        currentHost(),
        ProcessHandle.current().pid(),
        operation,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * The name of this host, the same for every aepform process on it (stale lock detection compares
   * it). The kernel's name comes first because a name lookup can hang on a badly configured host.
   */
  static String currentHost() {
    Path kernel = Path.of("/proc/sys/kernel/hostname");
    try {
      if (Files.isReadable(kernel)) {
        String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
        if (!name.isEmpty()) {
          return name;
        }
      }
    } catch (IOException e) {
      // fall through to the portable lookup
    }
    String windows = System.getenv("COMPUTERNAME");
    if (windows != null && !windows.isBlank()) {
      return windows;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
