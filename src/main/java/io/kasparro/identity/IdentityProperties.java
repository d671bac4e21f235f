package io.kasparro.identity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-source identity resolution.
 *
 * @param fuzzyNameThreshold how similar (Jaro-Winkler, 0 to 1) two normalised names must be for a
 *     record to join the one existing asset with its ticker when the names differ; higher is more
 *     conservative
 */
@Validated
@ConfigurationProperties("kasparro.identity")
public record IdentityProperties(
    @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.88") double fuzzyNameThreshold) {}
