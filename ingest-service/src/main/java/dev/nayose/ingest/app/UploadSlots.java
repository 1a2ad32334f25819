package dev.nayose.ingest.app;

import java.util.concurrent.Semaphore;

/**
 * The bodies this instance reads at once: real uploads and dry runs share them, since either
 * holds a connection, a thread and a part's memory for as long as the body takes to arrive.
 */
public final class UploadSlots {
  private final int slots;
  private final Semaphore semaphore;

  public UploadSlots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be positive, was " + slots);
    }
    this.slots = slots;
    this.semaphore = new Semaphore(slots);
  }

  /**
   * Takes a slot; {@link #release()} it when the body is read.
   *
   * @throws TooManyUploadsException when every slot is taken
   */
  void acquire() {
    if (!semaphore.tryAcquire()) {
      throw new TooManyUploadsException(slots);
    }
  }

  void release() {
    semaphore.release();
  }

  /** Slots free now. */
  public int available() {
    return semaphore.availablePermits();
  }
}
