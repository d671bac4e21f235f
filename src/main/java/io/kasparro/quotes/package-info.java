/**
 * Market quotes: their writes into {@code market_quotes} (COPY or {@code unnest}) and {@code GET
 * /data}, with its filters, sorts and keyset cursor.
 */
@ApplicationModule(displayName = "Quotes")
package io.kasparro.quotes;

import org.springframework.modulith.ApplicationModule;
