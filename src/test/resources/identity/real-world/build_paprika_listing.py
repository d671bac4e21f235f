"""Writes coinpaprika-listing.csv: the curated CoinPaprika ids that Dune's spellbook prices spells
use as `token_id` (SOURCES.md, "CoinPaprika ids").

    python3 build_paprika_listing.py SPELLBOOK_CHECKOUT \
        ../../../../main/resources/identity/curated-assets.csv .

Dune prices tokens from CoinPaprika, and a spellbook `token_id` is a CoinPaprika coin id that the
spellbook's CI checks against the live CoinPaprika API. Only the value tuples of the prices spells
(`dbt_subprojects/tokens/models/prices/**/*.sql`) are read, and only their first identifiers:
`(token_id, blockchain, symbol, contract, decimals)`, `(token_id, symbol, contract, decimals)` or,
in the native-token spell, `(blockchain, token_id)`. Commented-out lines are skipped. One row per
curated id: the first spell (by path) that lists it; `evidence` is that spell's key in SOURCES.md.
A spell gives no CoinPaprika name or ticker (its symbol is the token's on that chain: WHYPE, USDC.e),
so `name` and `symbol` stay empty in these rows.
"""

import csv
import pathlib
import re
import sys

PRICES = "dbt_subprojects/tokens/models/prices"
TUPLE = re.compile(r"\(([^()]*)\)")


def fields(body):
    return [part.strip().strip("'") for part in body.split(",")]


def listed(sql):
    """The token_id of every uncommented value tuple of a prices spell."""
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        line = line.split("--", 1)[0]
        for match in TUPLE.finditer(line):
            parts = fields(match.group(1))
            if len(parts) in (4, 5):
                yield parts[0]
            elif len(parts) == 2:
                yield parts[1]


def main(spellbook, curated_path, out):
    with open(curated_path) as f:
        curated = {row["coinpaprika"] for row in csv.DictReader(f)}
    root = pathlib.Path(spellbook) / PRICES
    found = {}
    for spell in sorted(root.rglob("*.sql")):
        key = "dune:" + spell.relative_to(root).with_suffix("").as_posix()
        for token_id in listed(spell.read_text()):
            if token_id in curated and token_id not in found:
                found[token_id] = (token_id, "", "", key)
    with open(f"{out}/coinpaprika-listing.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name", "symbol", "evidence"])
        writer.writerows(sorted(found.values()))


if __name__ == "__main__":
    main(*sys.argv[1:])
