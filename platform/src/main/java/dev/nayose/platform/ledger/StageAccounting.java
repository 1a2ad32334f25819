package dev.nayose.platform.ledger;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Derives an upload's figures per stage ({@link UploadStatus.StageAccount}) from what the ledger
 * holds: the split's counts, the loaded chunks, and every dead letter of the upload with whether
 * its chunk was loaded since. Pure: no database, so that the rules can be tested on their own.
 */
final class StageAccounting {
  static final List<String> STAGES = List.of("split", "match", "load");

  /** A dead letter of the upload, and whether its chunk has a {@code chunk_load} row (the upload event's never has). */
  record Recorded(UploadStatus.DeadLetter letter, boolean loaded) {
    Recorded {
      Objects.requireNonNull(letter, "letter");
    }
  }

  /** What split wrote and what load-service loaded; {@code rowsTotal} and {@code chunkCount} are null before the split. */
  record Upload(Integer rowsTotal, int rowsRejected, Integer chunkCount, int chunksLoaded, int rowsLoaded) {}

  /** The newest first, and on the same instant the later stage first (a chunk goes split, match, load). */
  private static final Comparator<UploadStatus.DeadLetter> NEWEST = Comparator
      .comparing(UploadStatus.DeadLetter::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(d -> STAGES.indexOf(d.stage()))
      .reversed();

  private StageAccounting() {}

  /**
   * The dead letters still open: per chunk the newest, unless the chunk was loaded since; in chunk
   * order, the upload event (chunk -1) first.
   */
  static List<UploadStatus.DeadLetter> open(List<Recorded> recorded) {
    Map<Integer, Recorded> newest = new LinkedHashMap<>();
    recorded.stream()
        .sorted(Comparator.comparingInt((Recorded r) -> r.letter().chunk()).thenComparing(Recorded::letter, NEWEST))
        .forEach(r -> newest.putIfAbsent(r.letter().chunk(), r));
    return newest.values().stream().filter(r -> !r.loaded()).map(Recorded::letter).toList();
  }

  /** Split, match and load, in this order; see {@link UploadStatus.StageAccount} for what each figure means. */
  static List<UploadStatus.StageAccount> of(Upload upload, List<Recorded> recorded) {
    List<UploadStatus.DeadLetter> open = open(recorded);
    Integer splitEmittedRows = upload.rowsTotal() == null ? null : upload.rowsTotal() - upload.rowsRejected();
    int splitOpen = count(open, d -> d.stage().equals("split"));
    var split = new UploadStatus.StageAccount("split",
        counts(upload.rowsTotal(), splitEmittedRows, upload.rowsRejected(), 0, 0),
        new UploadStatus.Counts(null, upload.chunkCount(), 0, splitOpen, redriven(recorded, "split", false), null));

    // a chunk load-service gave up on has passed match as surely as one it loaded
    int deadAtLoadRows = openRows(open, "load");
    int deadAtLoadChunks = openChunks(open, "load");
    int matchEmittedRows = upload.rowsLoaded() + deadAtLoadRows;
    int matchEmittedChunks = upload.chunksLoaded() + deadAtLoadChunks;
    var match = new UploadStatus.StageAccount("match",
        counts(splitEmittedRows, matchEmittedRows, 0, openRows(open, "match"), redriven(recorded, "match", true)),
        counts(upload.chunkCount(), matchEmittedChunks, 0, openChunks(open, "match"), redriven(recorded, "match", false)));

    var load = new UploadStatus.StageAccount("load",
        counts(matchEmittedRows, upload.rowsLoaded(), 0, deadAtLoadRows, redriven(recorded, "load", true)),
        counts(matchEmittedChunks, upload.chunksLoaded(), 0, deadAtLoadChunks, redriven(recorded, "load", false)));
    return List.of(split, match, load);
  }

  private static UploadStatus.Counts counts(Integer received, Integer emitted, int rejected, int deadLettered,
      int redriven) {
    Integer pending = received == null || emitted == null ? null : received - emitted - rejected - deadLettered;
    return new UploadStatus.Counts(received, emitted, rejected, deadLettered, redriven, pending);
  }

  private static int openChunks(List<UploadStatus.DeadLetter> open, String stage) {
    return count(open, d -> d.chunk() >= 0 && d.stage().equals(stage));
  }

  private static int openRows(List<UploadStatus.DeadLetter> open, String stage) {
    return open.stream().filter(d -> d.chunk() >= 0 && d.stage().equals(stage))
        .mapToInt(UploadStatus.DeadLetter::rows).sum();
  }

  /** Dead letters of the stage sent back at least once: how many, or how many rows they carry. */
  private static int redriven(List<Recorded> recorded, String stage, boolean rows) {
    return recorded.stream().map(Recorded::letter).filter(d -> d.stage().equals(stage) && d.redrives() > 0)
        .mapToInt(d -> rows ? d.rows() : 1).sum();
  }

  private static int count(List<UploadStatus.DeadLetter> letters, Predicate<UploadStatus.DeadLetter> which) {
    return (int) letters.stream().filter(which).count();
  }
}
