package io.kasparro.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access from browsers. Off until origins are listed.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com}) allowed to call
 *     the API from a browser; empty means none
 * @param allowedMethods HTTP methods they may use
 * @param allowedHeaders request headers they may send
 * @param exposedHeaders response headers their scripts may read
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("kasparro.api.cors")
public record CorsProperties(
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue({"GET", "HEAD", "POST", "OPTIONS"}) List<String> allowedMethods,
    @DefaultValue({"Content-Type", "X-API-Key", "X-Request-ID"}) List<String> allowedHeaders,
    @DefaultValue({"X-Request-ID", "X-API-Latency-MS", "Retry-After", "X-RateLimit-Remaining"})
        List<String> exposedHeaders,
    @DefaultValue("30m") Duration maxAge) {}
