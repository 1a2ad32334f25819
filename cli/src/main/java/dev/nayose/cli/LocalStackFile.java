package dev.nayose.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** {@code .nayose/local-stack.json}: how to reach the running local pipeline, readable by its owner only (it holds keys). */
final class LocalStackFile {
  private LocalStackFile() {}

  static void write(Workspace workspace, Map<String, Object> description) {
    var file = workspace.localStackFile();
    try {
      Files.writeString(file, NayoseCli.PRETTY.writeValueAsString(description));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void addApiKey(Workspace workspace, String partner, String key) {
    addKey(workspace, "/apiKeys", partner, key);
  }

  /** Adds an operator's key for the admin API under {@code operatorKeys}, if the file exists. */
  static void addOperatorKey(Workspace workspace, String operator, String key) {
    addKey(workspace, "/operatorKeys", operator, key);
  }

  private static void addKey(Workspace workspace, String section, String holder, String key) {
    var file = workspace.localStackFile();
    if (!Files.isRegularFile(file)) {
      return;
    }
    ObjectNode root = (ObjectNode) NayoseCli.JSON.readTree(file.toFile());
    root.withObject(section).put(holder, key);
    try {
      Files.writeString(file, NayoseCli.PRETTY.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Workspace workspace) {
    try {
      Files.deleteIfExists(workspace.localStackFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
