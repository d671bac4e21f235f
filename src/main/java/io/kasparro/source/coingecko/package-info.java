/** CoinGecko: {@code /coins/markets}, page by page, resuming at the page a run died on. */
package io.kasparro.source.coingecko;
