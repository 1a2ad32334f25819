package dev.nayose.intake;

/** Receives the warnings of a file in row order. */
@FunctionalInterface
public interface WarningSink {
  void accept(UploadWarning warning);
}
