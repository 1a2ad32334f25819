package dev.nayose.ingest.adapter.in.http;

import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.domain.ApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets a request through only with a valid API key, in {@code X-API-Key} or as
 * {@code Authorization: Bearer <key>}, and tells the handlers whose key it is. A servlet filter,
 * not an interceptor, so that a refused request is answered before its body is read (multipart
 * bodies would otherwise be spooled to disk first). Refusals are rendered by the MVC exception
 * handlers, like every other problem.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {
  static final String PARTNER = "dev.nayose.ingest.partner";
  static final String API_KEY_HEADER = "X-API-Key";
  private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);
  private static final String BEARER = "bearer ";

  private final ApiKeys apiKeys;
  private final HandlerExceptionResolver problems;

  public ApiKeyFilter(ApiKeys apiKeys, HandlerExceptionResolver problems) {
    this.apiKeys = apiKeys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = presentedKey(request);
    if (presented == null) {
      refuse(request, response, "an API key is required: send it in the " + API_KEY_HEADER
          + " header or as Authorization: Bearer <key>");
      return;
    }
    Optional<String> partner;
    try {
      partner = parse(presented).flatMap(apiKeys::partnerOf);
    } catch (RuntimeException e) {
      problems.resolveException(request, response, null, e);
      return;
    }
    if (partner.isEmpty()) {
      refuse(request, response, "the API key is not valid");
      return;
    }
    request.setAttribute(PARTNER, new AuthenticatedPartner(partner.get()));
    try (var ignored = MDC.putCloseable("partner", partner.get())) {
      chain.doFilter(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) {
    log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), reason);
    problems.resolveException(request, response, null, new UnauthenticatedException(reason));
  }

  /** The key in {@code X-API-Key}, else the bearer token; null when neither is there. */
  static String presentedKey(HttpServletRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    if (key != null && !key.isBlank()) {
      return key.strip();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      String bearer = authorization.substring(BEARER.length()).strip();
      return bearer.isEmpty() ? null : bearer;
    }
    return null;
  }

  /** The presented text as a key, empty when it cannot be one (then it is not valid either). */
  static Optional<ApiKey> parse(String presented) {
    try {
      return Optional.of(new ApiKey(presented));
    } catch (IllegalArgumentException notAKey) {
      return Optional.empty();
    }
  }
}
