#!/usr/bin/env python3
"""Builds the identity evaluation sample from public listings (see SOURCES.md).

usage: build_sample.py KOMODO_COINS_CONFIG_JSON COINGECKO_COINS_LIST_JSON CURATED_CSV OUT_DIR

Writes coinpaprika-ids.csv (every CoinPaprika id the mapping uses), cross-listed.csv (the ground
truth), coingecko-coins.csv (the CoinGecko listing, trimmed to
the sample's tickers and the curated list's ids) and sample.csv (one market observation per coin,
with synthetic, deterministic prices).
"""
import csv
import hashlib
import json
import re
import sys
from collections import defaultdict


def unit(key, salt):
    """A deterministic number in [0, 1) for a key."""
    digest = hashlib.sha256(f"{salt}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def paprika_symbol_and_name(paprika_id):
    """CoinPaprika builds its ids as <ticker>-<name slug>; read both back."""
    symbol, _, slug = paprika_id.partition("-")
    name = " ".join(part.capitalize() for part in slug.split("-") if part) or symbol
    return symbol.upper(), name


def market(asset, provider):
    """Price, market cap and volume: one asset's agree across providers within about 2 %."""
    price = 10 ** (-6 + 10 * unit(asset, "price"))
    supply = 10 ** (5 + 6 * unit(asset, "supply"))
    turnover = 10 ** (-3 + 2 * unit(asset, "turnover"))
    noise = lambda salt, width: 1 + width * (2 * unit(asset + provider, salt) - 1)
    p = price * noise("p", 0.01)
    cap = price * supply * noise("c", 0.02)
    volume = price * supply * turnover * noise("v", 0.15)
    return f"{p:.10g}", f"{cap:.0f}", f"{volume:.0f}"


def main(config_path, list_path, curated_path, out):
    config = json.load(open(config_path))
    listing = {coin["id"]: coin for coin in json.load(open(list_path))}
    pairs = {}
    for ticker, coin in sorted(config.items()):
        gecko, paprika = coin.get("coingecko_id"), coin.get("coinpaprika_id")
        if gecko and paprika and "test-coin" not in (gecko, paprika) and gecko in listing:
            protocol = coin.get("protocol", {}).get("protocol_data", {})
            pairs.setdefault(
                gecko,
                (paprika, ticker, protocol.get("platform", ""), protocol.get("contract_address", "")),
            )
    tickers = set()
    for gecko, (paprika, *_rest) in pairs.items():
        tickers.add(listing[gecko]["symbol"].upper())
        tickers.add(paprika_symbol_and_name(paprika)[0])
    curated = list(csv.DictReader(open(curated_path)))
    curated_ids = {row["coingecko"] for row in curated}
    tickers |= {row["symbol"].upper() for row in curated}

    with open(f"{out}/coinpaprika-ids.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "coingecko"])
        every = {}
        for ticker, coin in sorted(config.items()):
            gecko, paprika = coin.get("coingecko_id"), coin.get("coinpaprika_id")
            if gecko and paprika and "test-coin" not in (gecko, paprika):
                every.setdefault(paprika, gecko)
        for paprika in sorted(every):
            w.writerow([paprika, every[paprika]])

    with open(f"{out}/cross-listed.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["coingecko", "coinpaprika", "komodo_ticker", "platform", "contract"])
        for gecko in sorted(pairs):
            w.writerow([gecko, *pairs[gecko]])

    gecko_rows = sorted(
        (c for c in listing.values() if c["symbol"].upper() in tickers or c["id"] in curated_ids),
        key=lambda c: c["id"],
    )
    with open(f"{out}/coingecko-coins.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "symbol", "name"])
        for c in gecko_rows:
            w.writerow([c["id"], c["symbol"], c["name"]])

    with open(f"{out}/sample.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "id", "symbol", "name", "price_usd", "market_cap_usd",
                    "volume_24h_usd", "asset"])
        for c in gecko_rows:
            if c["symbol"].upper() not in tickers:
                continue
            price, cap, volume = market(c["id"], "coingecko")
            if c["id"] not in pairs and unit(c["id"], "unranked") < 0.3:
                cap, volume = "", ""
            w.writerow(["coingecko", c["id"], c["symbol"], c["name"], price, cap, volume, c["id"]])
        for gecko in sorted(pairs):
            paprika = pairs[gecko][0]
            symbol, name = paprika_symbol_and_name(paprika)
            price, cap, volume = market(gecko, "coinpaprika")
            w.writerow(["coinpaprika", paprika, symbol, name, price, cap, volume, gecko])
    print(f"{len(pairs)} cross-listed, {len(gecko_rows)} CoinGecko coins, {len(tickers)} tickers")


if __name__ == "__main__":
    main(*sys.argv[1:5])
