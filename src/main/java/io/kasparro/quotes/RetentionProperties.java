package io.kasparro.quotes;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long silver quotes are kept. Bronze ({@code raw_records}) has no retention: it is append-only
 * and the only source silver can be rebuilt from, so nothing here ever drops it.
 *
 * @param quotes quotes whose month ends more than this long ago are removed by dropping their whole
 *     partition ({@code 90d}, {@code 3m} for three months, {@code 1y}, {@code P90D}); unset (the
 *     default) keeps every quote
 * @param interval how often partitions are created ahead of the data (this month and the next two)
 *     and, if {@code quotes} is set, retention is applied
 */
@ConfigurationProperties("kasparro.retention")
public record RetentionProperties(Period quotes, @DefaultValue("1h") Duration interval) {}
