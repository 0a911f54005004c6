#!/usr/bin/python3
"""Turns the benchmark results (`key<TAB>value` lines) into the table, prints it, and rewrites
BENCHMARKS.md with the table, the machine and the commands. Usage: report.py RESULTS OUT_MD MACHINE_TXT."""
import statistics
import sys

# (section, subject, subject key, baseline, baseline key, unit, kind, target): kind "time" means
# ratio = subject ÷ baseline (lower is better), "rate" means ratio = subject ÷ baseline (higher is
# better); target is (comparison, limit) or None, where comparison "<=" / ">=" bounds the ratio and
# "diff<=" bounds the difference subject − baseline, in the row's unit.
ROWS = [
    ("generator", "`libvirt-swiftgen generate` (process)", "gen_swift_s", "libvirt-python generator.py ×6 (processes)", "gen_python_s", "s", "time", ("<=", 0.1)),
    ("generator", "`libvirt-swiftgen generate` (process)", "gen_swift_s", "bare XML parse of the 4 files (process)", "parse_proc_s", "s", "time", ("<=", 3.0)),
    ("generator", "`libvirt-swiftgen generate` (process)", "gen_swift_s", "bare XML parse of the 4 files (in process, no start-up)", "parse_inproc_s", "s", "time", None),
    ("generator", "generate: peak RSS", "gen_swift_rss", "libvirt-python generator.py: peak RSS", "gen_python_rss", "KiB", "time", None),
    ("generator", "generate: peak RSS", "gen_swift_rss", "bare XML parse: peak RSS", "parse_proc_rss", "KiB", "time", None),
    ("build", "Generated/ clean debug build", "build_gen_debug_s", "floor package clean debug build", "build_floor_debug_s", "s", "time", ("<=", 2.0)),
    ("build", "Generated/ clean release build", "build_gen_release_s", "floor package clean release build", "build_floor_release_s", "s", "time", ("<=", 3.0)),
    ("build", "Generated/ debug rebuild, one file touched", "build_gen_incr_s", "floor debug rebuild, one file touched", "build_floor_incr_s", "s", "time", ("<=", 1.5)),
    ("calls", "Swift `domain.info()`", "swift_info_ns", "C `virDomainGetInfo`", "c_info_ns", "ns", "time", ("<=", 1.05)),
    ("calls", "Swift `try await domain.info()` (blocking pool)", "swift_info_async_ns", "Swift `domain.info()` (synchronous)", "swift_info_ns", "ns", "time", ("diff<=", 5000)),
    ("calls", "Swift `try await domain.info()` (blocking pool)", "swift_info_async_ns", "C `virDomainGetInfo` on a worker thread (mutex + condition handoff)", "c_info_handoff_ns", "ns", "time", None),
    ("calls", "Swift `try await domain.info()` (blocking pool)", "swift_info_async_ns", "C `virDomainGetInfo`", "c_info_ns", "ns", "time", None),
    ("calls", "Swift `try await domain.info()` (a task on the pool's executor)", "swift_info_on_pool_ns", "Swift `domain.info()` (synchronous)", "swift_info_ns", "ns", "time", ("diff<=", 5000)),
    ("calls", "Swift `try await domain.info()` (a task on the pool's executor)", "swift_info_on_pool_ns", "C `virDomainGetInfo`", "c_info_ns", "ns", "time", None),
    ("calls", "Swift `connection.domain(named:)`", "swift_lookup_ns", "C `virDomainLookupByName` + free", "c_lookup_ns", "ns", "time", ("<=", 1.05)),
    ("calls", "Swift `domain.schedulerParameters`", "swift_sched_ns", "C type + `virDomainGetSchedulerParameters`", "c_sched_ns", "ns", "time", ("<=", 1.1)),
    ("calls", "Swift `allDomains()` + names, 1 domain", "swift_list1_ns", "C `virConnectListAllDomains` + names, 1", "c_list1_ns", "ns", "time", None),
    ("calls", "Swift `allDomains()` + names, 100 domains", "swift_list100_ns", "C, 100 domains", "c_list100_ns", "ns", "time", None),
    ("calls", "Swift `allDomains()` + names, 1,000 domains", "swift_list1000_ns", "C, 1,000 domains", "c_list1000_ns", "ns", "time", ("<=", 1.1)),
    ("calls", "python3-libvirt `dom.info()`", "py_info_ns", "C `virDomainGetInfo`", "c_info_ns", "ns", "time", None),
    ("calls", "python3-libvirt `conn.lookupByName()`", "py_lookup_ns", "C lookup + free", "c_lookup_ns", "ns", "time", None),
    ("calls", "python3-libvirt `dom.schedulerParameters()`", "py_sched_ns", "C typed parameters", "c_sched_ns", "ns", "time", None),
    ("calls", "python3-libvirt `listAllDomains()` + names, 1", "py_list1_ns", "C, 1 domain", "c_list1_ns", "ns", "time", None),
    ("calls", "python3-libvirt `listAllDomains()` + names, 100", "py_list100_ns", "C, 100 domains", "c_list100_ns", "ns", "time", None),
    ("calls", "python3-libvirt `listAllDomains()` + names, 1,000", "py_list1000_ns", "C, 1,000 domains", "c_list1000_ns", "ns", "time", None),
    ("events", "Swift `domainEvents(.lifecycle)` AsyncStream", "swift_events_per_s", "C callback on the default event loop", "c_events_per_s", "events/s", "rate", (">=", 0.8)),
    ("xml", "`DomainDescription(xml:)` + `xmlString()`, libvirt's 620 corpus domains", "xml_corpus_roundtrip_ns", "FoundationXML `XMLDocument` parse of the same", "xml_corpus_foundation_ns", "ns", "time", ("<=", 3.0)),
    ("xml", "`DomainDescription(xml:)` alone, 620 corpus domains", "xml_corpus_parse_ns", "FoundationXML `XMLDocument` parse of the same", "xml_corpus_foundation_ns", "ns", "time", None),
    ("xml", "`DomainDescription(xml:)` + `xmlString()`, largest corpus domain (30 KB)", "xml_largest_roundtrip_ns", "FoundationXML `XMLDocument` parse of it", "xml_largest_foundation_ns", "ns", "time", None),
    ("streams", "Swift `stream.bytes()` after `screenshot`", "swift_stream_bytes_per_s", "C blocking `virStreamRecv`", "c_stream_bytes_per_s", "bytes/s", "rate", None),
]


def number(value):
    """A readable number: thousands separated, at most three significant decimals."""
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def table(results):
    """The Markdown table and the list of target verdicts."""
    lines = ["| area | subject | baseline | subject value | baseline value | ratio | target | met |",
             "| --- | --- | --- | ---: | ---: | ---: | --- | --- |"]
    for area, subject, skey, baseline, bkey, unit, kind, target in ROWS:
        if skey not in results or bkey not in results:
            lines.append(f"| {area} | {subject} | {baseline} | n/a | n/a | n/a | | not measured |")
            continue
        s, b = results[skey], results[bkey]
        ratio = s / b if b else float("inf")
        goal, met = "", ""
        if target and target[0] == "diff<=":
            goal = f"Δ ≤ {number(target[1])} {unit}"
            met = "yes" if s - b <= target[1] else "**no**"
        elif target:
            goal = f"{target[0].replace('<=', '≤').replace('>=', '≥')} {target[1]}×"
            met = "yes" if (ratio <= target[1] if target[0] == "<=" else ratio >= target[1]) else "**no**"
        lines.append(f"| {area} | {subject} | {baseline} | {number(s)} {unit} | {number(b)} {unit} | "
                     f"{ratio:.3f}× | {goal} | {met} |")
    return "\n".join(lines)


def main(results_path, out_path, machine_path, findings_path=None):
    """Reads the results, prints the table and writes the Markdown file, ending with the
    hand-written profile findings when a findings file is given."""
    values = {}
    with open(results_path, encoding="utf-8") as source:
        for line in source:
            key, _, value = line.strip().partition("\t")
            if key:
                values.setdefault(key, []).append(float(value))
    # A key measured in several rounds gets the median of the rounds; lost events are summed.
    results = {k: (sum(v) if k.endswith("events_lost") else statistics.median(v)) for k, v in values.items()}
    text = table(results)
    print(text)
    lost = ", ".join(f"{k}: {int(v)}" for k, v in sorted(results.items()) if k.endswith("events_lost"))
    with open(machine_path, encoding="utf-8") as source:
        machine = source.read()
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"""# Benchmarks

Generated by `Benchmarks/run` (do not edit by hand). Every row compares a subject with a baseline
measured in the same run; the ratio is subject ÷ baseline (for times lower is better, for the
events and streams rates higher is better); a target written Δ bounds the difference subject −
baseline. Call times are medians of 11 repeats (after a warm-up) of a fixed number of calls, the
same counts in C, Swift and Python, and the C, Swift and Python programs run interleaved in 3
rounds whose medians are again reduced to their median; event and stream rates likewise (5
repeats per program run); process times are medians of 5 whole-process runs, build times medians
of 3 builds; peak memory is the largest resident set of the process and its children.

{text}

Lost events (expected − received, all repeats): {lost or "n/a"}.

## Machine

```
{machine.strip()}
```

## Commands

```sh
bash Benchmarks/run            # everything: installs what is missing, builds, measures, rewrites BENCHMARKS.md
bash Benchmarks/profile        # afterwards: callgrind of the generator and of call loops (Swift vs C), perf of events
```

* generator: `libvirt-swiftgen generate --api-xml api-xml/9.0.0 --output TMP` (release build) vs
  libvirt-python 9.0.0's `generator.py` run as its `setup.py` runs it (`libvirt`, `libvirt-qemu`,
  `libvirt-lxc` × `c`, `py`, API XML from `pkg-config --variable=libvirt_api libvirt` etc.; the
  sdist is fetched with `pip download --no-deps --no-binary :all: libvirt-python==9.0.0` into a
  temporary folder) vs `ParseBench` (Foundation's SAX parser over the four files, counting elements).
* builds: a copy of `Generated/` and the floor package written by `Benchmarks/floor.py` (same C call
  sites and file counts per module, one thin wrapper per call), `swift build [-c release]` with a
  fresh `--scratch-path`; the rebuild touches `Sources/Libvirt/Generated/Network.swift` (floor:
  `Floor1.swift`).
* calls, events, streams: `Benchmarks/.build/release/CallBench` vs `Benchmarks/c/bench.c`
  (`gcc -O2 ... $(pkg-config --cflags --libs libvirt)`) vs `Benchmarks/python/bench.py`
  (`/usr/bin/python3`, Debian's `python3-libvirt`), on `test:///default` and node files with 1, 100
  and 1,000 domains.
""")
        if findings_path:
            with open(findings_path, encoding="utf-8") as source:
                out.write("\n" + source.read().strip() + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
