package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.ApiKey;
import java.util.Optional;

/** The partners' API keys. */
public interface ApiKeys {

  /** The partner the key belongs to, unless the key is unknown or revoked. */
  Optional<String> partnerOf(ApiKey key);
}
