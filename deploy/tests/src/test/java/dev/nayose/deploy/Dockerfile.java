package dev.nayose.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/docker/Dockerfile read the way the builder reads it: continuation lines joined, comments
 * dropped, instructions grouped by build stage; {@code ARG} defaults known for substitution.
 */
final class Dockerfile {
  record Instruction(String keyword, String arguments) {
  }

  record Stage(String from, String name, List<Instruction> instructions) {
    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    String single(String keyword) {
      List<String> found = all(keyword);
      if (found.size() != 1) {
        throw new AssertionError("stage " + name + " has " + found.size() + " " + keyword + " instructions");
      }
      return found.get(0);
    }
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  final Map<String, String> globalArgs = new LinkedHashMap<>();
  final List<Stage> stages = new ArrayList<>();

  static Dockerfile read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dockerfile parse(List<String> lines) {
    Dockerfile dockerfile = new Dockerfile();
    StringBuilder current = new StringBuilder();
    List<String> logical = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      logical.add(current.toString().strip());
      current.setLength(0);
    }
    Stage stage = null;
    for (String instruction : logical) {
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String[] from = arguments.split("\\s+(?i:as)\\s+");
        stage = new Stage(from[0], from.length > 1 ? from[1] : "stage" + dockerfile.stages.size(), new ArrayList<>());
        dockerfile.stages.add(stage);
      } else if (stage == null) {
        if (keyword.equals("ARG")) {
          String[] kv = arguments.split("=", 2);
          dockerfile.globalArgs.put(kv[0], kv.length > 1 ? kv[1] : null);
        }
      } else {
        stage.instructions().add(new Instruction(keyword, arguments));
      }
    }
    return dockerfile;
  }

  Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + name));
  }

  Stage runtime() {
    return stages.get(stages.size() - 1);
  }

  /** A stage's {@code ARG} defaults, overridden by build arguments. */
  static Map<String, String> args(Stage stage, Map<String, String> buildArgs) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String arg : stage.all("ARG")) {
      String[] kv = arg.split("=", 2);
      args.put(kv[0], buildArgs.getOrDefault(kv[0], kv.length > 1 ? kv[1] : ""));
    }
    return args;
  }

  static String substitute(String text, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      if (!values.containsKey(name)) {
        throw new AssertionError("undefined build argument " + name + " in " + text);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(values.get(name)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
