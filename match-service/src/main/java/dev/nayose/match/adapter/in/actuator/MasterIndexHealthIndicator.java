package dev.nayose.match.adapter.in.actuator;

import dev.nayose.match.app.CurrentMaster;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code masterIndex}: UP with the master version it serves and its sizes once an index is
 * loaded, OUT_OF_SERVICE (with the state: LOADING, NO_MASTER, FAILED) before. It is part of the
 * readiness group, so a worker is ready only with a master; the overall health stays UP meanwhile
 * (see {@code application.yml}), because the process itself is fine and retries chunks.
 */
@Component
class MasterIndexHealthIndicator implements HealthIndicator {
  private final CurrentMaster master;

  MasterIndexHealthIndicator(CurrentMaster master) {
    this.master = master;
  }

  @Override
  public Health health() {
    CurrentMaster.Status status = master.status();
    Health.Builder health = status.state() == CurrentMaster.State.READY ? Health.up() : Health.outOfService();
    health.withDetail("state", status.state().name());
    if (status.masterVersion() >= 0) {
      health.withDetail("masterVersion", status.masterVersion())
          .withDetail("matcherVersion", status.matcherVersion())
          .withDetail("companies", status.companies())
          .withDetail("formerNames", status.formerNames())
          .withDetail("offices", status.offices())
          .withDetail("loadedAt", status.loadedAt().toString())
          .withDetail("loadMillis", status.loadTime().toMillis());
    }
    if (status.lastError() != null) {
      health.withDetail("lastError", status.lastError());
    }
    return health.build();
  }
}
