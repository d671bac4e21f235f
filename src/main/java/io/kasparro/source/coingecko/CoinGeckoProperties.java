package io.kasparro.source.coingecko;

import io.kasparro.system.http.UpstreamSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CoinGecko market-data source ({@code GET {base-url}/coins/markets}).
 *
 * @param enabled whether the source runs at all
 * @param baseUrl the API root; the pro API lives at {@code https://pro-api.coingecko.com/api/v3}
 * @param apiKey the API key, from the environment ({@code KASPARRO_SOURCES_COINGECKO_API_KEY});
 *     empty uses the public tier. Never logged or shown
 * @param plan which key header to send: {@code demo} ({@code x-cg-demo-api-key}) or {@code pro}
 *     ({@code x-cg-pro-api-key})
 * @param rateLimitPerMinute requests per minute this client allows itself, evenly spaced
 * @param timeout longest silence while waiting for or reading a response
 * @param pages how many pages of the market-cap ranking one run reads
 * @param perPage coins per page (CoinGecko allows at most 250)
 * @param snapshotMaxAge a run that died part way resumes at its next page only while the snapshot
 *     it was reading is younger than this; after that the ranking has moved and a new snapshot
 *     starts at page 1
 */
@Validated
@ConfigurationProperties("kasparro.sources.coingecko")
public record CoinGeckoProperties(
    @DefaultValue("true") boolean enabled,
    @NotBlank @DefaultValue("https://api.coingecko.com/api/v3") String baseUrl,
    @DefaultValue("") String apiKey,
    @NotNull @DefaultValue("demo") Plan plan,
    @Min(1) @Max(60_000) @DefaultValue("30") int rateLimitPerMinute,
    @NotNull @DefaultValue("30s") Duration timeout,
    @Min(1) @Max(100) @DefaultValue("2") int pages,
    @Min(1) @Max(250) @DefaultValue("250") int perPage,
    @NotNull @DefaultValue("10m") Duration snapshotMaxAge)
    implements UpstreamSettings {

  /** CoinGecko's API plans, which differ in the header that carries the key. */
  public enum Plan {
    DEMO,
    PRO;

    String keyHeader() {
      return "x-cg-" + name().toLowerCase(Locale.ROOT) + "-api-key";
    }
  }

  /** The key goes in the header of the plan, not in {@code Authorization}. */
  @Override
  public Map<String, String> authHeaders() {
    return hasApiKey() ? Map.of(plan.keyHeader(), apiKey) : Map.of();
  }

  /** Shows the configuration without the API key. */
  @Override
  public String toString() {
    return UpstreamSettings.describe(this);
  }
}
