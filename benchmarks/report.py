#!/usr/bin/env python3
"""Turns one run of benchmarks/run.sh (its output folder) into a Markdown report on standard
output, which run.sh saves as benchmarks/results/<UTC stamp>.md. Standard library only.

Usage: python3 benchmarks/report.py benchmarks/target/run-<stamp>"""

import csv
import json
import statistics
import sys
from pathlib import Path

# Issue #19's targets for the starter's defaults (variant function), as ratios to the
# hand-written controller (variant baseline) measured in the same run.
TARGET_CPU = 1.0          # server CPU per call at 1 and at 32 connections <= 1.0 x the controller
TARGET_THROUGHPUT = 1.0   # requests/s at 32 connections >= 1.0 x the controller
TARGET_P99 = 1.0          # p99 at 1 and at 32 connections <= 1.0 x the controller
TARGET_STARTUP = 1.0      # java -jar launch to first answer <= 1.0 x the controller
TARGET_IDLE_RSS = 1.1     # RSS after the first answer, before any load <= 1.1 x the controller
TARGET_CALL_NS = 5_000    # runtime work per call (JMH, no-op handler, routerLog=INFO) < 5 us
TARGET_CALL_BYTES = 4_096  # and < 4 KB allocated

# In the order of the tables' rows and columns.
VARIANT_NAMES = {
    "baseline": "hand-written controller (Spring MVC)",
    "framework": "Functions Framework invoker 2.0.0",
    "function": "this starter, defaults",
    "function-router-warn": "this starter, router log at WARN",
    "function-router-sync": "this starter, router log on the call's thread",
    "function-plain-console": "this starter, console pattern `%m%n` (router log as by default)",
}

NOT_MEASURED = "not measured"

JMH_ROWS = [
    ("io.functionruntime.internal.web.EventMappingBenchmark.toEvent", None,
     "event mapping: query, body, headers, event record"),
    ("io.functionruntime.internal.web.EventMappingBenchmark.toEventBoundToMap", None,
     "event mapping + binding to `Map<String, Object>` (what `main.handler` takes)"),
    ("io.functionruntime.internal.invoke.ContextCreationBenchmark.createContext", None, "context creation"),
    ("io.functionruntime.internal.invoke.InvokerBenchmark.invokeNoOp", None,
     "invoker alone: pool permit, worker thread hand-over and back, release"),
    ("io.functionruntime.internal.invoke.HandOffBenchmark.workerRoundTrip", None,
     "control, JDK only: a no-op task to a cached thread pool and its result awaited (the invoker's floor)"),
    ("io.functionruntime.internal.web.ResponseWritingBenchmark.writeTypicalResponse", None,
     "response writing of `{statusCode, headers, body}` (1.5 KB body)"),
    ("io.functionruntime.internal.web.DispatchBenchmark.noOpHandler", "WARN",
     "**whole call, no-op handler** (mapping + dispatch + writing), router log off"),
    ("io.functionruntime.internal.web.DispatchBenchmark.noOpHandler", "INFO",
     "**whole call, no-op handler**, default logging: START/END/REPORT handed to the background writer"),
    ("io.functionruntime.internal.web.DispatchBenchmark.noOpHandler", "INFO_SYNC",
     "whole call, no-op handler, START/END/REPORT formatted on the calling thread (`router-log.async=false`)"),
    ("io.functionruntime.internal.web.DispatchBenchmark.seedHandler", "WARN",
     "whole call with the seed's handler (serialises event and context), router log off"),
    ("io.functionruntime.internal.web.DispatchBenchmark.seedHandler", "INFO",
     "whole call with the seed's handler, default logging"),
    ("io.functionruntime.internal.web.DispatchBenchmark.seedHandler", "INFO_SYNC",
     "whole call with the seed's handler, router log on the calling thread"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=boot, output=discard",
     "one START line through Spring Boot's logging, default console pattern, formatting only"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=boot, output=file",
     "the same line also written to a file the way `System.out` writes (one `write(2)` per line)"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=message, output=discard",
     "the same line with `logging.pattern.console=%m%n`, formatting only"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=message, output=file",
     "the same line with `%m%n`, written to a file"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=structured, output=discard",
     "the same line as the runtime's JSON (`FunctionLogFormatter`), formatting only"),
    ("io.functionruntime.internal.logging.RouterLineBenchmark.startLine", "console=structured, output=file",
     "the same JSON line, written to a file"),
]

# DispatchBenchmark runs on the calling thread unless -p thread=worker is given; rows of other
# values of the `thread` parameter are listed apart rather than mixed in.
DEFAULT_THREAD = "calling"


def read_properties(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def read_tsv(path):
    with path.open() as f:
        return list(csv.DictReader(f, delimiter="\t"))


def fmt(value, digits=0):
    return f"{value:,.{digits}f}"


def ratio(value, base):
    return value / base if base else float("nan")


def verdict(ok):
    return "**met**" if ok else "**missed**"


def jmh_failures(out):
    """The benchmarks that threw, from JMH's text output: {(benchmark, routerLog or None): first error line}.
    JMH goes on after a failing benchmark and leaves it out of jmh.json."""
    failures, name, params, error_next = {}, None, None, False
    path = out / "jmh.txt"
    for line in (path.read_text().splitlines() if path.exists() else ()):
        if line.startswith("# Benchmark: "):
            name, params = line.split(": ", 1)[1].strip(), None
        elif line.startswith("# Parameters: "):
            params = dict(p.split(" = ", 1) for p in line.split(": ", 1)[1].strip("() ").split(", ") if " = " in p)
        elif line.startswith("<failure>"):
            error_next = True
        elif error_next and line.strip():
            failures[(name, (params or {}).get("routerLog"))] = line.strip()
            error_next = False
    return failures


def jmh_section(out):
    results = json.loads((out / "jmh.json").read_text())
    by_key = {}
    for r in results:
        params = r.get("params") or {}
        param = params.get("routerLog") or ", ".join(
            f"{key}={value}" for key, value in sorted(params.items()) if key != "thread") or None
        by_key[(r["benchmark"], param, params.get("thread", DEFAULT_THREAD))] = r
    lines = ["| benchmark | measures | median of iterations (µs/op) | mean ± 99.9 % (µs/op) | allocated (B/op) |",
             "|---|---|---:|---:|---:|"]
    rows = {}
    threads = sorted({thread for (_, _, thread) in by_key}, key=lambda t: t != DEFAULT_THREAD)
    for (name, param, what), thread in ((row, t) for t in threads for row in JMH_ROWS):
        r = by_key.get((name, param, thread))
        if r is None:
            continue
        label = param if param is None or "=" in param else f"routerLog={param}"
        if thread != DEFAULT_THREAD:
            param = f"{param}, thread={thread}"
            label = f"{label}, thread={thread}"
            what = f"{what}; on a worker thread"
        iterations = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        ns = statistics.median(iterations)
        mean = r["primaryMetric"]["score"]
        err = float(r["primaryMetric"]["scoreError"])  # "NaN" with a single iteration
        alloc = float(r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", "NaN"))
        rows[(name, param)] = (ns, alloc)
        short = name.replace("io.functionruntime.", "") + (f" ({label})" if label else "")
        spread = f" ± {fmt(err / 1000, 2)}" if err == err else " (one iteration: no error)"
        lines.append(f"| `{short}` | {what} | {fmt(ns / 1000, 2)} | {fmt(mean / 1000, 2)}{spread} "
                     f"| {fmt(alloc)} |")
    return "\n".join(lines), rows


def median(values):
    return statistics.median(values) if values else float("nan")


def load_section(out, rounds, clean_cores):
    load = read_tsv(out / "load.tsv")
    startup = read_tsv(out / "startup.tsv")
    variants = [v for v in VARIANT_NAMES if any(r["variant"] == v for r in load)]

    def is_clean(r):
        return float(r["other_cores"]) <= clean_cores

    def clean(rows):
        """The rows measured while other processes used at most clean_cores, or all of them."""
        kept = [r for r in rows if is_clean(r)]
        return (kept, len(kept)) if kept else (rows, 0)

    def rps(r):
        return int(r["requests"]) * 1e6 / int(r["duration_us"])

    metrics = {}
    for v in variants:
        m = {}
        for c in (1, 32):
            rs, m[f"clean{c}"] = clean([r for r in load if r["variant"] == v and r["connections"] == str(c)])
            m[f"rps{c}"] = median([rps(r) for r in rs])
            m[f"p50_{c}"] = median([int(r["p50_us"]) / 1000 for r in rs])
            m[f"p99_{c}"] = median([int(r["p99_us"]) / 1000 for r in rs])
            m[f"cpu{c}"] = median([float(r["server_cpu_s"]) * 1e6 / int(r["requests"]) for r in rs])
            m[f"bad{c}"] = sum(int(r["errors"]) + int(r["non2xx"])
                               for r in load if r["variant"] == v and r["connections"] == str(c))
        ss, m["clean_start"] = clean([r for r in startup if r["variant"] == v])
        m["startup"] = median([int(r["startup_ms"]) for r in ss])
        m["startup_cpu"] = median([int(r["startup_cpu_ms"]) for r in ss])
        m["rss"] = median([int(r["peak_rss_kb"]) / 1024 for r in startup if r["variant"] == v])
        m["idle_rss"] = median([int(r["idle_rss_kb"]) / 1024 for r in startup
                                if r["variant"] == v and r.get("idle_rss_kb")])
        m["rounds"] = len([r for r in startup if r["variant"] == v])
        metrics[v] = m

    # At 32 connections the variants are measured in turns: the ratio of two variants'
    # measurements of the same round and window does not carry the host's drift between turns,
    # so its median is the figure the targets at 32 connections are checked against.
    per_turn = {"rps32": rps, "p99_32": lambda r: int(r["p99_us"]),
                "cpu32": lambda r: float(r["server_cpu_s"]) / int(r["requests"])}
    turns, clean_turns = {}, {}
    for r in load:
        if r["connections"] == "32":
            turn = (r["round"], r.get("window", "1"))
            turns.setdefault(r["variant"], {})[turn] = r
            if is_clean(r):
                clean_turns.setdefault(r["variant"], {})[turn] = r

    def paired(v, ref, key):
        """The median, over the turns in which both were measured cleanly (or, when there is none,
        over all their turns), of v's figure over ref's; and how many turns, as text."""
        by_turn, note = clean_turns, ""
        common = [t for t in by_turn.get(v, {}) if t in by_turn.get(ref, {})]
        if not common:
            by_turn, note = turns, " (none clean)"
            common = [t for t in by_turn.get(v, {}) if t in by_turn.get(ref, {})]
        values = [per_turn[key](by_turn[v][t]) / per_turn[key](by_turn[ref][t]) for t in common]
        return median(values), f"{len(common)}{note}"

    for v in variants:
        for key in per_turn:
            metrics[v]["paired_" + key], metrics[v]["pairs"] = paired(v, "baseline", key)

    base = metrics.get("baseline", {})
    header = "| metric (median of the clean rounds) | {} |".format(
        " | ".join(VARIANT_NAMES[v] + (" | ratio to baseline" if v != "baseline" else "") for v in variants))
    align = "|---|" + "|".join("---:" if v == "baseline" else "---:|---:" for v in variants) + "|"
    table = [header, align]
    spec = [
        ("requests/s, 32 connections", "rps32", 0, "clean32"),
        ("p50 latency, 32 connections (ms)", "p50_32", 2, "clean32"),
        ("p99 latency, 32 connections (ms)", "p99_32", 2, "clean32"),
        ("server CPU per request, 32 connections (µs)", "cpu32", 0, "clean32"),
        ("requests/s, 1 connection", "rps1", 0, "clean1"),
        ("p50 latency, 1 connection (ms)", "p50_1", 3, "clean1"),
        ("p99 latency, 1 connection (ms)", "p99_1", 3, "clean1"),
        ("server CPU per request, 1 connection (µs)", "cpu1", 0, "clean1"),
        ("JVM start to first answered request (ms)", "startup", 0, "clean_start"),
        ("JVM CPU time until the first answer (ms)", "startup_cpu", 0, "clean_start"),
        ("idle RSS after the first answer, VmRSS (MiB)", "idle_rss", 0, None),
        ("peak RSS, VmHWM (MiB)", "rss", 0, None),
    ]
    for label, key, digits, clean_key in spec:
        cells = []
        for v in variants:
            value = metrics[v][key]
            note = ""
            if clean_key is not None and metrics[v][clean_key] < metrics[v]["rounds"]:
                note = f" ({metrics[v][clean_key]}/{metrics[v]['rounds']} clean)" if metrics[v][clean_key] \
                    else " (no clean round)"
            cells.append(fmt(value, digits) + note)
            if v != "baseline":
                cells.append(f"{ratio(value, base[key]):.2f}")
        table.append(f"| {label} | " + " | ".join(cells) + " |")
    for label, key in (("requests/s, 32 connections, ratio to the baseline in the same turn", "paired_rps32"),
                       ("p99 latency, 32 connections, ratio to the baseline in the same turn", "paired_p99_32"),
                       ("server CPU per request, 32 connections, ratio to the baseline in the same turn",
                        "paired_cpu32")):
        cells = []
        for v in variants:
            if v == "baseline":
                cells.append("—")
            else:
                cells.extend(("", f"{metrics[v][key]:.2f} (median of {metrics[v]['pairs']})"))
        table.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for v in variants:
        cells.append(str(metrics[v]["bad1"] + metrics[v]["bad32"]))
        if v != "baseline":
            cells.append("—")
    table.append("| failed or non-2xx answers, all runs | " + " | ".join(cells) + " |")

    detail = ["| round | variant | connections | window | requests/s | p50 (ms) | p99 (ms) | errors + non-2xx | "
              "server CPU/request (µs) | other processes (cores) | runs |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in load:
        detail.append("| {} | {} | {} | {} | {} | {:.3f} | {:.3f} | {} | {:.0f} | {} | {} |".format(
            r["round"], r["variant"], r["connections"], r.get("window", "1"), fmt(rps(r)), int(r["p50_us"]) / 1000,
            int(r["p99_us"]) / 1000, int(r["errors"]) + int(r["non2xx"]),
            float(r["server_cpu_s"]) * 1e6 / int(r["requests"]), r["other_cores"], r["attempts"]))
    starts = ["| round | variant | start to first answer (ms) | JVM CPU until then (ms) | other processes (cores) "
              "| starts | Spring Boot's own line | idle RSS (MiB) | peak RSS (MiB) |",
              "|---:|---|---:|---:|---:|---:|---|---:|---:|"]
    for r in startup:
        idle = f"{int(r['idle_rss_kb']) / 1024:.0f}" if r.get("idle_rss_kb") else NOT_MEASURED
        starts.append(f"| {r['round']} | {r['variant']} | {r['startup_ms']} | {r['startup_cpu_ms']} | "
                      f"{r['other_cores']} | {r['attempts']} | {r['spring_started']} | {idle} | "
                      f"{int(r['peak_rss_kb']) / 1024:.0f} |")
    return "\n".join(table), "\n".join(detail), "\n".join(starts), metrics, paired


def main_table(m):
    """The issue's table: a row per server, a column per figure, each with its ratio to the
    hand-written controller (at 32 connections the median of the same-turn ratios)."""
    columns = [("CPU per call, 1 connection (µs)", "cpu1", 0, None),
               ("CPU per call, 32 connections (µs)", "cpu32", 0, "paired_cpu32"),
               ("calls/s, 32 connections", "rps32", 0, "paired_rps32"),
               ("p99, 1 connection (ms)", "p99_1", 2, None),
               ("p99, 32 connections (ms)", "p99_32", 2, "paired_p99_32"),
               ("launch → first answer (ms)", "startup", 0, None),
               ("idle RSS after the first answer (MiB)", "idle_rss", 0, None)]
    base = m["baseline"]
    lines = ["| server | " + " | ".join(label for label, *_ in columns) + " |",
             "|---|" + "---:|" * len(columns)]
    for v, name in VARIANT_NAMES.items():
        if v not in m:
            continue
        cells = []
        for _, key, digits, paired_key in columns:
            value = m[v][key]
            cell = fmt(value, digits) if value == value else NOT_MEASURED
            if v != "baseline" and value == value:
                cell += f" ({m[v][paired_key] if paired_key else ratio(value, base[key]):.2f}×)"
            cells.append(cell)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    out = Path(sys.argv[1])
    machine = read_properties(out / "machine.properties")
    commands = [line.split("\t", 1) for line in (out / "commands.tsv").read_text().splitlines() if "\t" in line]
    jmh_table, jmh = jmh_section(out)
    clean_cores = float(machine.get("clean_cores", "0.2"))
    load_table, load_detail, startup_detail, m, paired = load_section(out, machine.get("rounds", "?"), clean_cores)

    # Every ratio compares figures of this run. At 1 connection and for the start: the ratio of
    # the medians; at 32 connections: the median of the ratios within a turn.
    fn = m["function"]
    targets = ["| target (this starter's defaults, variant `function`) | measured | ratio | |", "|---|---|---:|---|"]

    def target(label, measured, r, ok):
        if r != r:  # NaN: a figure is missing
            targets.append(f"| {label} | {measured} | — | **{NOT_MEASURED}** |")
        else:
            targets.append(f"| {label} | {measured} | {r:.2f}× | {verdict(ok(r))} |")

    def vs(ref, label, key, limit, unit, digits=0, higher_is_better=False):
        """The defaults against variant ref (baseline or framework) on one figure."""
        ok = (lambda r: r >= limit) if higher_is_better else (lambda r: r <= limit)
        label = f"{label} {'≥' if higher_is_better else '≤'} {limit:.1f}× " + (
            "the controller" if ref == "baseline" else "the Functions Framework (stretch)")
        if ref not in m:
            target(label, f"{VARIANT_NAMES[ref]}: {NOT_MEASURED}", float("nan"), ok)
            return
        measured = f"{fmt(fn[key], digits)} vs {fmt(m[ref][key], digits)} {unit}"
        if key in ("cpu32", "rps32", "p99_32"):
            r, pairs = paired("function", ref, key)
            measured += f" (medians); ratio in the same turn, median of {pairs}"
        else:
            r = ratio(fn[key], m[ref][key])
        target(label, measured, r, ok)

    vs("baseline", "CPU per call, 1 connection,", "cpu1", TARGET_CPU, "µs")
    vs("baseline", "CPU per call, 32 connections,", "cpu32", TARGET_CPU, "µs")
    vs("framework", "CPU per call, 1 connection,", "cpu1", TARGET_CPU, "µs")
    vs("framework", "CPU per call, 32 connections,", "cpu32", TARGET_CPU, "µs")
    vs("baseline", "calls/s, 32 connections,", "rps32", TARGET_THROUGHPUT, "calls/s", higher_is_better=True)
    vs("baseline", "p99, 1 connection,", "p99_1", TARGET_P99, "ms", 2)
    vs("baseline", "p99, 32 connections,", "p99_32", TARGET_P99, "ms", 2)

    dispatch = "io.functionruntime.internal.web.DispatchBenchmark.noOpHandler"
    ns, alloc = jmh.get((dispatch, "INFO"), (float("nan"),) * 2)
    failed = jmh_failures(out).get((dispatch, "INFO"))
    missing = f"{NOT_MEASURED}: " + (f"the benchmark failed (`{failed}`, see jmh.txt)" if failed
                                     else "no result for it in jmh.json")
    target("runtime's own work per call < 5 µs (JMH `DispatchBenchmark.noOpHandler`, routerLog=INFO, median; "
           "ratio to the limit)", f"{ns / 1000:.2f} µs" if ns == ns else missing, ns / TARGET_CALL_NS,
           lambda r: r < 1)
    target("allocated per call < 4 KB (4,096 B; same benchmark, `gc.alloc.rate.norm`; ratio to the limit)",
           f"{fmt(alloc)} B" if alloc == alloc else missing, alloc / TARGET_CALL_BYTES, lambda r: r < 1)
    vs("baseline", "launch → first answer, `java -jar`,", "startup", TARGET_STARTUP, "ms")
    targets.append("| fast start against the Functions Framework | see the startup report (`benchmarks/startup.sh`) "
                   "| — | — |")
    vs("baseline", "idle RSS after the first answer,", "idle_rss", TARGET_IDLE_RSS, "MiB")

    print(f"""# Benchmark run of {machine['date']}

Written by `benchmarks/run.sh`; what is measured and how is in `docs/benchmarks.md`.

- Machine: {machine['nproc']} cores ({machine['cpu']}), {machine['memory']} memory, {machine['kernel']}
- JDK: {machine['java']}
- {machine['maven']}; {machine['wrk']}; commit {machine['commit']}
- JVM flags of the JMH forks and of every server: `{machine['jvm_flags']}`
- JMH: `{machine.get('jmh_args', '')} -prof gc`
- Raw data: `benchmarks/target/{out.name}/` (JMH JSON, wrk output, server log heads), until the next build
  of the module
- Load: {machine['rounds']} rounds, each starting every variant once in rotated order; per JVM a
  {machine.get('warmup_1', '?')} s warm-up at 1 connection, {machine['duration']} s measured at 1, a
  {machine['warmup']} s warm-up at 32 connections; then, all variants of the round running,
  {machine.get('windows', '1')} turns of {machine['duration']} s at 32 connections each, the variants taking turns in rotated
  order. A measurement is *clean* when other processes used at most {clean_cores} cores
  meanwhile; one that is not is taken again (see "runs"/"starts"), and the medians use the
  clean ones. The targets at 32 connections are checked against the median of the ratios to
  the baseline's measurement in the same turn. The idle RSS is read
  {machine.get('idle_rss_wait', '?')} s after the first answer, before any load.

## This starter against the hand-written peers

Medians of the clean rounds; in brackets the ratio to the hand-written controller (at 32
connections: the median of the ratios within a turn).

{main_table(m)}

## Targets

{chr(10).join(targets)}

## Per call, in process (JMH, `-prof gc`)

{jmh_table}

## End to end on 127.0.0.1 (wrk)

{load_table}

<details><summary>Every round</summary>

{load_detail}

{startup_detail}

</details>

## Exact commands

```
{chr(10).join(f"# {k}{chr(10)}{v}" for k, v in commands)}
```
""")


if __name__ == "__main__":
    main()
