package dev.nayose.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the partner wants to hear that an upload settled: an absolute {@code http} or
 * {@code https} URL with a host and no fragment, at most {@value #MAX_LENGTH} characters.
 */
public record CallbackUrl(URI uri) {
  public static final int MAX_LENGTH = 2048;

  public CallbackUrl {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("the callback URL must be an absolute http or https URL with a host");
    }
    if (uri.getFragment() != null) {
      throw new IllegalArgumentException("the callback URL must not have a fragment");
    }
    if (uri.toString().length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the callback URL is longer than " + MAX_LENGTH + " characters");
    }
  }

  public static CallbackUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    try {
      return new CallbackUrl(new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the callback URL is not a valid URL: " + e.getReason());
    }
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
