package io.kasparro.source.coinpaprika;

import io.kasparro.system.http.UpstreamSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CoinPaprika market-data source ({@code GET {base-url}/tickers?quotes=USD}, every coin in one
 * array).
 *
 * @param enabled whether the source runs at all
 * @param baseUrl the API root
 * @param apiKey optional key, sent as {@code Authorization: Bearer}, from the environment ({@code
 *     KASPARRO_SOURCES_COINPAPRIKA_API_KEY}). Never logged or shown
 * @param rateLimitPerMinute requests per minute this client allows itself, evenly spaced
 * @param timeout longest silence while waiting for or reading a response
 * @param batchSize coins committed per transaction, together with the checkpoint
 */
@Validated
@ConfigurationProperties("kasparro.sources.coinpaprika")
public record CoinPaprikaProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("https://api.coinpaprika.com/v1") String baseUrl,
    @DefaultValue("") String apiKey,
    @Min(1) @Max(60_000) @DefaultValue("60") int rateLimitPerMinute,
    @NotNull @DefaultValue("60s") Duration timeout,
    @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize)
    implements UpstreamSettings {

  /** Shows the configuration without the API key. */
  @Override
  public String toString() {
    return UpstreamSettings.describe(this);
  }
}
