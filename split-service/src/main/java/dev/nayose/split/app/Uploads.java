package dev.nayose.split.app;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.intake.FileProblem;
import dev.nayose.intake.Rejection;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadWarning;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/** The upload rows split-service reads and writes. */
public interface Uploads {

  Optional<Upload> find(UUID uploadId);

  /**
   * The upload's rejections and warnings are replaced by {@code rejections} and {@code warnings}
   * (so splitting again does not duplicate them), in transactions of a bounded number of rows;
   * then, in one short transaction, the upload becomes {@code SPLIT} with the summary's counts and
   * the encoding, and a dead letter of its upload event, now resolved, is removed.
   *
   * @return false when the upload is no longer in a splittable state: nothing written when it was
   *     not before, its state unchanged when it left those states while its rows were written
   */
  boolean recordSplit(UUID uploadId, TextEncoding encoding, SplitSummary summary, Iterator<Rejection> rejections,
      Iterator<UploadWarning> warnings);

  /**
   * The upload becomes {@code FAILED} with {@code reason} and its code.
   *
   * @param encoding the encoding the file was read in, or {@code null} when it was not decided
   * @return false, with nothing written, when the upload is no longer in a splittable state
   */
  boolean markFailed(UUID uploadId, FileProblem problem, String reason, TextEncoding encoding);
}
