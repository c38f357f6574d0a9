package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // a lock held for its scope is the point of those try blocks
class LocalStateStoreTest {
  @TempDir Path root;

  private Path dir() {
    return root.resolve(".aepform");
  }

  private LocalStateStore store() {
    return new LocalStateStore(dir(), "dev");
  }

  @Test
  void readsNothingBeforeTheFirstWrite() {
    assertThat(store().read()).isEmpty();
    assertThat(store().location()).endsWith("dev.state.json");
  }

  @Test
  void writesWhatItReadsBackUnderTheDocumentedNames() throws IOException {
    LocalStateStore store = store();
    State state = TestStates.sample(1);

    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      assertThat(dir().resolve("dev.state.json.lock")).exists();
      store.write(state);
    }

    assertThat(store.read()).contains(state);
    assertThat(Files.readAllBytes(dir().resolve("dev.state.json")))
        .isEqualTo(StateCodec.write(state));
    assertThat(dir().resolve("dev.state.json.lock")).doesNotExist();
    assertThat(dir().resolve("dev.state.json.backup")).doesNotExist();
  }

  @Test
  void keepsTheStateBeforeTheRunAsBackupOncePerRun() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));

    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(TestStates.sample(2));
      store.write(TestStates.sample(3));
      store.write(TestStates.sample(4));
    }

    assertThat(serialOf(store.backupFile())).isEqualTo(1);
    assertThat(store.read().orElseThrow().serial()).isEqualTo(4);

    runWriting(store, TestStates.sample(5));
    assertThat(serialOf(store.backupFile())).isEqualTo(4);
  }

  @Test
  void aRunThatWritesNothingKeepsTheBackup() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));
    runWriting(store, TestStates.sample(2));

    store.lock(LockInfo.forCurrentProcess("plan"), Duration.ZERO).close();

    assertThat(serialOf(store.backupFile())).isEqualTo(1);
  }

  @Test
  void refusesASerialThatDoesNotMoveForward() {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(5));

    assertThatThrownBy(() -> runWriting(store, TestStates.sample(5)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("it has serial 5, this run's state serial 5");
    assertThat(store.read().orElseThrow().serial()).isEqualTo(5);
  }

  @Test
  void withinARunAStateFileReplacedBehindItsBackIsStillCheckedAgainst() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));

    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(TestStates.sample(2));
      // someone else (ignoring the lock) writes serial 7 in between: a new file
      Path file = store.stateFile();
      Path other = root.resolve("other.json");
      Files.write(other, StateCodec.write(TestStates.sample(7)));
      Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> store.write(TestStates.sample(3)))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("it has serial 7, this run's state serial 3");
    }
    assertThat(store.read().orElseThrow().serial()).isEqualTo(7);
  }

  @Test
  void withinARunAStateFileRewrittenInPlaceIsStillCheckedAgainst() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));

    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(TestStates.sample(2));
      // same inode, other content of another size
      Files.write(store.stateFile(), StateCodec.write(TestStates.sample(19)));

      assertThatThrownBy(() -> store.write(TestStates.sample(3)))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("it has serial 19, this run's state serial 3");
    }
  }

  @Test
  void successiveWritesOfARunStillRefuseASerialThatDoesNotMoveForward() {
    LocalStateStore store = store();
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(TestStates.sample(4));
      store.write(TestStates.sample(5));
      assertThatThrownBy(() -> store.write(TestStates.sample(5)))
          .isInstanceOf(StateException.class)
          .hasMessageContaining("it has serial 5, this run's state serial 5");
      store.write(TestStates.sample(6));
    }
    assertThat(store.read().orElseThrow().serial()).isEqualTo(6);
  }

  @Test
  void refusesToOverwriteAnotherLineage() {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(5));
    State other = State.empty("dev", "dev", "ORG@AdobeOrg", "0.1.0").nextSerial();

    assertThatThrownBy(() -> runWriting(store, other.nextSerial()))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("the file was replaced by another state");
  }

  @Test
  void refusesToOverwriteTheStateOfAnotherSandboxOrOrganization() {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));
    State otherSandbox = copy(TestStates.sample(2), "prod", "ORG@AdobeOrg");
    State otherOrg = copy(TestStates.sample(2), "dev", "OTHER@AdobeOrg");

    assertThatThrownBy(() -> runWriting(store, otherSandbox))
        .hasMessageContaining("it belongs to sandbox 'dev' of organization 'ORG@AdobeOrg'");
    assertThatThrownBy(() -> runWriting(store, otherOrg))
        .hasMessageContaining("this run's state to sandbox 'dev' of organization 'OTHER@AdobeOrg'");
  }

  @Test
  void refusesAStateCopiedFromAnotherEnvironment() throws IOException {
    Files.createDirectories(dir());
    Files.write(dir().resolve("prod.state.json"), StateCodec.write(TestStates.sample(1)));

    assertThatThrownBy(() -> new LocalStateStore(dir(), "prod").read())
        .isInstanceOf(StateException.class)
        .hasMessageContaining("records environment 'dev', not 'prod'");
  }

  @Test
  void neverOverwritesAStateItCannotRead() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));
    runWriting(store, TestStates.sample(2));
    byte[] corrupt = "{\"version\": 1, \"serial\": ".getBytes(StandardCharsets.UTF_8);
    Files.write(store.stateFile(), corrupt);

    assertThatThrownBy(store::read)
        .isInstanceOf(StateException.class)
        .hasMessageContaining(store.stateFile() + ": not valid JSON")
        .hasMessageContaining("copy " + store.backupFile() + " over " + store.stateFile());
    assertThatThrownBy(() -> runWriting(store, TestStates.sample(3)))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("does not overwrite a state file it cannot read");

    assertThat(Files.readAllBytes(store.stateFile())).isEqualTo(corrupt);
    assertThat(serialOf(store.backupFile())).isEqualTo(1);
  }

  @Test
  void saysHowToRecoverWhenThereIsNoBackup() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("dev.state.json"), "{\"version\": 1}");

    assertThatThrownBy(store()::read)
        .hasMessageContaining("serial: missing")
        .hasMessageContaining("fix the file by hand (there is no backup");
  }

  @Test
  void refusesAStateFromANewerAepformWithoutTouchingIt() throws IOException {
    Files.createDirectories(dir());
    String newer = "{\"version\": 2, \"somethingNew\": true}";
    Files.writeString(dir().resolve("dev.state.json"), newer);

    assertThatThrownBy(store()::read).hasMessageContaining("written by a newer aepform");
    assertThat(Files.readString(dir().resolve("dev.state.json"))).isEqualTo(newer);
  }

  @Test
  void writingNeedsTheLockOfThisStore() {
    LocalStateStore store = store();
    assertThatThrownBy(() -> store.write(TestStates.sample(1)))
        .isInstanceOf(IllegalStateException.class);

    store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO).close();
    assertThatThrownBy(() -> store.write(TestStates.sample(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void leavesNoTempFilesAndCleansThoseOfACrashedRun() throws IOException {
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));
    Path leftover = dir().resolve(".dev.state.json.12345.tmp");
    Files.writeString(leftover, "{\"half\": ");

    runWriting(store, TestStates.sample(2));

    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("dev.state.json", "dev.state.json.backup");
    }
  }

  @Test
  void stateAndBackupAreReadableByTheOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    LocalStateStore store = store();
    runWriting(store, TestStates.sample(1));
    runWriting(store, TestStates.sample(2));

    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    assertThat(Files.getPosixFilePermissions(store.stateFile())).isEqualTo(ownerOnly);
    assertThat(Files.getPosixFilePermissions(store.backupFile())).isEqualTo(ownerOnly);
  }

  @Test
  void refusesEnvironmentNamesThatAreNotSafeFileNames() {
    assertThatThrownBy(() -> new LocalStateStore(dir(), "../prod"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LocalStateStore(dir(), "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LocalStateStore(dir(), "prod-eu_2").stateFile())
        .hasFileName("prod-eu_2.state.json");
  }

  static void runWriting(StateStore store, State state) {
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("apply"), Duration.ZERO)) {
      store.write(state);
    }
  }

  private static long serialOf(Path file) throws IOException {
    return StateCodec.read(Files.readAllBytes(file), file.toString()).serial();
  }

  private static State copy(State s, String sandbox, String imsOrg) {
    return new State(
        s.version(),
        s.serial(),
        s.lineage(),
        s.aepformVersion(),
        s.environment(),
        sandbox,
        imsOrg,
        s.secretsSalt(),
        List.copyOf(s.resources()));
  }
}
