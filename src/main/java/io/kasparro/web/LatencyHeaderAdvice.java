package io.kasparro.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code X-API-Latency-MS} to every response body the API writes, errors included. A body with
 * {@code metadata.api_latency_ms} gets that same reading (taken by {@link ResponseMetadata}), so
 * the header and the body never disagree; other bodies get the time elapsed now.
 */
@ControllerAdvice
class LatencyHeaderAdvice implements ResponseBodyAdvice<Object> {

  static final String HEADER = "X-API-Latency-MS";
  static final String READING_ATTRIBUTE = LatencyHeaderAdvice.class.getName() + ".reading";

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (request instanceof ServletServerHttpRequest servletRequest) {
      HttpServletRequest http = servletRequest.getServletRequest();
      Object reading = http.getAttribute(READING_ATTRIBUTE);
      long latency = reading == null ? RequestIdFilter.elapsedMillis(http) : (Long) reading;
      response.getHeaders().set(HEADER, Long.toString(latency));
    }
    return body;
  }
}
