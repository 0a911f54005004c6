#!/usr/bin/env python3
"""Runs `libvirt-swiftgen generate` on every case of a corpus made by mutate.py and checks the contract.

Every case must end one of two ways:
  (a) exit 1, exactly one line on standard error, `PATH:LINE: error: ...` (or `PATH: error: ...` when
      no line applies) naming a file of the case, and the pre-existing output folder untouched
      (its sentinel file still there, nothing added beside it);
  (b) exit 0, and the output compiles.
Anything else is a violation: a signal, a timeout, another exit code, a stack trace, a half-written
or stray output folder, a local file's contents read through an entity, a case that had to fail.

Compiling: every generated Swift file that differs from the unmutated output's is parsed
(`swiftc -parse`). When a module's files differ in more than comment lines (split on every Swift
line break, so a carriage return smuggled into a doc comment counts as code), the case is
generated again in the dynamic link mode, whose C header comes from the input itself, and the
changed modules are type-checked once per distinct output (see `Compiler`). Unchanged modules
compile because the unmutated output does (type-checked here first).
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import time

MODULES = ["Libvirt", "LibvirtQemu", "LibvirtLXC", "LibvirtAdmin"]
SENTINEL = "sentinel.txt"
SENTINEL_TEXT = b"left by corpus-check; a failed run must leave it\n"
STACK_MARKERS = ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "crashed", "#0 ", "\n0 "]
DIAGNOSTIC = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?: error: (?P<message>.+)$")
SWIFT_LINES = re.compile(r"\r\n|\r|\n")


def swift_files(root):
    """Relative path → bytes of every .swift file under `root`."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    found[os.path.relpath(path, root)] = handle.read()
    return found


def module_of(relative):
    """The Swift module a generated file belongs to (None for the manifest)."""
    parts = relative.split(os.sep)
    return parts[1] if len(parts) > 2 and parts[0] == "Sources" else None


def code_lines(data):
    """The file's lines that are not comment lines, as Swift splits lines."""
    lines = SWIFT_LINES.split(data.decode("utf-8", "replace"))
    return [line for line in lines if not line.lstrip().startswith("//")]


def folder_listing(root):
    """Every file under `root`, relative and sorted."""
    listing = []
    for folder, _, names in os.walk(root):
        listing += [os.path.relpath(os.path.join(folder, name), root) for name in names]
    return sorted(listing)


def run_case(binary, case_dir, work, timeout):
    """Runs one case; returns its record (class, violations, timings)."""
    with open(os.path.join(case_dir, "case.json")) as handle:
        case = json.load(handle)
    name = os.path.basename(case_dir)
    root = os.path.join(work, name)
    output = os.path.join(root, "Generated")
    os.makedirs(output)
    with open(os.path.join(output, SENTINEL), "wb") as handle:
        handle.write(SENTINEL_TEXT)
    record = {"case": name, "cases": os.path.dirname(case_dir), "index": case["index"], "seed": case["seed"], "operator": case["operator"],
              "description": case["description"], "violations": [], "output": output}
    started = time.monotonic()
    try:
        run = subprocess.run([binary, "generate", "--api-xml", case_dir, "--output", output], cwd=root,
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        record["seconds"] = time.monotonic() - started
        record["class"] = "violation"
        record["violations"].append("hang: no exit within %d s" % timeout)
        return record
    record["seconds"] = time.monotonic() - started
    stderr = run.stderr.decode("utf-8", "replace")
    stdout = run.stdout.decode("utf-8", "replace")
    violations = record["violations"]
    if run.returncode < 0:
        violations.append("killed by signal %d" % -run.returncode)
    elif run.returncode not in (0, 1):
        violations.append("exit code %d" % run.returncode)
    if any(marker in stderr for marker in STACK_MARKERS):
        violations.append("stack trace on stderr")
    if case["canary"] in stdout + stderr:
        violations.append("a local file's contents were read through an entity (stdout/stderr)")
    strays = sorted(set(os.listdir(root)) - {"Generated"})
    if strays:
        violations.append("left beside the output folder: %s" % ", ".join(strays))
    if run.returncode == 1:
        record["class"] = "error"
        lines = stderr.splitlines()
        record["diagnostic"] = lines[0] if lines else ""
        match = DIAGNOSTIC.match(lines[0]) if len(lines) == 1 and stderr.endswith("\n") else None
        if match is None:
            violations.append("not exactly one `PATH:LINE: error: ...` line on stderr: %r" % stderr[:300])
        else:
            path = match.group("path")
            if not (path == case_dir or path.startswith(case_dir + os.sep)):
                violations.append("the diagnostic names %s, not a file of the case" % path)
            elif match.group("line"):
                line = int(match.group("line"))
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        count = handle.read().count(b"\n") + 1
                    if line > count:
                        violations.append("line %d is past the end of %s (%d lines)" % (line, path, count))
            elif case["operator"] != "not_xml" or os.path.getsize(os.path.join(case_dir, case["file"])) != 0:
                record["lineless"] = True
        if folder_listing(output) != [SENTINEL]:
            violations.append("the output folder was changed: %s" % folder_listing(output)[:5])
        elif open(os.path.join(output, SENTINEL), "rb").read() != SENTINEL_TEXT:
            violations.append("the sentinel file was rewritten")
    elif run.returncode == 0:
        record["class"] = "generated"
        if case["mustFail"]:
            violations.append("generated from input that is not a valid description")
        listing = folder_listing(output)
        if SENTINEL in listing or "Package.swift" not in listing:
            violations.append("the output folder is not a complete package")
        size = sum(os.path.getsize(os.path.join(output, path)) for path in listing)
        record["bytes"] = size
        if size > 64 * 1024 * 1024:
            violations.append("%d bytes of output (entity expansion?)" % size)
        if any(case["canary"].encode() in open(os.path.join(output, path), "rb").read() for path in listing):
            violations.append("a local file's contents were read through an entity (output)")
    if violations:
        record["class"] = "violation"
    return record


def swiftc(arguments, cwd):
    """Runs swiftc; returns whether it succeeded and what it printed on stderr."""
    run = subprocess.run(["swiftc"] + arguments, cwd=cwd, capture_output=True)
    return run.returncode == 0, run.stderr.decode("utf-8", "replace")


class Compiler:
    """Type-checks generated modules against the C API their input describes.

    In the direct link mode the Swift code calls libvirt through the installed headers, so output
    from an input that renames or drops a C declaration cannot compile there by construction. The
    dynamic link mode declares the C API from the input itself (one header) and differs from the
    direct mode only in one runtime file and the manifest: type-checking it shows whether the
    generated Swift is valid for the API described.
    """

    def __init__(self, binary, work):
        self.binary = binary
        self.work = work
        self.baseline = os.path.join(work, "baseline-dynamic")

    def generate_dynamic(self, api_folder, output):
        run = subprocess.run([self.binary, "generate", "--link", "dynamic", "--api-xml", api_folder, "--output", output],
                             capture_output=True)
        return run.returncode == 0, run.stderr.decode("utf-8", "replace")

    def typecheck(self, package, modules):
        """Type-checks `modules` of a dynamic-mode package; `Libvirt` comes from the baseline unless listed."""
        header = os.path.join(package, "Sources", "CLibvirt", "include", "CLibvirt.h")
        include = os.path.join(package + "-c")
        os.makedirs(include, exist_ok=True)
        with open(os.path.join(include, "module.modulemap"), "w") as handle:
            handle.write('module CLibvirt {\n    header "%s"\n    export *\n}\n' % header)
        libvirt_module = os.path.join(package + "-modules") if "Libvirt" in modules else os.path.join(
            self.baseline + "-modules")
        for module in sorted(modules, key=lambda name: name != "Libvirt"):
            files = sorted(os.path.join(folder, name)
                           for folder, _, names in os.walk(os.path.join(package, "Sources", module))
                           for name in names if name.endswith(".swift"))
            arguments = ["-parse-as-library", "-package-name", "Generated", "-module-name", module, "-swift-version",
                         "6", "-I", include, "-I", libvirt_module] + files
            if module == "Libvirt" and (len(modules) > 1 or package == self.baseline):
                # Emitting the module type-checks it and gives the other modules something to import.
                os.makedirs(libvirt_module, exist_ok=True)
                arguments = ["-emit-module", "-emit-module-path",
                             os.path.join(libvirt_module, "Libvirt.swiftmodule")] + arguments
            else:
                arguments = ["-typecheck"] + arguments
            ok, errors = swiftc(arguments, package)
            if not ok:
                return "%s does not type-check: %s" % (module, first_errors(errors))
        return None

    def prepare(self, source):
        """Type-checks the unmutated output (it must compile) and keeps its Libvirt module."""
        ok, errors = self.generate_dynamic(source, self.baseline)
        failure = self.typecheck(self.baseline, MODULES) if ok else errors
        if failure:
            sys.exit("corpus-check: the unmutated output does not compile: %s" % failure)


def compile_check(records, compiler, jobs, baseline_folder):
    """Adds parse and type-check results to the successful records; returns figures."""
    baseline = swift_files(baseline_folder)
    work_items = []
    for record in records:
        if record["class"] != "generated":
            continue
        files = swift_files(record["output"])
        changed = {path: data for path, data in files.items() if baseline.get(path) != data}
        removed = sorted(set(baseline) - set(files))
        record["changedFiles"] = len(changed) + len(removed)
        code_modules = set()
        for path in set(changed) | set(removed):
            old, new = baseline.get(path, b""), files.get(path, b"")
            if code_lines(old) != code_lines(new):
                code_modules.add(module_of(path))
        record["codeModules"] = sorted(m or "Package.swift" for m in code_modules)
        work_items.append((record, changed, code_modules))
    # Parse every distinct changed file once.
    parse_folder = os.path.join(compiler.work, "parse")
    os.makedirs(parse_folder, exist_ok=True)
    distinct = {}
    for record, changed, _ in work_items:
        for path, data in changed.items():
            digest = hashlib.sha256(data).hexdigest()[:20]
            distinct.setdefault(digest, (path, data, []))[2].append(record)
    parse_jobs = []
    for digest, (path, data, owners) in distinct.items():
        file = os.path.join(parse_folder, digest + "-" + os.path.basename(path))
        with open(file, "wb") as handle:
            handle.write(data)
        parse_jobs.append((file, owners))
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = pool.map(lambda job: (job, swiftc(["-parse", job[0]], parse_folder)), parse_jobs)
        for (file, owners), (ok, errors) in results:
            if not ok:
                for record in owners:
                    record["violations"].append("generated Swift does not parse: %s" % errors.strip()[:600])
    parse_seconds = time.monotonic() - started
    # Type-check, in the dynamic link mode, each distinct output whose code changed.
    started = time.monotonic()
    pending = [(record, code_modules) for record, _, code_modules in work_items
               if code_modules and not record["violations"]]

    def regenerate(item):
        record, code_modules = item
        folder = record["output"] + "-dynamic"
        ok, errors = compiler.generate_dynamic(os.path.join(record["cases"], record["case"]), folder)
        if not ok:
            return item, folder, None, "the dynamic link mode fails where the direct one succeeded: " + errors[:300]
        key = hashlib.sha256(b"".join(
            path.encode() + data for path, data in sorted(swift_files(folder).items()))
            + open(os.path.join(folder, "Sources", "CLibvirt", "include", "CLibvirt.h"), "rb").read()).hexdigest()
        return item, folder, key, None

    groups = {}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for (record, code_modules), folder, key, failure in pool.map(regenerate, pending):
            if failure:
                record["violations"].append(failure)
                continue
            modules = MODULES if None in code_modules else [m for m in MODULES if m in code_modules]
            groups.setdefault(key, (folder, modules, []))[2].append(record)

    def check(group):
        folder, modules, owners = group
        return owners, compiler.typecheck(folder, modules)

    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for owners, failure in pool.map(check, groups.values()):
            for record in owners:
                record["typechecked"] = True
                if failure:
                    record["violations"].append(failure)
    for record, _, _ in work_items:
        if record["violations"]:
            record["class"] = "violation"
    return {"parsedFiles": len(parse_jobs), "parseSeconds": parse_seconds, "typecheckedOutputs": len(groups),
            "typecheckSeconds": time.monotonic() - started}


def first_errors(text):
    """The first three `error:` lines of a compiler's output, joined."""
    lines = [line for line in text.splitlines() if ": error: " in line]
    return " | ".join(lines[:3])[:800]


def main():
    """Runs every case, checks the compile results, prints the summary; 1 on any violation."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--cases", required=True, help="the folder mutate.py wrote")
    parser.add_argument("--source", required=True, help="the unmutated API folder")
    parser.add_argument("--work", required=True, help="scratch folder (created)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--seed", type=int, required=True, help="the seed the cases were made with (for the report)")
    parser.add_argument("--operators", help="comma-separated operators to run (default all), to iterate on a fix")
    arguments = parser.parse_args()
    begin = time.monotonic()
    binary = os.path.abspath(arguments.binary)
    os.makedirs(arguments.work)
    work = os.path.abspath(arguments.work)
    baseline = os.path.join(work, "baseline")
    subprocess.run([binary, "generate", "--api-xml", os.path.abspath(arguments.source), "--output", baseline],
                   check=True, capture_output=True)
    compiler = Compiler(binary, work)
    started = time.monotonic()
    compiler.prepare(os.path.abspath(arguments.source))
    baseline_seconds = time.monotonic() - started
    cases_root = os.path.abspath(arguments.cases)
    cases = sorted(os.path.join(cases_root, name) for name in os.listdir(cases_root) if name.startswith("case-"))
    if arguments.operators:
        wanted = arguments.operators.replace("_", "-").split(",")
        cases = [case for case in cases if os.path.basename(case).split("-", 2)[2] in wanted]
    started = time.monotonic()
    runs = os.path.join(work, "runs")
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        records = list(pool.map(lambda case: run_case(binary, case, runs, arguments.timeout), cases))
    generate_seconds = time.monotonic() - started
    figures = compile_check(records, compiler, arguments.jobs, baseline)
    classes = {}
    for record in records:
        classes[record["class"]] = classes.get(record["class"], 0) + 1
    by_operator = {}
    for record in records:
        entry = by_operator.setdefault(record["operator"], {"error": 0, "generated": 0, "violation": 0})
        entry[record["class"]] += 1
    slowest = max(records, key=lambda record: record["seconds"])
    print("corpus-check: %d cases (seed %d): %d failed cleanly with a one-line diagnostic, %d generated output "
          "that compiles, %d violations" % (len(records), arguments.seed, classes.get("error", 0),
                                            classes.get("generated", 0), classes.get("violation", 0)))
    print("corpus-check: by operator (error/generated/violation): " + ", ".join(
        "%s %d/%d/%d" % (name, v["error"], v["generated"], v["violation"]) for name, v in sorted(by_operator.items())))
    lineless = [record["case"] for record in records if record.get("lineless")]
    print("corpus-check: diagnostics without a line: %d%s" % (len(lineless), (" (" + ", ".join(lineless[:5]) + ")")
                                                              if lineless else ""))
    print("corpus-check: generate: %.1f s for %d runs (slowest %.1f s, %s); unmutated output type-checked in %.1f s"
          % (generate_seconds, len(records), slowest["seconds"], slowest["case"], baseline_seconds))
    print("corpus-check: compile: %d distinct changed files parsed in %.1f s; %d distinct outputs with changed code "
          "type-checked in %.1f s" % (figures["parsedFiles"], figures["parseSeconds"], figures["typecheckedOutputs"],
                                      figures["typecheckSeconds"]))
    violations = [record for record in records if record["class"] == "violation"]
    for record in violations:
        print("corpus-check: VIOLATION %s (mutate.py --seed %d --only %d): %s: %s" % (
            record["case"], record["seed"], record["index"], record["description"][:120],
            "; ".join(record["violations"])[:1500]))
    with open(os.path.join(work, "report.json"), "w") as handle:
        json.dump(records, handle, indent=1)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("corpus-check: total %.1f s wall, %.1f s CPU in the generator and swiftc runs (%d jobs)"
          % (time.monotonic() - begin, children.ru_utime + children.ru_stime, arguments.jobs))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
