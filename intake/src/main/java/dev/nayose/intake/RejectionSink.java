package dev.nayose.intake;

/** Receives the rejections of a file in row order. */
@FunctionalInterface
public interface RejectionSink {
  void accept(Rejection rejection);
}
