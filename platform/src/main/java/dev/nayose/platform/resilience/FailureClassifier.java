package dev.nayose.platform.resilience;

/**
 * Which failures of one dependency are worth another attempt. Two questions, because calls differ
 * in what a repeat does: an idempotent call may be repeated after any transient failure; a call
 * whose repeat would act twice (or would see its own first effect and report a conflict) only
 * after a failure that proves the first attempt never reached the dependency.
 */
interface FailureClassifier {

  /**
   * A failure that may pass if the call is made again later: the dependency unreachable, shutting
   * down or overloaded, a timeout, a deadlock. Never a failure of the call itself (a constraint
   * violation, bad SQL, a missing object, access denied).
   */
  boolean isTransient(Throwable failure);

  /** A transient failure raised before the request reached the dependency: nothing was done. */
  boolean neverReached(Throwable failure);

  /** The failure and its causes, outermost first, at most 16 deep (a cause cycle ends there too). */
  static Iterable<Throwable> chain(Throwable failure) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
