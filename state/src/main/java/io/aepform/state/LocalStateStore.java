package io.aepform.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default backend: files in the {@code .aepform} directory, {@code <env>.state.json}, its lock
 * {@code <env>.state.json.lock} and its backup {@code <env>.state.json.backup}. Implements every
 * rule of {@link StateStore}; see {@code docs/state.md} for what users can rely on.
 *
 * <p>Thread-safe; one instance holds at most one lock at a time, and {@link #write} must be called
 * through the instance that holds it.
 */
public final class LocalStateStore implements StateStore {
  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Duration POLL = Duration.ofMillis(100);

  private final Path dir;
  private final String environment;
  private final Path stateFile;
  private final Path backupFile;
  private final LockFile lockFile;
  private final LockAcquirer acquirer;
  private Session session;

  /**
   * @param dir the {@code .aepform} directory; created when the first lock is taken
   * @param environment the environment name, which names the files
   * @throws IllegalArgumentException when {@code environment} cannot name a file safely
   */
  public LocalStateStore(Path dir, String environment) {
    this(dir, environment, Clock.systemUTC(), POLL);
  }

  LocalStateStore(Path dir, String environment, Clock clock, Duration poll) {
    if (!ENVIRONMENT.matcher(environment).matches() || environment.contains("..")) {
      throw new IllegalArgumentException("not a valid environment name: '" + environment + "'");
    }
    this.dir = dir;
    this.environment = environment;
    this.stateFile = dir.resolve(environment + ".state.json");
    this.backupFile = dir.resolve(environment + ".state.json.backup");
    this.lockFile = new LockFile(dir.resolve(environment + ".state.json.lock"));
    this.acquirer = new LockAcquirer(lockFile, stateFile.toString(), environment, clock, poll);
  }

  /** The state file. */
  public Path stateFile() {
    return stateFile;
  }

  /** The backup: the state as it was before the last run that changed it. */
  public Path backupFile() {
    return backupFile;
  }

  /** The lock file. */
  public Path lockFile() {
    return lockFile.path();
  }

  @Override
  public String location() {
    return stateFile.toString();
  }

  @Override
  public synchronized StateLock lock(LockInfo info, Duration timeout) {
    if (session != null) {
      throw new IllegalStateException("this store already holds lock " + session.lock.id());
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE,
          "Cannot create the state directory " + dir + ": " + e,
          e);
    }
    acquirer.acquire(info, timeout);
    session = new Session(info);
    removeLeftovers();
    return new LocalLock(info);
  }

  @Override
  public Optional<State> read() {
    return readBytes().map(this::decode);
  }

  @Override
  public synchronized void write(State state) {
    if (session == null) {
      throw new IllegalStateException("write needs the lock; call lock() on this store first");
    }
    if (!state.environment().equals(environment)) {
      throw new IllegalArgumentException(
          "a state of environment '" + state.environment() + "' written to " + stateFile);
    }
    checkStillLocked();
    Optional<State> unchanged =
        session.backedUp ? session.lastWrittenIfUnchanged() : Optional.empty();
    Optional<byte[]> current = unchanged.isPresent() ? Optional.empty() : readBytes();
    Optional<State> stored = unchanged.isPresent() ? unchanged : current.map(this::decode);
    stored.ifPresent(old -> StateSuccession.check(stateFile, old, state));
    session.lastWritten = null;
    try {
      if (!session.backedUp && current.isPresent()) {
        AtomicFiles.write(backupFile, current.get());
      }
      session.backedUp = true;
      session.lastWritten =
          new Written(
              state, AtomicFiles.write(stateFile, StateCodec.chunks(state, session.fragments)));
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE,
          "Cannot write the state " + stateFile + ": " + e + ". The previous state is unchanged.",
          e);
    }
  }

  @Override
  public synchronized void forceUnlock(String lockId) {
    Optional<LockInfo> current;
    try {
      current = lockFile.read();
    } catch (StateException e) {
      throw new StateException(
          StateException.Code.CORRUPT, LockMessages.damaged(stateFile.toString(), e), e);
    }
    LockInfo holder =
        current.orElseThrow(
            () ->
                new StateException(
                    StateException.Code.NOT_FOUND, "The state " + stateFile + " is not locked."));
    if (!holder.id().equals(lockId)) {
      throw new StateException(
          StateException.Code.LOCKED,
          String.format(
              "The state %s is locked with id %s, not %s; refusing to remove another lock.",
              stateFile, holder.id(), lockId));
    }
    lockFile.delete();
    if (session != null && session.lock.id().equals(lockId)) {
      session = null;
    }
  }

  private Optional<byte[]> readBytes() {
    try {
      return Optional.of(Files.readAllBytes(stateFile));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE, "Cannot read the state " + stateFile + ": " + e, e);
    }
  }

  private State decode(byte[] bytes) {
    State state;
    try {
      state = StateCodec.read(bytes, stateFile.toString());
    } catch (StateException e) {
      String what = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
      // a state from a newer aepform is fine: the way out is to upgrade, not to restore
      boolean newer = what.contains("Upgrade aepform");
      throw new StateException(e.reason(), newer ? what : what + " " + recovery(), e);
    }
    if (!state.environment().equals(environment)) {
      throw new StateException(
          StateException.Code.MISMATCH,
          String.format(
              "%s: records environment '%s', not '%s'; was it copied from another environment?"
                  + " Rename it back, or fix its environment by hand.",
              stateFile, state.environment(), environment));
    }
    return state;
  }

  private String recovery() {
    String keep = "aepform does not overwrite a state file it cannot read.";
    if (Files.exists(backupFile)) {
      return "To recover, restore the state before the last run that changed it: copy "
          + backupFile
          + " over "
          + stateFile
          + " (or fix the file by hand). "
          + keep;
    }
    return "To recover, fix the file by hand (there is no backup " + backupFile + "). " + keep;
  }

  /** A force-unlock by someone else means another run may be writing: stop before clobbering. */
  private void checkStillLocked() {
    String id = session.lock.id();
    if (!lockFile.holds(session.lock)) {
      throw new StateException(
          StateException.Code.LOCK_LOST,
          String.format(
              "The lock %s of the state %s was removed (force-unlock?) while this run held it;"
                  + " refusing to write, another run may be using the state. Check the state with"
                  + " 'aepform plan' before going on.",
              id, stateFile));
    }
  }

  private void removeLeftovers() {
    try {
      AtomicFiles.deleteLeftovers(stateFile);
      AtomicFiles.deleteLeftovers(backupFile);
    } catch (IOException e) {
      // Only litter: a failed cleanup must not fail the run.
    }
  }

  private synchronized void release(LockInfo info) {
    if (session != null && session.lock.id().equals(info.id())) {
      session = null;
      lockFile.deleteIfHeldBy(info.id());
    }
  }

  /** A state this session wrote, and the attributes of the file it wrote it to. */
  private record Written(State state, BasicFileAttributes file) {}

  /** One run: from taking the lock to releasing it. The backup is made once per session. */
  private final class Session {
    final LockInfo lock;
    boolean backedUp;
    Written lastWritten;
    final StateCodec.Fragments fragments = new StateCodec.Fragments();

    Session(LockInfo lock) {
      this.lock = lock;
    }

    /**
     * The state this session wrote last, while the state file is still that very file: the same
     * inode, size and modification time (an atomic write always makes a new inode). Then it need
     * not be read and parsed again to check the next write against it; any other file is read.
     */
    Optional<State> lastWrittenIfUnchanged() {
      if (lastWritten == null || lastWritten.file().fileKey() == null) {
        return Optional.empty();
      }
      BasicFileAttributes now;
      try {
        now = Files.readAttributes(stateFile, BasicFileAttributes.class);
      } catch (IOException e) {
        return Optional.empty();
      }
      BasicFileAttributes then = lastWritten.file();
      boolean same =
          then.fileKey().equals(now.fileKey())
              && then.size() == now.size()
              && then.lastModifiedTime().equals(now.lastModifiedTime());
      return same ? Optional.of(lastWritten.state()) : Optional.empty();
    }
  }

  private final class LocalLock implements StateLock {
    private final LockInfo info;

    LocalLock(LockInfo info) {
      this.info = info;
    }

    @Override
    public LockInfo info() {
      return info;
    }

    @Override
    public void close() {
      release(info);
    }
  }
}
