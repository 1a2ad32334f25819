package dev.nayose.match.app;

import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MasterIndex;
import dev.nayose.matcher.MatchEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match engine over the newest published company master version, and its refresh.
 *
 * <p>{@link #refresh()} (called at start-up and then periodically, from one thread) compares the
 * newest published version with the one the index was built from and, when it moved, builds a new
 * index and engine of ALL of that version and swaps them in atomically; until the swap, matching
 * goes on with the old engine, so a chunk is never matched against part of a version.
 * A failed rebuild keeps the old engine. {@link #engine()} throws {@link
 * MasterUnavailableException} while there is none: before the first load, or when no master was
 * ever imported.
 */
public class CurrentMaster {
  private static final Logger log = LoggerFactory.getLogger(CurrentMaster.class);

  /** Where the master stands. */
  public enum State {
    /** The first load has not finished. */
    LOADING,
    /** No master was ever imported; chunks cannot be matched. */
    NO_MASTER,
    /** An index is loaded and matching. */
    READY,
    /** The first load failed; it is retried at the next refresh. */
    FAILED
  }

  /**
   * What an operator sees: the state, the master version the engine holds (-1 when none), the
   * matcher version, the sizes of its index, when it was loaded, and the last refresh error (null
   * when the last refresh worked).
   */
  public record Status(State state, long masterVersion, String matcherVersion, int companies, int formerNames,
      int offices, Instant loadedAt, Duration loadTime, String lastError) {}

  /** The engine to match a chunk with and the master version it holds: read together, in one step. */
  public record Serving(long masterVersion, MatchEngine engine) {}

  private record Loaded(long version, MasterIndex index, MatchEngine engine, Instant loadedAt, Duration loadTime) {}

  private final MasterSource source;
  private final CompanyNameNormaliser normaliser;
  private final Function<MasterIndex, MatchEngine> engines;
  private final Clock clock;
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);
  private volatile State state = State.LOADING;
  private volatile String lastError;

  public CurrentMaster(MasterSource source, CompanyNameNormaliser normaliser,
      Function<MasterIndex, MatchEngine> engines, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The engine to match with now. */
  public MatchEngine engine() {
    return serving().engine();
  }

  /** The engine to match with now and the version it holds. */
  public Serving serving() {
    Loaded current = loaded.get();
    if (current == null) {
      throw new MasterUnavailableException(switch (state) {
        case NO_MASTER -> "no company master has been imported";
        case FAILED -> "the company master could not be loaded: " + lastError;
        default -> "the company master is still loading";
      });
    }
    return new Serving(current.version(), current.engine());
  }

  public Status status() {
    Loaded current = loaded.get();
    if (current == null) {
      return new Status(state, -1, null, 0, 0, 0, null, null, lastError);
    }
    return new Status(state, current.version(), current.engine().version(), current.index().companyCount(),
        current.index().formerNameCount(),
        current.index().officeCount(), current.loadedAt(), current.loadTime(), lastError);
  }

  /**
   * Rebuilds the index when the newest published version moved; a no-op otherwise. Not for concurrent use:
   * one thread refreshes. Failures are recorded in {@link #status()} and rethrown.
   */
  public synchronized void refresh() {
    try {
      OptionalLong latest = source.latestVersion();
      Loaded current = loaded.get();
      if (latest.isEmpty()) {
        if (current == null) {
          state = State.NO_MASTER;
        }
        lastError = null;
        return;
      }
      if (current != null && current.version() == latest.getAsLong()) {
        lastError = null;
        return;
      }
      load(current);
      lastError = null;
    } catch (RuntimeException e) {
      lastError = e.toString();
      if (loaded.get() == null) {
        state = State.FAILED;
      }
      throw e;
    } finally {
      firstAttempt.countDown();
    }
  }

  private void load(Loaded previous) {
    Instant started = clock.instant();
    log.info("loading the company master (loaded version: {})", previous == null ? "none" : previous.version());
    Optional<MasterSource.LoadedMaster> master = source.load(normaliser);
    if (master.isEmpty()) {
      if (previous == null) {
        state = State.NO_MASTER;
      }
      return;
    }
    MasterIndex index = master.get().index();
    MatchEngine engine = engines.apply(index);
    Instant finished = clock.instant();
    loaded.set(new Loaded(master.get().version(), index, engine, finished, Duration.between(started, finished)));
    state = State.READY;
    log.info("company master version {} loaded in {} ms: {} companies, {} former names, {} offices; engine {}",
        master.get().version(), Duration.between(started, finished).toMillis(), index.companyCount(),
        index.formerNameCount(), index.officeCount(), engine.version());
  }

  /**
   * Waits until the first refresh has finished, however it ended, for at most {@code timeout}.
   *
   * @return whether it finished in time
   */
  public boolean awaitFirstRefresh(Duration timeout) throws InterruptedException {
    return firstAttempt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
