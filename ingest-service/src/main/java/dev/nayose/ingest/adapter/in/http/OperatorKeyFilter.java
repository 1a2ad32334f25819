package dev.nayose.ingest.adapter.in.http;

import dev.nayose.ingest.app.ApiKeys;
import dev.nayose.ingest.app.OperatorKeys;
import dev.nayose.ingest.domain.ApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Guards the admin API ({@code /admin/**}) with operators' keys, presented like partners' keys
 * ({@code X-API-Key} or {@code Authorization: Bearer <key>}). No key or an unknown one: 401. A
 * partner's key: 403, so that a partner learns its key is valid but not for this. Operators' and
 * partners' keys live in different tables; neither opens the other's API.
 */
public final class OperatorKeyFilter extends OncePerRequestFilter {
  static final String OPERATOR = "dev.nayose.ingest.operator";
  private static final Logger log = LoggerFactory.getLogger(OperatorKeyFilter.class);

  private final OperatorKeys operatorKeys;
  private final ApiKeys partnerKeys;
  private final HandlerExceptionResolver problems;

  public OperatorKeyFilter(OperatorKeys operatorKeys, ApiKeys partnerKeys, HandlerExceptionResolver problems) {
    this.operatorKeys = operatorKeys;
    this.partnerKeys = partnerKeys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = ApiKeyFilter.presentedKey(request);
    if (presented == null) {
      refuse(request, response, new UnauthenticatedException("an operator key is required: send it in the "
          + ApiKeyFilter.API_KEY_HEADER + " header or as Authorization: Bearer <key>"));
      return;
    }
    Optional<ApiKey> key = ApiKeyFilter.parse(presented);
    Optional<String> operator;
    boolean partnerKey;
    try {
      operator = key.flatMap(operatorKeys::operatorOf);
      partnerKey = operator.isEmpty() && key.flatMap(partnerKeys::partnerOf).isPresent();
    } catch (RuntimeException e) {
      problems.resolveException(request, response, null, e);
      return;
    }
    if (partnerKey) {
      refuse(request, response, new ForbiddenException("a partner's API key does not open the admin API; "
          + "use an operator key (nayose operator-key NAME)"));
      return;
    }
    if (operator.isEmpty()) {
      refuse(request, response, new UnauthenticatedException("the operator key is not valid"));
      return;
    }
    request.setAttribute(OPERATOR, new AuthenticatedOperator(operator.get()));
    try (var ignored = MDC.putCloseable("operator", operator.get())) {
      chain.doFilter(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, RuntimeException reason) {
    log.info("{} {} refused: {}", request.getMethod(), request.getRequestURI(), reason.getMessage());
    problems.resolveException(request, response, null, reason);
  }
}
