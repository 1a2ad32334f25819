package dev.nayose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .nayose/local-stack.json}: how to reach the running local pipeline, readable by its owner
 * only (it holds keys).
 *
 * <p>Any number of {@code nayose} processes may use it at once ({@code upload} of 20 partners at
 * the same time each adds its partner's key): every change reads, modifies and writes it while
 * holding an exclusive lock on {@code local-stack.json.lock} beside it (a {@link FileChannel#lock}, which
 * other processes honour; threads of one process queue on a lock of their own first), and writes
 * a temporary file that is renamed over it ({@code ATOMIC_MOVE}), so a reader, locked or not, sees
 * either the old file or the new one whole, never half of one, and no change is lost.
 */
final class LocalStackFile {
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private LocalStackFile() {}

  /** The file's content, an empty object when there is none (no local stack). */
  static JsonNode read(Workspace workspace, JsonMapper json) {
    Path file = workspace.localStackFile();
    if (!Files.isRegularFile(file)) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(file.toFile());
    } catch (JacksonException e) {
      throw CliFailure.input(file + " is not valid JSON (" + e.getOriginalMessage() + ")",
          "delete it; ./nayose up writes it again when it starts");
    }
  }

  /** Writes the file anew ({@code nayose up}, {@code nayose demo}). */
  static void write(Workspace workspace, Map<String, Object> description) {
    locked(workspace, () -> {
      replace(workspace, NayoseCli.PRETTY.valueToTree(description));
      return null;
    });
  }

  /**
   * The local stack's key for the partner; when it has none yet, {@code mint} makes one, which is
   * kept in the file. Under the lock, so that two processes for one partner mint one key between them.
   * Without a file (no local stack described) the minted key is returned and kept nowhere.
   */
  static String apiKey(Workspace workspace, String partner, Supplier<String> mint) {
    return locked(workspace, () -> {
      JsonNode root = read(workspace, NayoseCli.JSON);
      String known = root.path("apiKeys").path(partner).asString(null);
      if (known != null) {
        return known;
      }
      String key = mint.get();
      if (root instanceof ObjectNode object && !object.isEmpty()) {
        object.withObject("/apiKeys").put(partner, key);
        replace(workspace, object);
      }
      return key;
    });
  }

  /** Adds an operator's key for the admin API under {@code operatorKeys}, if the file exists. */
  static void addOperatorKey(Workspace workspace, String operator, String key) {
    locked(workspace, () -> {
      if (read(workspace, NayoseCli.JSON) instanceof ObjectNode root && !root.isEmpty()) {
        root.withObject("/operatorKeys").put(operator, key);
        replace(workspace, root);
      }
      return null;
    });
  }

  static void delete(Workspace workspace) {
    locked(workspace, () -> {
      Files.deleteIfExists(workspace.localStackFile());
      return null;
    });
  }

  private interface Change<T> {
    T apply() throws IOException;
  }

  private static <T> T locked(Workspace workspace, Change<T> change) {
    Path lockFile = workspace.stateDir().resolve("local-stack.json.lock");
    IN_PROCESS.lock();
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return change.apply();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot change " + workspace.localStackFile() + " under " + lockFile, e);
    } finally {
      IN_PROCESS.unlock();
    }
  }

  /** Writes {@code content} to a temporary file of owner-only permissions and renames it over the file. */
  private static void replace(Workspace workspace, JsonNode content) throws IOException {
    Path file = workspace.localStackFile();
    Path temporary = Files.createTempFile(file.getParent(), "local-stack-", ".json.tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temporary, NayoseCli.PRETTY.writeValueAsString(content));
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
