package dev.nayose.ingest.adapter.out.jdbc;

import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.domain.ApiKey;
import dev.nayose.platform.resilience.DependencyGuard;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code partner_api_key} table: keys by their SHA-256, revoked keys excluded. A read, retried
 * through the PostgreSQL guard while the database fails transiently.
 */
public final class ApiKeyRepository implements ApiKeys {
  private final JdbcClient jdbc;
  private final DependencyGuard postgres;

  public ApiKeyRepository(JdbcClient jdbc, DependencyGuard postgres) {
    this.jdbc = jdbc;
    this.postgres = postgres;
  }

  @Override
  public Optional<String> partnerOf(ApiKey key) {
    return postgres.call(() -> jdbc.sql(
            "select partner_id from partner_api_key where key_sha256 = :hash and revoked_at is null")
        .param("hash", key.sha256Hex())
        .query(String.class)
        .optional());
  }
}
