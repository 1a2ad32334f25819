package dev.nayose.ingest.adapter.out.jdbc;

import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.domain.ApiKey;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code partner_api_key} table: keys by their SHA-256, revoked keys excluded. */
public final class ApiKeyRepository implements ApiKeys {
  private final JdbcClient jdbc;

  public ApiKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> partnerOf(ApiKey key) {
    return jdbc.sql("select partner_id from partner_api_key where key_sha256 = :hash and revoked_at is null")
        .param("hash", key.sha256Hex())
        .query(String.class)
        .optional();
  }
}
