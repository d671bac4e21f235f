"""Writes coingecko-platforms.csv: the contracts (platform id, address) that a real CoinGecko
/coins/list?include_platform=true snapshot gives for the sample's CoinGecko coins (SOURCES.md).

    python3 build_platforms.py cryptos_supported.dart .

The snapshot is a Dart file holding one JSON array; the array is read as JSON, nothing else of the
file is used.
"""

import csv
import json
import sys


def main(snapshot_path, out):
    text = open(snapshot_path).read()
    coins = json.loads(text[text.index("[") : text.rindex("]") + 1])
    with open(f"{out}/coingecko-coins.csv") as f:
        sample = {row["id"] for row in csv.DictReader(f)}
    rows = [
        (coin["id"], platform, address)
        for coin in coins
        if coin["id"] in sample
        for platform, address in sorted(coin.get("platforms", {}).items())
        if address
    ]
    with open(f"{out}/coingecko-platforms.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "platform", "address"])
        writer.writerows(sorted(rows))
    listed = {coin["id"] for coin in coins if coin["id"] in sample}
    print(f"{len(listed)} sample coins in the snapshot, {len(rows)} contracts")


if __name__ == "__main__":
    main(*sys.argv[1:3])
