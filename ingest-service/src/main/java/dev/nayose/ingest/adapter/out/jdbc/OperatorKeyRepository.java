package dev.nayose.ingest.adapter.out.jdbc;

import dev.nayose.ingest.app.OperatorKeys;
import dev.nayose.ingest.domain.ApiKey;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code operator_api_key} table: keys by their SHA-256, revoked keys excluded. */
public final class OperatorKeyRepository implements OperatorKeys {
  private final JdbcClient jdbc;

  public OperatorKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> operatorOf(ApiKey key) {
    return jdbc.sql("select operator from operator_api_key where key_sha256 = :hash and revoked_at is null")
        .param("hash", key.sha256Hex())
        .query(String.class)
        .optional();
  }
}
