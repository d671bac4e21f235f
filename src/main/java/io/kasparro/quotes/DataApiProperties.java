package io.kasparro.quotes;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code GET /data}.
 *
 * @param exactTotalLimit the largest {@code total} counted exactly; when more quotes match, {@code
 *     total} is this number and {@code total_exact} is false. Counting stops there, so a page's
 *     cost does not grow with the table (an exact count reads every matching quote)
 */
@Validated
@ConfigurationProperties("kasparro.api.data")
public record DataApiProperties(@Min(0) @DefaultValue("10000") long exactTotalLimit) {}
