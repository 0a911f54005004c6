#!/usr/bin/python3
"""Writes the thin-wrapper floor package for the build-time benchmark: per module of the generated
package, the same number of C call sites and source files as the generated module has, each call a
one-line public function passing placeholder arguments (so only importing the C module and type
checking the calls is left). Usage: floor.py GENERATED_DIR API_XML_DIR OUT_DIR; prints the counts."""
import collections
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET

MODULES = {  # Swift module → (C module, API XML file, pkg-config name)
    "Libvirt": ("CLibvirt", "libvirt-api.xml", "libvirt"),
    "LibvirtQemu": ("CLibvirtQemu", "libvirt-qemu-api.xml", "libvirt-qemu"),
    "LibvirtLXC": ("CLibvirtLXC", "libvirt-lxc-api.xml", "libvirt-lxc"),
    "LibvirtAdmin": ("CLibvirtAdmin", "libvirt-admin-api.xml", "libvirt-admin"),
}
CALL = re.compile(r"\b(vir[A-Za-z0-9_]+)\s*\(")


def arities(api_dir):
    """C function name → number of arguments, from the four API XML files."""
    result = {}
    for _, xml_file, _ in MODULES.values():
        for function in ET.parse(os.path.join(api_dir, xml_file)).getroot().iter("function"):
            result[function.get("name")] = len(function.findall("arg"))
    return result


def call_sites(module_dir, known):
    """The C calls (function names, with repeats) and the number of Swift files of one module."""
    calls, files = [], 0
    for root, _, names in sorted(os.walk(module_dir)):
        for name in sorted(names):
            if name.endswith(".swift"):
                files += 1
                with open(os.path.join(root, name), encoding="utf-8") as source:
                    calls += [m for m in CALL.findall(source.read()) if m in known]
    return calls, files


def write_module(out_dir, module, c_module, calls, files, arity):
    """Writes one floor module: `files` files sharing the calls round-robin."""
    target = os.path.join(out_dir, "Sources", "Floor" + module)
    os.makedirs(target)
    chunks = collections.defaultdict(list)
    for index, name in enumerate(calls):
        chunks[index % files].append((index, name))
    for number in range(files):
        lines = [f"// Floor file {number}: thin wrappers, one C call each.", f"import {c_module}", ""]
        if number == 0:
            lines += ["/// A placeholder argument of any type (never called).",
                      "@inline(never) func floorArgument<T>() -> T { fatalError() }", ""]
        for index, name in chunks[number]:
            arguments = ", ".join(["floorArgument()"] * arity[name])
            lines += [f"/// Calls `{name}`.", f"public func call{index}() {{ _ = {name}({arguments}) }}", ""]
        with open(os.path.join(target, f"Floor{number}.swift"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines))


def write_manifest(out_dir):
    """Writes the floor package's Package.swift (same module graph as the generated package)."""
    targets = []
    for module, (c_module, _, pkg_config) in MODULES.items():
        deps = f'"{c_module}"' + ("" if module == "Libvirt" else ', "FloorLibvirt"')
        targets.append(f'        .systemLibrary(name: "{c_module}", pkgConfig: "{pkg_config}"),\n'
                       f'        .target(name: "Floor{module}", dependencies: [{deps}]),')
    with open(os.path.join(out_dir, "Package.swift"), "w", encoding="utf-8") as out:
        out.write("// swift-tools-version: 6.1\nimport PackageDescription\n\n"
                  "let package = Package(\n    name: \"Floor\",\n    targets: [\n"
                  + "\n".join(targets) + "\n    ],\n    swiftLanguageModes: [.v6]\n)\n")


def main(generated, api_dir, out_dir):
    """Writes the floor package and prints the call counts per module."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    arity = arities(api_dir)
    total = 0
    for module, (c_module, _, _) in MODULES.items():
        shutil.copytree(os.path.join(generated, "Sources", c_module), os.path.join(out_dir, "Sources", c_module))
        calls, files = call_sites(os.path.join(generated, "Sources", module), arity)
        write_module(out_dir, module, c_module, calls, files, arity)
        total += len(calls)
        print(f"{module}\t{len(calls)} C calls\t{files} files")
    print(f"total\t{total} C calls")
    write_manifest(out_dir)


if __name__ == "__main__":
    main(*sys.argv[1:4])
