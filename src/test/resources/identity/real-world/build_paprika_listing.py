"""Writes coinpaprika-listing.csv: the curated CoinPaprika ids that Dune's spellbook prices spells
use as `token_id` (SOURCES.md, "CoinPaprika ids").

    python3 build_paprika_listing.py SPELLBOOK_PRICES NATIVE_2025_09 \
        ../../../../main/resources/identity/curated-assets.csv .

SPELLBOOK_PRICES is `dbt_subprojects/tokens/models/prices` of the spellbook at the newer commit,
NATIVE_2025_09 that folder's `prices_native_tokens.sql` at the older commit (both in SOURCES.md),
which still listed the native coins of chains Dune does not index (ALGO, ICP, TAO, XMR and more).

Dune prices tokens from CoinPaprika, and a spellbook `token_id` is a CoinPaprika coin id that the
spellbook's CI checks against the live CoinPaprika API. Only the value tuples of the spells are
read, and only their identifiers: `(token_id, blockchain, symbol, contract, decimals)`,
`(token_id, symbol, contract, decimals)` or, in the newer native-token spell, `(blockchain,
token_id)`. Commented-out lines are skipped. One row per curated id: the first spell that lists it
(the newer spells by path, then the older native-token spell); `evidence` is that spell's key in
SOURCES.md. A token spell gives no CoinPaprika name or ticker (its symbol is the token's on that
chain: WHYPE, USDC.e), so `name` and `symbol` stay empty in its rows; the older native-token spell
gives the coin's ticker, which is kept as `symbol`.
"""

import csv
import pathlib
import re
import sys

OLD_NATIVE_KEY = "dune@d08f982:prices_native_tokens"
TUPLE = re.compile(r"\(([^()]*)\)")


def fields(body):
    return [part.strip().strip("'") for part in body.split(",")]


def listed(sql):
    """(token_id, ticker) of every uncommented value tuple of a prices spell; the ticker only where
    the tuple is a native coin's (token_id, null, ticker, null, null)."""
    for line in sql.splitlines():
        if line.strip().startswith("--"):
            continue
        line = line.split("--", 1)[0]
        for match in TUPLE.finditer(line):
            parts = fields(match.group(1))
            if len(parts) == 5 and parts[1] == "null":
                yield parts[0], parts[2]
            elif len(parts) in (4, 5):
                yield parts[0], ""
            elif len(parts) == 2:
                yield parts[1], ""


def main(prices, old_native, curated_path, out):
    with open(curated_path) as f:
        curated = {row["coinpaprika"] for row in csv.DictReader(f)}
    root = pathlib.Path(prices)
    spells = [
        ("dune:" + spell.relative_to(root).with_suffix("").as_posix(), spell)
        for spell in sorted(root.rglob("*.sql"))
    ]
    spells.append((OLD_NATIVE_KEY, pathlib.Path(old_native)))
    found = {}
    for key, spell in spells:
        for token_id, ticker in listed(spell.read_text()):
            if token_id in curated and token_id not in found:
                found[token_id] = (token_id, "", ticker, key)
    with open(f"{out}/coinpaprika-listing.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "name", "symbol", "evidence"])
        writer.writerows(sorted(found.values()))


if __name__ == "__main__":
    main(*sys.argv[1:])
