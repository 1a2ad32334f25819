package dev.nayose.platform.stage;

import java.util.Locale;

/** The stages of the pipeline that consume a queue. */
public enum Stage {
  SPLIT,
  MATCH,
  LOAD;

  /** The lower-case id used in metrics tags, logs, dead-letter attributes and the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
