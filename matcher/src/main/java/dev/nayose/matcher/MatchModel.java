package dev.nayose.matcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * The m-probabilities of the Fellegi-Sunter model: for each field and level, how often a posting
 * and the company it really names compare at that level, among the pairs where the field is
 * compared at all. (The u-probabilities — how often a posting and some other company agree by
 * chance — depend on the value and are estimated from the master by {@link ScoringMatchEngine}.)
 *
 * <p>Data, not code: the defaults are the file {@code match-model.properties} next to this class,
 * estimated from labelled pairs by {@code ./nayose eval --train}; another file can be given in
 * configuration. Lines are {@code field.LEVEL=probability}; every level of every field must be
 * present, and each field's probabilities must sum to 1 (within 0.01; they are rescaled to 1).
 */
public final class MatchModel {
  private static final String DEFAULT_RESOURCE = "match-model.properties";

  private final double[][] m;
  private final String source;

  private MatchModel(double[][] m, String source) {
    this.m = m;
    this.source = source;
  }

  /** The model shipped with the matcher. */
  public static MatchModel defaults() {
    try (InputStream in = MatchModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
      }
      return read(in, "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException naming the line's key when a level is missing, unknown, not a
   *     probability in (0, 1], or a field's levels do not sum to 1
   */
  public static MatchModel read(InputStream in, String source) throws IOException {
    Properties properties = new Properties();
    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    double[][] m = new double[Field.values().length][];
    for (Field field : Field.values()) {
      m[field.ordinal()] = new double[field.levels().size()];
    }
    for (String key : properties.stringPropertyNames()) {
      int dot = key.indexOf('.');
      Field field = dot < 0 ? null : byKey(key.substring(0, dot));
      if (field == null) {
        throw new IllegalArgumentException(source + ": unknown field in " + key);
      }
      int level = field.level(key.substring(dot + 1));
      double value;
      try {
        value = Double.parseDouble(properties.getProperty(key).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ": " + key + " is not a number: " + properties.getProperty(key));
      }
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException(source + ": " + key + " must be in (0, 1], was " + value);
      }
      m[field.ordinal()][level] = value;
    }
    for (Field field : Field.values()) {
      double[] levels = m[field.ordinal()];
      for (int level = 0; level < levels.length; level++) {
        if (levels[level] == 0) {
          throw new IllegalArgumentException(source + ": " + field.key() + "." + field.levels().get(level) + " is missing");
        }
      }
      double sum = Arrays.stream(levels).sum();
      if (Math.abs(sum - 1) > 0.01) {
        throw new IllegalArgumentException(source + ": the levels of " + field.key() + " sum to " + sum + ", not 1");
      }
      for (int level = 0; level < levels.length; level++) {
        levels[level] /= sum;
      }
    }
    return new MatchModel(m, source);
  }

  /** A model of the given probabilities, {@code m[field.ordinal()][level]}, each field summing to 1. */
  public static MatchModel of(double[][] m, String source) {
    StringBuilder text = new StringBuilder();
    for (Field field : Field.values()) {
      for (int level = 0; level < field.levels().size(); level++) {
        text.append(field.key()).append('.').append(field.levels().get(level)).append('=')
            .append(m[field.ordinal()][level]).append('\n');
      }
    }
    try {
      return read(new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), source);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** P(level | match) of a compared field. */
  public double m(Field field, int level) {
    return m[field.ordinal()][level];
  }

  /** Where the model came from (a file or the class path). */
  public String source() {
    return source;
  }

  /** Writes the model in the format {@link #read} reads, with a comment on top. */
  public void write(Writer out, String comment) throws IOException {
    for (String line : comment.split("\n")) {
      out.write("# " + line + "\n");
    }
    for (Field field : Field.values()) {
      for (int level = 0; level < field.levels().size(); level++) {
        out.write(String.format(Locale.ROOT, "%s.%s=%.6f%n", field.key(), field.levels().get(level), m(field, level)));
      }
    }
  }

  private static Field byKey(String key) {
    for (Field field : Field.values()) {
      if (field.key().equals(key)) {
        return field;
      }
    }
    return null;
  }
}
