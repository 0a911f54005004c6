#!/usr/bin/python3
"""Times a shell command as whole processes. Usage: proctime.py REPEATS [--setup CMD] -- CMD;
runs SETUP (untimed) then CMD, REPEATS times; prints `median_seconds<TAB>peak_rss_kib` (the peak
resident set of the command and its children, the largest over the repeats). Fails if CMD fails."""
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    """Runs `command` with bash; returns (seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(["bash", "-c", command], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"proctime: command failed: {command}")
    return seconds, usage.ru_maxrss


def main(argv):
    """Parses the arguments, runs and prints the result."""
    repeats, setup = int(argv[0]), None
    rest = argv[1:]
    if rest[0] == "--setup":
        setup, rest = rest[1], rest[2:]
    command = " ".join(rest[1:]) if rest[0] == "--" else " ".join(rest)
    times, peak = [], 0
    for _ in range(repeats):
        if setup:
            subprocess.run(["bash", "-c", setup], check=True, stdout=subprocess.DEVNULL)
        seconds, rss = run_once(command)
        times.append(seconds)
        peak = max(peak, rss)
    print(f"{statistics.median(times):.4f}\t{peak}")


if __name__ == "__main__":
    main(sys.argv[1:])
