package io.kasparro.web;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limit of the API. A client is its remote address (behind a proxy, set {@code
 * server.forward-headers-strategy} so that is the real client). Over the limit a request gets
 * {@code 429} with {@code Retry-After}.
 *
 * @param enabled whether requests are limited at all
 * @param capacity requests a client may make per window; also the largest burst
 * @param window the time over which {@code capacity} requests are refilled, steadily
 * @param maxClients clients tracked at once; the least recently seen are forgotten beyond it
 * @param exemptPaths paths (Ant patterns) never limited: probes and the metrics scrape
 */
@Validated
@ConfigurationProperties("kasparro.api.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @DefaultValue("300") long capacity,
    @DefaultValue("1m") Duration window,
    @Min(1) @DefaultValue("10000") int maxClients,
    @DefaultValue({"/health", "/health/live", "/health/ready", "/metrics"})
        List<String> exemptPaths) {}
