package dev.nayose.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The shares of the {@link NoiseKind}s in a feed-shaped evaluation set, read from
 * {@code feed-mix.properties} ({@code KIND=share}, adding up to 1).
 */
public final class FeedMix {
  private final Map<NoiseKind, Double> shares;

  public FeedMix(Map<NoiseKind, Double> shares) {
    EnumMap<NoiseKind, Double> copy = new EnumMap<>(NoiseKind.class);
    double sum = 0;
    for (Map.Entry<NoiseKind, Double> e : shares.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative share of " + e.getKey() + ": " + e.getValue());
      }
      if (e.getValue() > 0) {
        copy.put(e.getKey(), e.getValue());
      }
      sum += e.getValue();
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("the shares add up to " + sum + ", not 1");
    }
    this.shares = Collections.unmodifiableMap(copy);
  }

  /** The mix shipped in {@code dev/nayose/eval/feed-mix.properties}. */
  public static FeedMix defaults() {
    try (InputStream in = FeedMix.class.getResourceAsStream("feed-mix.properties")) {
      if (in == null) {
        throw new IllegalStateException("feed-mix.properties is missing");
      }
      Properties properties = new Properties();
      properties.load(in);
      Map<NoiseKind, Double> shares = new EnumMap<>(NoiseKind.class);
      for (String key : properties.stringPropertyNames()) {
        shares.put(NoiseKind.valueOf(key.strip()), Double.parseDouble(properties.getProperty(key).strip()));
      }
      return new FeedMix(shares);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kinds with a positive share, in {@link NoiseKind} order, and their shares. */
  public Map<NoiseKind, Double> shares() {
    return shares;
  }

  /** The kind a uniform draw {@code u} in [0, 1) falls on (kinds in {@link NoiseKind} order). */
  NoiseKind draw(double u) {
    double cumulative = 0;
    NoiseKind last = null;
    for (Map.Entry<NoiseKind, Double> e : shares.entrySet()) {
      cumulative += e.getValue();
      last = e.getKey();
      if (u < cumulative) {
        return last;
      }
    }
    return last;
  }
}
