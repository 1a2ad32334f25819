package dev.nayose.ingest.adapter.in.schedule;

import dev.nayose.ingest.app.UploadSweeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the {@link UploadSweeper} every {@code nayose.ingest.sweep.interval}; safe on every replica. */
public class UploadSweepSchedule {
  private static final Logger log = LoggerFactory.getLogger(UploadSweepSchedule.class);

  private final UploadSweeper sweeper;

  public UploadSweepSchedule(UploadSweeper sweeper) {
    this.sweeper = sweeper;
  }

  @Scheduled(initialDelayString = "${nayose.ingest.sweep.interval}", fixedDelayString = "${nayose.ingest.sweep.interval}")
  public void sweep() {
    try {
      sweeper.sweep();
    } catch (RuntimeException e) {
      log.warn("could not sweep idle RECEIVING/RECEIVED uploads; next try in one interval: {}", e.toString());
    }
  }
}
