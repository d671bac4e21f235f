package io.kasparro.runs;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Makes a source fail on purpose, for tests and demos. Off unless configured.
 *
 * @param failAfterRecords per source name, the number of records after which its runs fail; the
 *     batch that would cross that number is not committed
 */
@ConfigurationProperties("kasparro.failure-injection")
public record FailureInjectionProperties(@DefaultValue Map<String, Long> failAfterRecords) {

  /** The configured limit for a source, or -1 when none is set. */
  long limitFor(String source) {
    return failAfterRecords.getOrDefault(source, -1L);
  }
}
