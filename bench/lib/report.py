"""Prints bench/run.sh's results (key=value lines) as one table, each figure with its ratio to the
baseline measured in the same run and the issue's target."""

import sys


def load(path):
    values = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    return values


def verdict(ok):
    return "met" if ok else "MISSED"


def main(path):
    r = load(path)
    rows = int(r["rows"])
    copy_s = float(r["copy_s"])
    out = []
    say = out.append
    say(f"Kasparro benchmark: {rows:,} market rows, {int(r['csv_bytes']) / 1e6:.1f} MB of CSV")
    say(
        f"machine: {r['cores']} cores, load average {r['load_start']} at start,"
        f" {r['load_end']} at end; PostgreSQL {r['postgres']} ({r['pg_settings']}); Java {r['java']}"
    )
    say("")
    def run(label):
        duration_ms, status, fetched, inserted, loaded, failed = r[f"{label}_run"].split()
        return int(duration_ms) / 1000, status, int(fetched), int(inserted), int(loaded), int(failed)

    say("INGEST                                      time      rows/s   vs (1)   target")
    say(
        f"(1) psql \\copy, bronze-shaped table    {copy_s:8.2f} s {rows / copy_s:9,.0f}    1.00"
        f"   baseline (PostgreSQL CPU {float(r['copy_pg_cpu_s']):.1f} s, {int(r['copy_rows']):,} rows)"
    )
    jsonb_s = float(r["copy_jsonb_s"])
    say(
        f"    the same with a jsonb payload      {jsonb_s:8.2f} s {rows / jsonb_s:9,.0f}"
        f" {jsonb_s / copy_s:7.2f}   reference (PostgreSQL CPU"
        f" {float(r['copy_jsonb_pg_cpu_s']):.1f} s); ratio of (2) to it:"
        f" {run('full')[0] / jsonb_s:.2f}"
    )

    floor_s = float(r["floor_s"])
    floor_bronze, floor_silver = r["floor_rows"].split()
    say(
        f"(1b) floor: \\copy bronze + silver      {floor_s:8.2f} s {rows / floor_s:9,.0f}"
        f" {floor_s / copy_s:7.2f}   the floor for (2): raw_records {float(r['floor_bronze_s']):.2f} s"
        f" + market_quotes {float(r['floor_silver_s']):.2f} s (PostgreSQL CPU"
        f" {float(r['floor_pg_cpu_s']):.1f} s; {int(floor_bronze):,} / {int(floor_silver):,} rows)"
    )

    full_s, status, fetched, inserted, loaded, failed = run("full")
    say(
        f"(2) run-once, bronze+silver+checkpoint {full_s:8.2f} s {fetched / full_s:9,.0f}"
        f" {full_s / copy_s:7.2f}   <= 1.50  {verdict(full_s <= 1.5 * copy_s)}"
    )
    say(
        f"    against the floor (1b)             {full_s / floor_s:8.2f} x"
        f"                   <= 1.30  {verdict(full_s <= 1.3 * floor_s)}"
    )
    say(
        f"    {status}: {fetched:,} read, {inserted:,} into bronze, {loaded:,} into silver,"
        f" {failed} failed; tables hold {r['full_counts'].replace(' ', ' bronze / ')} silver rows"
    )
    wall = float(r["full_wall_s"])
    say(
        f"    whole process incl. JVM start     {wall:8.2f} s {fetched / wall:9,.0f}"
        f" {wall / copy_s:7.2f}   (CPU: Java {float(r['full_java_cpu_s']):.1f} s,"
        f" PostgreSQL {float(r['full_pg_cpu_s']):.1f} s)"
    )
    unchanged_s = run("unchanged")[0]
    say(
        f"(3) run-once, unchanged file           {unchanged_s:8.3f} s            "
        f"{unchanged_s / copy_s:7.3f}   <= 1 s   {verdict(unchanged_s <= 1.0)}"
        f"   (process {float(r['unchanged_wall_s']):.1f} s)"
    )
    appended_s, _, a_fetched, a_inserted, a_loaded, _ = run("appended")
    say(
        f"(3) run-once, {int(r['appended_rows']):,} rows appended (1 %)  {appended_s:6.3f} s"
        f" {a_fetched / max(appended_s, 0.001):9,.0f} {appended_s / copy_s:7.3f}"
        f"   {100 * appended_s / full_s:.1f} % of (2), <= 5 %  {verdict(appended_s <= 0.05 * full_s)}"
    )
    say(
        f"    {a_fetched:,} read, {a_inserted:,} into bronze, {a_loaded:,} into silver;"
        f" tables hold {r['appended_counts'].replace(' ', ' bronze / ')} silver rows"
    )
    peak, live, collections = (int(v) for v in r["full_heap"].split())
    completed = status in ("success", "partial") and int(r["full_counts"].split()[0]) == rows
    say(
        f"(4) heap with -Xmx256m: peak in use {peak} MB ({peak / 256:.0%} of the limit), largest"
        f" live set after GC {live} MB, {collections} collections, process RSS"
        f" {r['full_rss_mb']} MB; completed: {'yes' if completed else 'NO'}  {verdict(completed)}"
    )
    say("")
    say(
        "/data UNDER LOAD    API (wrk)                      SQL (pgbench, same statements)"
        "   API/SQL  target"
    )
    say("                    req/s    p50 ms   p99 ms     tx/s     p50 ms   p99 ms")

    def load_line(name, label, target):
        rps, p50, p99, errors = r[f"{name}_api"].split()
        tps, s50, s99, sql_errors = r[f"{name}_sql"].split()
        ratio = float(rps) / float(tps)
        extra = "" if int(errors) == 0 and int(sql_errors) == 0 else f" ERRORS {errors}/{sql_errors}"
        say(
            f"{label:<19} {float(rps):7.0f} {float(p50):9.2f} {float(p99):8.2f} {float(tps):8.0f}"
            f" {float(s50):10.2f} {float(s99):8.2f}    {ratio:5.2f}  {target(ratio)}{extra}"
        )
        return float(p50)

    first_p50 = load_line(
        "first", "first page", lambda ratio: f">= 0.50  {verdict(ratio >= 0.5)}"
    )
    deep_p50 = load_line("deep", f"page {int(r['depth_pages']):,}", lambda ratio: "")
    load_line("symbol", "symbol first page", lambda ratio: f">= 0.50  {verdict(ratio >= 0.5)}")
    say(
        f"deep page ({r['deep_kind']}, first row checked: {r['deep_first_id_ok']}): median"
        f" {deep_p50 / first_p50:.2f} x the first page's, <= 1.50  {verdict(deep_p50 <= 1.5 * first_p50)}"
    )
    say(
        f"exact total of the source filter (count over {int(r['count_rows']):,} quotes):"
        f" {float(r['count_ms']):.1f} ms per count, alone"
    )
    for name in ("first", "deep", "symbol"):
        say(f"  {name}: {r[f'{name}_url'][:110]} ({r[f'{name}_statements']} statement(s))")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
