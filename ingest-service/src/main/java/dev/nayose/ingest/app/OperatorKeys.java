package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.ApiKey;
import java.util.Optional;

/**
 * The operators' API keys, which open the admin API ({@code /admin/**}) and nothing else. Kept
 * apart from the partners' {@link ApiKeys}: a partner key never opens the admin API.
 */
public interface OperatorKeys {

  /** The operator the key belongs to, unless the key is unknown or revoked. */
  Optional<String> operatorOf(ApiKey key);
}
