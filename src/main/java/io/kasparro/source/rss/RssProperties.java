package io.kasparro.source.rss;

import io.kasparro.system.http.UpstreamSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The RSS/Atom news source: one or more feeds, read in order.
 *
 * @param enabled whether the source runs at all
 * @param baseUrl feeds that are not absolute URLs are resolved against this; empty when every feed
 *     is absolute
 * @param apiKey optional key for feeds behind authentication, sent as {@code Authorization:
 *     Bearer}. Never logged or shown
 * @param rateLimitPerMinute requests per minute this client allows itself, evenly spaced
 * @param timeout longest silence while waiting for or reading a response
 * @param feeds the feed URLs (or paths under {@code base-url}); settable from the environment as
 *     {@code KASPARRO_SOURCES_RSS_FEEDS=url1,url2}
 */
@Validated
@ConfigurationProperties("kasparro.sources.rss")
public record RssProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String baseUrl,
    @DefaultValue("") String apiKey,
    @Min(1) @Max(60_000) @DefaultValue("30") int rateLimitPerMinute,
    @NotNull @DefaultValue("30s") Duration timeout,
    @NotEmpty
        @DefaultValue({
          "https://www.coindesk.com/arc/outboundfeeds/rss/",
          "https://cointelegraph.com/rss"
        })
        List<String> feeds)
    implements UpstreamSettings {

  boolean hasBaseUrl() {
    return baseUrl != null && !baseUrl.isBlank();
  }

  /** Shows the configuration without the API key. */
  @Override
  public String toString() {
    return UpstreamSettings.describe(this);
  }
}
