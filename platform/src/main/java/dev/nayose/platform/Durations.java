package dev.nayose.platform;

import java.time.Duration;

/** Durations as people read them in a message ("15 min", "4.0 s"), not as ISO-8601 ("PT15M"). */
public final class Durations {
  private Durations() {}

  /** Whole minutes as "15 min", anything else in seconds ("4.0 s", "0.5 s", "90.0 s"). */
  public static String readable(Duration duration) {
    return duration.toSeconds() >= 60 && duration.toSecondsPart() == 0 && duration.toNanosPart() == 0
        ? duration.toMinutes() + " min"
        : duration.toMillis() / 1000.0 + " s";
  }
}
