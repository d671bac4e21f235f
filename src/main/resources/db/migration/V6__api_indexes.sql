-- GET /data sorted by price: keyset pages (price_usd, id) stay index scans however deep.
CREATE INDEX market_quotes_price_idx ON market_quotes (price_usd, id);
