"""Benchmark data: a market CSV and the same rows as bronze COPY input.

Row i of the file is a quote of asset (i mod ASSETS) at START + (i div ASSETS) minutes, so every row
is distinct in bronze and in silver, and appending rows [n, n + k) continues the series.
"""

import hashlib
import json
import random
import time

ASSETS = 2000
START = 1_795_132_800  # 2026-11-20T00:00:00Z
HEADER = "symbol,name,price_usd,market_cap_usd,volume_24h_usd,last_updated\n"
SOURCE = "csv"


def _symbol(asset):
    return f"SYN{asset:04d}"


def _name(asset):
    return f"Synthetic Coin {asset:04d}"


def _iso(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def _noise(i, salt):
    """A deterministic value in [0, 1) for row i: cheaper than a seeded generator per row."""
    return ((i * 2654435761 + salt * 40503) % 4294967291) / 4294967291


def rows(first, count, seed=7):
    """Yields (symbol, name, price, cap, volume, time) text tuples for rows [first, first + count)."""
    base = random.Random(seed)
    prices = [base.uniform(0.01, 90_000) for _ in range(ASSETS)]
    symbols = [_symbol(asset) for asset in range(ASSETS)]
    names = [_name(asset) for asset in range(ASSETS)]
    step_time = None
    for i in range(first, first + count):
        asset = i % ASSETS
        step = i // ASSETS
        if asset == 0 or step_time is None:
            step_time = _iso(START + 60 * step)
        price = prices[asset] * (1 + 0.02 * (_noise(i, 1) - 0.5)) * (1 + 0.0001 * (step % 97))
        cap = int(price * (10_000_000 + asset * 1_000))
        volume = int(cap * (0.01 + 0.19 * _noise(i, 2)))
        yield (symbols[asset], names[asset], f"{price:.6f}", str(cap), str(volume), step_time)


def write_csv(path, first, count, append):
    with open(path, "a" if append else "w", encoding="utf-8", newline="") as out:
        if not append:
            out.write(HEADER)
        for row in rows(first, count):
            out.write(",".join(row))
            out.write("\n")


def write_bronze_copy(path, file_name, first, count):
    """COPY text input (source, run_id, source_record_id, payload, payload_hash) of the rows.

    The payload is the JSON the CSV source builds for a row, byte for byte, and the hash is its
    SHA-256, as Kasparro stores them.
    """
    columns = HEADER.strip().split(",")
    with open(path, "w", encoding="utf-8", newline="") as out:
        for row in rows(first, count):
            payload = json.dumps(
                {"file": file_name, "row": dict(zip(columns, row))}, separators=(",", ":")
            )
            digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
            escaped = payload.replace("\\", "\\\\")
            out.write(f"{SOURCE}\t1\t{row[0]}\t{escaped}\t\\\\x{digest}\n")


def write_silver_copy(path, first, count):
    """COPY text input (asset_id, source, price_usd, market_cap_usd, volume_24h_usd, last_updated,
    raw_id, run_id) of the same rows, with the values the CSV source derives from them: row i is
    the quote of asset (i mod ASSETS) + 1 from bronze row i + 1."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        for i, row in enumerate(rows(first, count), start=first):
            out.write(
                f"{i % ASSETS + 1}\t{SOURCE}\t{row[2]}\t{row[3]}\t{row[4]}\t{row[5]}\t{i + 1}\t1\n"
            )
