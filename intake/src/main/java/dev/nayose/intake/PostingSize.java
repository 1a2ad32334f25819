package dev.nayose.intake;

import dev.nayose.contracts.JobPosting;

/** Bytes a posting takes in the JSON of the message that carries it. */
@FunctionalInterface
public interface PostingSize {
  int bytesOf(JobPosting posting);
}
