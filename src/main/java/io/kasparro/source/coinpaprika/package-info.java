/** CoinPaprika: {@code /tickers}, one large array parsed as a stream and committed in batches. */
package io.kasparro.source.coinpaprika;
