package io.kasparro.drift;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Schema drift detection and field mapping.
 *
 * @param renameThreshold confidence (0 to 1) from which a rename is mapped back to the expected
 *     field so the data still loads. Only a missing required field found under a name with the same
 *     words (order, separators and case aside: {@code price_current}, {@code priceCurrent}) is ever
 *     mapped; a name with a word more or less ({@code market_cap_rank}, {@code volume_24h_eur}) is
 *     only reported, however high its confidence. At 1 only names that differ in case alone are
 *     mapped
 * @param renameCandidateThreshold confidence from which a missing and an added field are reported
 *     as a likely rename at all (below it they are reported as missing and added)
 * @param fieldMappings per source, payload fields to read as expected fields ({@code ticker:
 *     symbol}), confirmed by an operator; applied before drift detection, so a mapped field is no
 *     longer drift. Dotted keys need brackets: {@code "[quotes.USD.px]": quotes.USD.price}
 */
@Validated
@ConfigurationProperties("kasparro.schema")
public record SchemaProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.8") double renameThreshold,
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double renameCandidateThreshold,
    @DefaultValue Map<String, Map<String, String>> fieldMappings) {

  Map<String, String> mappingsFor(String source) {
    return fieldMappings.getOrDefault(source, Map.of());
  }
}
