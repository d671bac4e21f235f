/**
 * The source SPI ({@link io.kasparro.source.Source}, its batches, records and payload schema), the
 * registry of enabled sources and the value parsing every source shares. One sub-package per
 * source.
 */
@ApplicationModule(displayName = "Sources")
package io.kasparro.source;

import org.springframework.modulith.ApplicationModule;
