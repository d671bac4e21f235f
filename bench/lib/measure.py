"""Small measuring helpers for bench/run.sh, one sub-command each (python3 measure.py NAME ARGS...)."""

import csv
import glob
import json
import os
import re
import statistics
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))


def gen_csv(path, first, count, append):
    import data

    data.write_csv(path, int(first), int(count), append == "append")


def gen_bronze_copy(path, file_name, first, count):
    import data

    data.write_bronze_copy(path, file_name, int(first), int(count))


def gen_silver_copy(path, first, count):
    import data

    data.write_silver_copy(path, int(first), int(count))


def gc_peak(log):
    """Peak heap in use (just before a collection) and largest live set (just after), in MB."""
    before, after = [], []
    pattern = re.compile(r"Pause.*?(\d+)M->(\d+)M\((\d+)M\)")
    with open(log, encoding="utf-8") as lines:
        for line in lines:
            match = pattern.search(line)
            if match:
                before.append(int(match.group(1)))
                after.append(int(match.group(2)))
    if not before:
        print("0 0 0")
        return
    print(max(before), max(after), len(before))


def cluster_cpu(postmaster_pid):
    """CPU seconds used so far by a PostgreSQL cluster: the postmaster, its live children and the
    children it has reaped (exited backends are counted in its cutime/cstime)."""
    ticks = os.sysconf("SC_CLK_TCK")

    def stat(pid):
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields

    root = stat(postmaster_pid)
    total = sum(int(v) for v in root[11:15])
    for entry in os.listdir("/proc"):
        if entry.isdigit() and entry != str(postmaster_pid):
            try:
                fields = stat(entry)
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if fields[1] == str(postmaster_pid):
                total += int(fields[11]) + int(fields[12])
    print(f"{total / ticks:.2f}")


def _millis(text):
    value = float(re.match(r"[\d.]+", text).group(0))
    unit = text[len(re.match(r"[\d.]+", text).group(0)) :]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(output):
    """Requests/s, median and p99 latency (ms) and failed responses from wrk --latency output."""
    text = open(output, encoding="utf-8").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = _millis(re.search(r"\s50%\s+(\S+)", text).group(1))
    p99 = _millis(re.search(r"\s99%\s+(\S+)", text).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    failed = int(bad.group(1)) if bad else 0
    if errors:
        failed += sum(int(n) for n in re.findall(r"\d+", errors.group(0)))
    print(f"{rps:.1f} {p50:.3f} {p99:.3f} {failed}")


def pgbench(output, log_prefix):
    """Transactions/s from pgbench's output, median and p99 latency (ms) from its per-transaction
    logs (-l)."""
    text = open(output, encoding="utf-8").read()
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", text).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", text)
    latencies = []
    for name in glob.glob(log_prefix + ".*"):
        with open(name, encoding="ascii") as lines:
            for line in lines:
                latencies.append(int(line.split()[2]) / 1000.0)
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"{tps:.1f} {p50:.3f} {p99:.3f} {int(failed.group(1)) if failed else 0}")


def pgbench_script(csvlog, offset, script, defines):
    """Turns the statements a request sent (logged with log_min_duration_statement = 0 in csvlog
    format, from byte offset on) into a pgbench script running the same SQL with the same values.

    Only statements of the service's connections are kept (the JDBC driver's application name),
    not the psql session switching the logging on and off; they are kept in the order they ran.
    NULL arguments become NULL literals; the others become pgbench variables, i.e. bound
    parameters of a prepared statement in -M prepared, as the JDBC driver sends them.
    """
    with open(csvlog, encoding="utf-8", newline="") as f:
        f.seek(int(offset))
        records = list(csv.reader(f))
    statements = []
    for record in records:
        message, detail, application = record[13], record[14], record[22]
        match = re.match(r"duration: [\d.]+ ms\s+(?:execute [^:]+|statement): (.*)", message, re.S)
        if not match or application != "PostgreSQL JDBC Driver" or not match.group(1).strip():
            continue
        sql = " ".join(match.group(1).split())
        params = dict(re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", detail))
        statements.append((sql, params))
    if not statements:
        sys.exit("no /data statement was logged; is log_min_duration_statement applied?")
    lines, values = [], []
    for n, (sql, params) in enumerate(statements):
        for index in sorted(params, key=int, reverse=True):
            value = params[index]
            if value == "NULL":
                replacement = "NULL"
            else:
                name = f"s{n}p{index}"
                values.append(f"{name}={value[1:-1].replace(chr(39) * 2, chr(39))}")
                replacement = f":{name}"
            sql = re.sub(r"\$" + index + r"(?!\d)", replacement, sql)
        lines.append(sql + ";")
    with open(script, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    with open(defines, "w", encoding="utf-8") as out:
        out.write("\n".join(values) + ("\n" if values else ""))


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def deep_cursor(base_url, query, rows_to_skip):
    """Walks /data with the largest pages, following next_cursor, until rows_to_skip rows are
    behind, and prints the cursor that continues from there ("" if the API gives no cursor)."""
    remaining = int(rows_to_skip)
    cursor = None
    while remaining > 0:
        size = min(1000, remaining)
        url = f"{base_url}/data?{query}&limit={size}&include_total=false"
        if cursor:
            url += "&cursor=" + urllib.parse.quote(cursor)
        page = _get(url)
        cursor = page.get("pagination", {}).get("next_cursor")
        if not cursor:
            print("")
            return
        remaining -= len(page["data"])
    print(cursor)


def first_id(url):
    page = _get(url)
    print(page["data"][0]["id"] if page["data"] else "")


def _frame(frame):
    method = frame["method"]
    return f"{method['type']['name'].replace('/', '.')}.{method['name']}"


def jfr_top(jfr_json, limit):
    """Where the samples of a JFR recording fall, by thread: running Java (jdk.ExecutionSample)
    or in native code (jdk.NativeMethodSample, for the pipeline mostly socket reads, i.e. waiting
    for PostgreSQL); the hottest methods; and the innermost Kasparro frame of each Java sample."""
    events = json.load(open(jfr_json, encoding="utf-8"))["recording"]["events"]
    own, packages, threads = {}, {}, {}
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        kind = "native" if event["type"] == "jdk.NativeMethodSample" else "java"
        threads.setdefault(thread, {"java": 0, "native": 0})[kind] += 1
        if kind == "native":
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        own_key = _frame(frames[0])
        own[own_key] = own.get(own_key, 0) + 1
        for frame in frames:
            key = _frame(frame)
            if key.startswith("io.kasparro"):
                key = re.sub(r"\$\$Lambda\$.*", " (lambda)", key)
                packages[key] = packages.get(key, 0) + 1
                break
        else:
            packages["(no io.kasparro frame)"] = packages.get("(no io.kasparro frame)", 0) + 1
    print("samples per thread: running Java / in native code (e.g. waiting on a socket)")
    for thread, counts in sorted(threads.items(), key=lambda kv: -sum(kv[1].values()))[:6]:
        print(f"  {thread}: {counts['java']} / {counts['native']}")
    total = sum(own.values())
    print(f"hottest methods (own samples of {total} Java samples):")
    for key, count in sorted(own.items(), key=lambda kv: -kv[1])[: int(limit)]:
        print(f"  {100 * count / total:5.1f}%  {key}")
    print("innermost Kasparro frame on the stack:")
    for key, count in sorted(packages.items(), key=lambda kv: -kv[1])[: int(limit)]:
        print(f"  {100 * count / total:5.1f}%  {key}")


if __name__ == "__main__":
    command = sys.argv[1].replace("-", "_")
    globals()[command](*sys.argv[2:])
