package io.kasparro.web;

import io.kasparro.source.SourceRegistry;
import io.kasparro.source.UnknownSourceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Checks the query string of every request before anything reads it, so a bad one is a 400 naming
 * its parameter rather than an error deep inside: each name and value must be valid percent-encoded
 * UTF-8 (no stray {@code %}, no invalid or overlong byte sequences), no value may hold the NUL
 * character (PostgreSQL text cannot), and a {@code source} must be an enabled source.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class QueryStringFilter extends OncePerRequestFilter {

  private final SourceRegistry sources;
  private final HandlerExceptionResolver errors;

  QueryStringFilter(
      SourceRegistry sources,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    this.sources = sources;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      check(request.getQueryString());
    } catch (BadParameterException e) {
      errors.resolveException(request, response, null, e);
      return;
    }
    chain.doFilter(request, response);
  }

  private void check(String query) {
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name = decode(rawName);
      if (name == null) {
        throw new BadParameterException(
            "query", "a parameter name in the query string is not valid percent-encoded UTF-8");
      }
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (value == null) {
        throw new BadParameterException(
            name, name + " is not valid percent-encoded UTF-8 (%XX escapes of UTF-8 bytes)");
      }
      if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
        throw new BadParameterException(name, name + " must not contain the NUL character");
      }
      if (name.equals("source") && !value.isEmpty()) {
        try {
          sources.require(value);
        } catch (UnknownSourceException e) {
          throw new BadParameterException("source", e.getMessage());
        }
      }
    }
  }

  /** The decoded text, or null when it is not valid percent-encoded UTF-8. */
  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
