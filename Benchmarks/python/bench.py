#!/usr/bin/python3
"""libvirt-python (python3-libvirt) baselines for the call benchmarks, same iteration counts as
CallBench and bench.c. Usage: bench.py DEFAULT_URI NODE1_URI NODE100_URI NODE1000_URI;
prints `key<TAB>value` lines (median nanoseconds per call)."""
import statistics
import sys
import time

import libvirt

REPEATS = 11  # repeats per measurement; the median is reported


def measure(iterations, body):
    """Median nanoseconds per call of `body` over REPEATS repeats after one warm-up."""
    samples = []
    for round_ in range(REPEATS + 1):
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        if round_ > 0:
            samples.append((time.perf_counter_ns() - start) / iterations)
    return statistics.median(samples)


def list_names(conn):
    """List all domains and read each name."""
    for dom in conn.listAllDomains():
        dom.name()


def main(argv):
    """Runs the call benchmarks and prints the results."""
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    conn = libvirt.open(argv[0])
    dom = conn.lookupByName("test")
    print(f"info_ns\t{measure(20000, dom.info)}", flush=True)
    print(f"lookup_ns\t{measure(20000, lambda: conn.lookupByName('test'))}", flush=True)
    print(f"sched_ns\t{measure(20000, dom.schedulerParameters)}", flush=True)
    for uri, count, iterations in ((argv[1], 1, 20000), (argv[2], 100, 300), (argv[3], 1000, 30)):
        node = libvirt.open(uri)
        assert len(node.listAllDomains()) == count
        print(f"list{count}_ns\t{measure(iterations, lambda: list_names(node))}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
