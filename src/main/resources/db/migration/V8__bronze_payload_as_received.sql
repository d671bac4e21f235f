-- Bronze keeps each payload's text exactly as received: json stores the text as given (jsonb
-- would reorder keys, drop duplicate keys and rewrite numbers), so payload_hash can be checked
-- against the stored payload at any time: sha256(convert_to(payload::text, 'UTF8')).
DROP VIEW raw_csv, raw_coingecko, raw_coinpaprika, raw_rss;
ALTER TABLE raw_records ALTER COLUMN payload TYPE json USING payload::json;
CREATE VIEW raw_csv AS SELECT * FROM raw_records WHERE source = 'csv';
CREATE VIEW raw_coingecko AS SELECT * FROM raw_records WHERE source = 'coingecko';
CREATE VIEW raw_coinpaprika AS SELECT * FROM raw_records WHERE source = 'coinpaprika';
CREATE VIEW raw_rss AS SELECT * FROM raw_records WHERE source = 'rss';
-- A failed record's copy of its payload, likewise: a payload jsonb cannot hold (a number beyond
-- numeric's range) must still be recordable as a failure.
ALTER TABLE transform_failures ALTER COLUMN payload TYPE json USING payload::json;
