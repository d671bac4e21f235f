package io.kasparro.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Guards every mutating request (any method but GET, HEAD and OPTIONS), whatever endpoint it is
 * for, with the {@code X-API-Key} header; reads too when configured. The key is compared in
 * constant time and never logged or echoed. Whether the request carries the key also decides
 * whether it may read run errors ({@link RunErrorText}).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ApiKeyFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ApiSecurityProperties properties;
  private final HandlerExceptionResolver errors;
  private final AntPathMatcher paths = new AntPathMatcher();
  private final byte[] expectedDigest;

  ApiKeyFilter(
      ApiSecurityProperties properties,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    this.properties = properties;
    this.errors = errors;
    this.expectedDigest = properties.keyConfigured() ? sha256(properties.key()) : null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    request.setAttribute(
        RunErrorText.VISIBLE_ATTRIBUTE, expectedDigest == null || refusal(given) == null);
    boolean mutating = !SAFE_METHODS.contains(request.getMethod());
    if (!mutating && !(properties.requireKeyForReads() && !isPublic(request))) {
      chain.doFilter(request, response);
      return;
    }
    ErrorResponseException refusal = refusal(given);
    if (refusal != null) {
      errors.resolveException(request, response, null, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  private ErrorResponseException refusal(String given) {
    if (expectedDigest == null) {
      return Problems.of(
          HttpStatus.FORBIDDEN,
          "API key not configured",
          "this endpoint needs an API key, and the service has none configured; set"
              + " KASPARRO_API_KEY (property kasparro.api.key) to enable it");
    }
    if (given == null || given.isEmpty()) {
      return unauthorized("send the API key in the " + HEADER + " header");
    }
    // Compare digests so neither the content nor the length of the key leaks through timing.
    if (!MessageDigest.isEqual(expectedDigest, sha256(given))) {
      return unauthorized("the " + HEADER + " header does not hold a valid API key");
    }
    return null;
  }

  private static ErrorResponseException unauthorized(String detail) {
    ErrorResponseException problem =
        Problems.of(HttpStatus.UNAUTHORIZED, "API key required", detail);
    problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
    return problem;
  }

  private boolean isPublic(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return properties.publicPaths().stream().anyMatch(pattern -> paths.match(pattern, path));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
