package io.kasparro.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reference fetch of token contracts (CoinGecko {@code /coins/list?include_platform=true},
 * CoinPaprika {@code /contracts}), identity's strongest evidence. It reads the providers whose
 * sources are enabled, with their base URLs and keys, through a client of its own.
 *
 * @param enabled whether the fetch is scheduled at all (without it, identity uses no contracts)
 * @param interval how long after one fetch the next starts (on one node of the cluster)
 * @param rateLimitPerMinute requests per minute the fetch allows itself at each provider, evenly
 *     spaced, on top of and apart from the market source's own limit
 * @param timeout longest silence while waiting for or reading one response (the CoinGecko list is
 *     several megabytes)
 */
@Validated
@ConfigurationProperties("kasparro.contracts")
public record ContractProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("1d") Duration interval,
    @Min(1) @Max(600) @DefaultValue("6") int rateLimitPerMinute,
    @NotNull @DefaultValue("2m") Duration timeout) {}
