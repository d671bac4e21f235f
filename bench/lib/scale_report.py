"""Prints the scale curve of bench/run.sh --scale (key=value results) with its ratios from the
smallest table size to the largest, and draws latency against table size (PNG, matplotlib)."""

import sys

from report import load, verdict

ENDPOINTS = [
    ("first", "/data first page"),
    ("filtered", "/data?symbol= page"),
    ("deep", "/data cursor page"),
    ("assets", "/assets?symbol="),
    ("candles", "candles (48 x 15m)"),
]


def mb(value):
    return f"{int(value) / 2**20:,.0f}"


def previous_quotes(r, sizes, size):
    """Quotes in market_quotes before the history of this size was generated: the seed's one
    quote of each asset, or the previous size's quotes and the rows its run-once added."""
    i = sizes.index(size)
    if i == 0:
        return 2000
    before = sizes[i - 1]
    ingested = sum(
        int(r[key].split()[4])
        for key in (f"s{before}_ingest_run", f"s{before}_ingest_lz4_run")
        if key in r
    )
    return int(r[f"s{before}_counts"].split()[1]) + ingested


def main(path, png):
    r = load(path)
    sizes = [int(v) for v in r["scale_sizes"].split(",")]
    out = []
    say = out.append
    say(
        f"Kasparro scale curve: market_quotes at {', '.join(f'{s:,}' for s in sizes)} quotes;"
        f" run-once of {int(r['scale_ingest']):,} more rows at each size"
    )
    say(
        f"machine: {r['cores']} cores, load average {r['load_start']} at start, {r['load_end']} at"
        f" end; PostgreSQL {r['postgres']} ({r['pg_settings']}); Java {r['java']}"
    )
    say("")
    say("SIZE           quotes     bronze  partitions  quotes MB (+ index MB)  bronze MB (+ index MB)  generated in")
    for size in sizes:
        label = f"s{size}"
        bronze, quotes = r[f"{label}_counts"].split()
        q_table, q_index, b_table, b_index = r[f"{label}_bytes"].split()
        generated = r.get(f"{label}_generate_s")
        say(
            f"{size:>12,} {int(quotes):>12,} {int(bronze):>10,} {int(r[f'{label}_partitions']):>8}"
            f"     {mb(q_table):>9} (+ {mb(q_index):>7})     {mb(b_table):>9} (+ {mb(b_index):>7})"
            f"    {'' if generated is None else f'{float(generated):.0f} s'}"
        )
    for size in sizes:
        label = f"s{size}"
        if f"{label}_generate_s" in r:
            made = int(r[f"{label}_counts"].split()[1]) - previous_quotes(r, sizes, size)
            generated, inserted, rebuilt = (
                float(r[f"{label}_{k}_s"]) for k in ("generate", "insert", "rebuild")
            )
            say(
                f"  to {size:,}: {made:,} quotes with their bronze rows generated at"
                f" {made / generated:,.0f} a second: {inserted:.0f} s of inserts without the"
                f" secondary indexes, {rebuilt:.0f} s rebuilding them (and VACUUM, ANALYZE)"
            )
    say("")
    say("p50 ms under load (wrk -c4 on the API | pgbench -c4 on the same statements), and req/s")
    header = f"{'':<22}" + "".join(f"{s:>22,}" for s in sizes) + f"{'last/first':>12}"
    say(header)
    curves = {}
    for key, title in ENDPOINTS:
        cells, api_p50s = [], []
        for size in sizes:
            rps, p50, _, errors = r[f"s{size}_{key}_api"].split()
            _, s50, _, sql_errors = r[f"s{size}_{key}_sql"].split()
            flag = "" if int(errors) == 0 and int(sql_errors) == 0 else "!"
            cells.append(f"{float(p50):6.2f} | {float(s50):5.2f} {float(rps):5.0f}{flag}")
            api_p50s.append(float(p50))
        curves[title] = api_p50s
        say(f"{title:<22}" + "".join(f"{c:>22}" for c in cells) + f"{api_p50s[-1] / api_p50s[0]:>11.2f}x")
    checks = "  ".join(
        f"{s:,}: {r[f's{s}_deep_first_id_ok']}" for s in sizes
    )
    say(f"cursor page depth (pages): {', '.join(r[f's{s}_depth_pages'] for s in sizes)}; first row checked against OFFSET in SQL: {checks}")
    counts = [float(r[f"s{s}_count_ms"]) for s in sizes]
    say(
        "exact total of every quote (count, alone):"
        + ", ".join(f" {c:,.0f} ms at {s:,}" for s, c in zip(sizes, counts))
    )
    say("")
    say("INGEST of one more batch of rows (run-once, the run's own time)")
    ingests = ingest_lines(r, sizes, "ingest", say)
    lz4 = []
    if f"s{sizes[0]}_ingest_lz4_run" in r:
        say("  then as many again at each size with wal_compression = lz4:")
        lz4 = ingest_lines(r, sizes, "ingest_lz4", say)
    profile(r, sizes, say)
    say("")
    say("RETENTION: the oldest partition dropped against its rows deleted (both rolled back)")
    ratios = []
    for size in sizes:
        name, rows = r[f"s{size}_oldest"].split()
        delete_ms, drop_ms = float(r[f"s{size}_delete_ms"]), float(r[f"s{size}_drop_ms"])
        ratios.append(delete_ms / drop_ms)
        say(
            f"  at {size:>12,} quotes: {name} ({int(rows):,} rows): DELETE {delete_ms:,.1f} ms,"
            f" DROP {drop_ms:,.2f} ms, {delete_ms / drop_ms:,.0f} x"
        )
    name, rows = r["final_oldest"].split()
    detach_ms, drop_ms = float(r["final_detach_ms"]), float(r["final_drop_ms"])
    last_delete_ms = float(r[f"s{sizes[-1]}_delete_ms"])
    say(
        f"  as retention does it, committed, at the end: {name} ({int(rows):,} rows): DETACH"
        f" {detach_ms:,.1f} ms (market_quotes locked), then DROP {drop_ms:,.1f} ms (files freed,"
        f" the table not locked)"
    )
    if "fs_free_2g_s" in r:
        per_gb = float(r["fs_free_2g_s"]) / 2
        dropped_gb = int(r["final_oldest_bytes"]) / 2**30
        say(
            f"  the file system ({r['fs_mount'].replace('|', ' ')}) frees a written 2 GB file in"
            f" {float(r['fs_free_2g_s']) * 1000:,.0f} ms; at that rate the partition's"
            f" {dropped_gb:,.1f} GB (table and indexes) would take {per_gb * dropped_gb * 1000:,.0f}"
            f" ms; the DROP took {drop_ms:,.0f} ms"
        )
    say("")
    first, last = sizes[0], sizes[-1]
    span = f"{first:,} -> {last:,}"
    say("TARGETS (ratios within this run)")
    for title in ("/data first page", "/data cursor page"):
        growth = curves[title][-1] / curves[title][0]
        say(f"  {title} p50 grows {growth:.2f} x from {span}: <= 1.5  {verdict(growth <= 1.5)}")
    growth = ingests[-1] / ingests[0]
    say(f"  ingest grows {growth:.2f} x from {span}: <= 1.3  {verdict(growth <= 1.3)}")
    if lz4:
        growth = lz4[-1] / lz4[0]
        say(
            f"  ingest with wal_compression = lz4 grows {growth:.2f} x from {span}: <= 1.3"
            f"  {verdict(growth <= 1.3)}"
        )
    locked = last_delete_ms / detach_ms
    whole = last_delete_ms / (detach_ms + drop_ms)
    say(
        f"  retention against deleting the rows, at {last:,}: {locked:,.0f} x while the table is"
        f" locked, {whole:,.1f} x in all (DETACH + DROP): >= 100  {verdict(whole >= 100)}"
    )
    print("\n".join(out))
    plot(png, sizes, curves, counts)


def ingest_lines(r, sizes, step, say):
    """One line per size for that size's run-once of this step; returns their times."""
    times = []
    for size in sizes:
        duration_ms, status, fetched, inserted, loaded, failed = r[f"s{size}_{step}_run"].split()
        times.append(int(duration_ms) / 1000)
        say(
            f"  at {size:>12,} quotes: {int(duration_ms) / 1000:7.2f} s, {status}, {int(fetched):,} read,"
            f" {int(inserted):,} into bronze, {int(loaded):,} into silver, {failed} failed"
            f" (PostgreSQL CPU {float(r[f's{size}_{step}_pg_cpu_s']):.1f} s)"
        )
    return times


def profile(r, sizes, say):
    """PostgreSQL's side of each size's ingest: per COPY statement and for the whole run."""
    if f"s{sizes[0]}_ingest_wal" not in r:
        return
    say("")
    say("PROFILE of each ingest on PostgreSQL's side (pg_stat_statements, pg_stat_wal, pg_stat_bgwriter;"
        " blocks of 8 kB)")
    say(f"{'':<16}{'s':>8}{'hit':>11}{'read':>10}{'read s':>8}{'dirtied':>10}{'written':>9}"
        f"{'write s':>8}{'WAL FPIs':>10}{'WAL MB':>9}")
    steps = [("ingest", "")]
    if f"s{sizes[0]}_ingest_lz4_wal" in r:
        steps.append(("ingest_lz4", ", wal_compression = lz4"))
    for size in sizes:
        for step, title in steps:
            profile_of(r, f"s{size}_{step}", f"at {size:,} quotes{title}", say)


def profile_of(r, label, title, say):
    """One ingest's profile: its COPY statements, then the whole run."""
    say(title)
    for table in ("raw_records", "market_quotes"):
        row = r.get(f"{label}_copy_{table}", "")
        if not row.strip():
            continue
        _, ms, _, hit, read, dirtied, written, read_ms, write_ms, fpi, wal = row.split()
        say(
            f"  COPY {table:<14}{int(ms) / 1000:>5.1f}{int(hit):>11,}{int(read):>10,}"
            f"{int(read_ms) / 1000:>8.1f}{int(dirtied):>10,}{int(written):>9,}"
            f"{int(write_ms) / 1000:>8.1f}{int(fpi):>10,}{int(wal) / 2**20:>9,.0f}"
        )
    records, fpi, wal, write_ms, sync_ms = r[f"{label}_wal"].split()
    writers = ""
    if r.get(f"{label}_writers", "").strip():
        checkpoint, clean, backend, checkpoints = r[f"{label}_writers"].split()
        writers = (
            f"; dirty buffers written by the checkpointer {int(checkpoint):,}, the background"
            f" writer {int(clean):,}, backends {int(backend):,}; checkpoints {checkpoints}"
            f" (the first is run-once's own, just before it starts)"
        )
    say(
        f"  the whole run: WAL {int(wal) / 2**20:,.0f} MB in {int(records):,} records,"
        f" {int(fpi):,} full-page images ({int(fpi) * 8 / 1024:,.0f} MB of pages before"
        f" compression), written in {int(write_ms) / 1000:.1f} s and synced in"
        f" {int(sync_ms) / 1000:.1f} s{writers}"
    )


def plot(png, sizes, curves, counts):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        print(f"(no plot: python3-matplotlib is not installed; {png} not drawn)")
        return
    figure, axis = plt.subplots(figsize=(8, 5))
    millions = [s / 1e6 for s in sizes]
    for title, p50s in curves.items():
        axis.plot(millions, p50s, marker="o", label=title)
    axis.plot(millions, counts, marker="s", linestyle="--", label="exact total (count, alone)")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("quotes in market_quotes (millions)")
    axis.set_ylabel("p50 latency under load, ms (API, wrk -c4)")
    axis.set_title("Kasparro: latency against table size")
    axis.set_xticks(millions)
    axis.set_xticklabels([f"{m:g}" for m in millions])
    axis.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(png, dpi=110)
    print(f"plot: {png}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
