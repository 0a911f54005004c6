#!/usr/bin/env python3
"""Writes a corpus of malformed or hostile API XML folders, mutated from a real one.

Every case is a folder holding the four description files, one of them mutated (the others are
symbolic links to a pristine copy), and `case.json` saying what was done. Case N is made by
operator N modulo the operator count, with `random.Random(SEED * 1_000_003 + N)`, so
`mutate.py --seed S --only N` rebuilds exactly that case.

    mutate.py --source api-xml/9.0.0 --out /tmp/corpus --seed 1 --count 520
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

FILES = ["libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml"]
# Which file an operator mutates when it may pick any: mostly the main one, the others too.
FILE_WEIGHTS = [6, 2, 1, 2]

SWIFT_KEYWORDS = [
    "class", "func", "self", "Self", "Type", "init", "default", "deinit", "enum", "extension", "import",
    "inout", "internal", "let", "var", "operator", "protocol", "Protocol", "public", "static", "struct",
    "subscript", "typealias", "break", "case", "continue", "defer", "do", "else", "for", "guard", "if",
    "in", "repeat", "return", "switch", "where", "while", "as", "Any", "catch", "false", "true", "is",
    "nil", "super", "throw", "throws", "rethrows", "try", "associatedtype", "fileprivate", "private",
    "open", "some", "any", "async", "await", "actor", "macro", "consume", "_", "Error", "String", "Int32",
]
NOT_IDENTIFIERS = [
    "9lives", "0", "dash-name", "two words", " lead", "trail ", "caf\u00e9", "\u00fcber_flag", "\u03bb",
    "emoji\U0001F600", "a.b", "a$b", "@attr", "`tick`", "q&quot;uote", "back\\slash", "semi;colon",
    "x) { fatalError() }; func y(", "paren(", "\u200bzero_width", "a\u0301combining", "tab&#9;name",
]
INVALID_TYPES = [
    "int [", "**", "int[-1]", "char[99999999999999999999]", "const", "unsigned long long long", "int (*)(void)",
    "virDomainPtr[", "int]", "struct", "8bit", "int\u00e9", "const *", "void ** ** **",
]
HUGE_NUMBERS = [
    "99999999999999999999999999", "-99999999999999999999999", "9223372036854775808", "-9223372036854775809",
    "2147483648", "4294967296", "-2147483649", "0x7fffffff", "1e9", "+1", "-0", " 1", "1 ", "", "NaN",
    "VIR_NO_SUCH_CONSTANT", "18446744073709551615",
]
SYMBOL_KINDS = ["function", "functype", "enum", "macro", "typedef", "struct", "variable"]
ALL_KINDS = SYMBOL_KINDS + ["arg", "return", "field", "union", "info", "file", "exports", "acls", "check"]
CANARY = "CORPUS-CANARY-7f3a9c"


class Document:
    """One description file's text with helpers to find elements and attributes by offset."""

    def __init__(self, text):
        self.text = text

    def line_of(self, offset):
        return self.text.count("\n", 0, offset) + 1

    def elements(self, names):
        """(start, end, name) of every element whose name is in `names`; end is past its close tag."""
        found = []
        pattern = re.compile(r"<(%s)\b[^>]*>" % "|".join(map(re.escape, names)))
        for match in pattern.finditer(self.text):
            name = match.group(1)
            if match.group(0).endswith("/>"):
                found.append((match.start(), match.end(), name))
                continue
            depth, position = 1, match.end()
            tag = re.compile(r"<(/?)%s\b[^>]*?(/?)>" % re.escape(name))
            while depth > 0:
                step = tag.search(self.text, position)
                if step is None:
                    break
                if step.group(1):
                    depth -= 1
                elif not step.group(2):
                    depth += 1
                position = step.end()
            if depth == 0:
                found.append((match.start(), position, name))
        return found

    def attributes(self, attribute, element_names=None):
        """(value start, value end, element name) of every `attribute='…'` in the start tags named."""
        names = "|".join(map(re.escape, element_names)) if element_names else r"[a-z_]+"
        tag = re.compile(r"<(%s)\b[^>]*>" % names)
        found = []
        for match in tag.finditer(self.text):
            for value in re.finditer(r"\b%s='([^']*)'" % re.escape(attribute), match.group(0)):
                found.append((match.start() + value.start(1), match.start() + value.end(1), match.group(1)))
        return found

    def replace(self, start, end, new):
        self.text = self.text[:start] + new + self.text[end:]


def xml_attribute(value):
    """`value` escaped for a single-quoted attribute (a pre-escaped `&…;` is kept)."""
    value = re.sub(r"&(?![a-z#0-9]+;)", "&amp;", value)
    return value.replace("<", "&lt;").replace("'", "&apos;")


def pick_file(rng):
    """One of the four files, the main one most often."""
    return rng.choices(FILES, weights=FILE_WEIGHTS)[0]


def pick_element(rng, docs, kinds):
    """A random file (the main one when that file has no such element) and one of its elements of `kinds`."""
    name = pick_file(rng)
    found = docs[name].elements(kinds)
    if not found:
        name = "libvirt-api.xml"
        found = docs[name].elements(kinds)
    return name, docs[name], rng.choice(found)


# Each operator takes (rng, documents) and returns (file, description, mutated line, must fail); it
# edits `documents[file]` (a Document, or bytes under the key `file + ':bytes'` for encodings).

def op_truncate(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    cut = rng.randrange(0, len(doc.text) - 1)
    complete = doc.text.rfind("</api>") + len("</api>")
    line = doc.line_of(cut)
    doc.text = doc.text[:cut]
    return name, "truncated at offset %d" % cut, line, cut < complete


def op_truncate_in_tag(rng, docs):
    name, doc, (start, end, _) = pick_element(rng, docs, ["arg", "enum", "function", "macro", "field"])
    cut = rng.randrange(start + 1, min(end, start + 60))
    line = doc.line_of(cut)
    doc.text = doc.text[:cut]
    return name, "truncated inside a tag at offset %d" % cut, line, True


def op_delete_element(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    candidates = doc.elements(ALL_KINDS)
    start, end, kind = rng.choice(candidates)
    line = doc.line_of(start)
    doc.replace(start, end, "")
    return name, "deleted a <%s> element" % kind, line, False


def op_duplicate_element(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    start, end, kind = rng.choice(doc.elements(ALL_KINDS))
    line = doc.line_of(start)
    doc.replace(end, end, "\n" + doc.text[start:end])
    return name, "duplicated a <%s> element" % kind, line, False


def op_rename_element(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    start, end, kind = rng.choice(doc.elements(ALL_KINDS))
    new = rng.choice([kind + "s", kind.upper(), "x" + kind, kind[:-1], "unknown"])
    body = doc.text[start:end]
    body = "<" + new + body[1 + len(kind):]
    if body.endswith("</%s>" % kind):
        body = body[: -len(kind) - 3] + "</%s>" % new
    doc.replace(start, end, body)
    return name, "renamed a <%s> element to <%s>" % (kind, new), doc.line_of(start), False


def op_attribute(rng, docs, action):
    name = pick_file(rng)
    doc = docs[name]
    attribute = rng.choice(["name", "type", "value", "file", "module", "version", "info", "string", "symbol"])
    found = doc.attributes(attribute)
    if not found:
        attribute, found = "name", doc.attributes("name")
    start, end, element = rng.choice(found)
    whole_start = start - len(attribute) - 2
    whole = doc.text[whole_start:end + 1]
    line = doc.line_of(start)
    if action == "delete":
        doc.replace(whole_start - 1, end + 1, "")
        return name, "deleted the '%s' attribute of a <%s>" % (attribute, element), line, False
    if action == "duplicate":
        doc.replace(whole_start, end + 1, whole + " " + whole)
        return name, "duplicated the '%s' attribute of a <%s>" % (attribute, element), line, True
    new = rng.choice([attribute.upper(), attribute + "x", "x" + attribute, attribute[:-1]])
    doc.replace(whole_start, whole_start + len(attribute), new)
    return name, "renamed the '%s' attribute of a <%s> to '%s'" % (attribute, element, new), line, False


def op_delete_attribute(rng, docs):
    return op_attribute(rng, docs, "delete")


def op_duplicate_attribute(rng, docs):
    return op_attribute(rng, docs, "duplicate")


def op_rename_attribute(rng, docs):
    return op_attribute(rng, docs, "rename")


def set_attribute(rng, docs, attribute, elements, values, what, must_fail=False):
    name = pick_file(rng)
    doc = docs[name]
    found = doc.attributes(attribute, elements)
    if not found:
        name = "libvirt-api.xml"
        doc = docs[name]
        found = doc.attributes(attribute, elements)
    start, end, element = rng.choice(found)
    value = rng.choice(values) if isinstance(values, list) else values(rng, doc.text[start:end])
    doc.replace(start, end, xml_attribute(value))
    return name, "%s: %s '%s' of a <%s>" % (what, attribute, value[:80], element), doc.line_of(start), must_fail


def op_unknown_type(rng, docs):
    def unknown(rng, old):
        new = rng.choice(["virNoSuchType", "virNoSuchTypePtr", "struct _virNothing *", "NoSuch", "virDomainPtrX"])
        return old.replace(old.rstrip(" *"), new, 1) if rng.random() < 0.5 else new
    return set_attribute(rng, docs, "type", ["arg", "return", "field", "typedef", "variable"], unknown,
                         "unknown type")


def op_invalid_type(rng, docs):
    return set_attribute(rng, docs, "type", ["arg", "return", "field", "typedef", "struct", "variable"],
                         INVALID_TYPES, "invalid type")


def op_huge_number(rng, docs):
    attribute = rng.choice(["value", "value", "value_bitshift"])
    return set_attribute(rng, docs, attribute, ["enum"], HUGE_NUMBERS, "odd number")


def op_long_name(rng, docs):
    length = rng.choice([1_000, 20_000, 200_000])

    def long_name(rng, old):
        return old + "".join(rng.choice("abcdefghijklmnopqrstuvwxyzXYZ_0123456789") for _ in range(length))
    return set_attribute(rng, docs, "name", ["function", "enum", "arg", "field", "macro"], long_name,
                         "long name")


def op_deep_nesting(rng, docs):
    depth = rng.choice([200, 300, 5_000, 100_000])
    inside = rng.choice(["info", "union", "element"])
    name, doc, (start, end, _) = pick_element(rng, docs, ["function"] if inside != "union" else ["struct"])
    if inside == "union":
        opening = "<field name='f' type='int'><union>" * depth
        closing = "</union></field>" * depth
    elif inside == "info":
        opening, closing = "<b>" * depth, "</b>" * depth
    else:
        opening, closing = "<arg name='a' type='int'>" * depth, "</arg>" * depth
    head = doc.text.index(">", start) + 1
    doc.replace(head, head, opening + closing)
    return name, "nested %d levels of %s in an element" % (depth, inside), doc.line_of(start), False


def op_huge_text(rng, docs):
    name, doc, (start, end, _) = pick_element(rng, docs, ["info"])
    size = rng.choice([1_000_000, 4_000_000])
    doc.replace(end - len("</info>"), end - len("</info>"), "word " * (size // 5))
    return name, "%d bytes of text in an <info>" % size, doc.line_of(start), False


def encoded(docs, name, data):
    """Makes `data` the bytes written for `name`, instead of its text."""
    docs[name + ":bytes"] = data


def op_latin1_bytes(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    start, end, _ = rng.choice(doc.attributes("info") + doc.attributes("name"))
    position = rng.randrange(start, end + 1)
    data = doc.text[:position].encode() + rng.choice([b"\xe9", b"caf\xe9", b"\xfc\xdf"]) + doc.text[position:].encode()
    encoded(docs, name, data)
    return name, "Latin-1 bytes in a file declared UTF-8", doc.line_of(position), True


def op_declared_latin1(rng, docs):
    name, doc, (start, end, _) = pick_element(rng, docs, ["info"])
    text = doc.text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1)
    shift = len(text) - len(doc.text)
    text = text[: end + shift - 7] + " caf\u00e9 \u00fcber" + text[end + shift - 7:]
    encoded(docs, name, text.encode("latin-1"))
    return name, "ISO-8859-1 declared and used", doc.line_of(start), False


def op_utf16(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    variant = rng.choice(["utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "utf-16-declared-utf8"])
    text = doc.text
    if variant != "utf-16-declared-utf8":
        text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    if variant == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif variant == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode("utf-16-le")
    encoded(docs, name, data)
    return name, "re-encoded as " + variant, 1, False


def op_bom(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    variant = rng.choice(["utf8-bom", "double-bom", "bom-after-declaration", "utf32-bom"])
    body = doc.text.encode()
    if variant == "utf8-bom":
        data = b"\xef\xbb\xbf" + body
    elif variant == "double-bom":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + body
    elif variant == "bom-after-declaration":
        head = body.index(b"?>") + 2
        data = body[:head] + b"\xef\xbb\xbf" + body[head:]
    else:
        data = b"\xff\xfe\x00\x00" + body
    encoded(docs, name, data)
    return name, "byte-order mark: " + variant, 1, False


def op_invalid_utf8(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    start, end, _ = rng.choice(doc.attributes("name") + doc.attributes("info"))
    position = rng.randrange(start, end + 1)
    bad = rng.choice([b"\xc0\x80", b"\xff", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xc3"])
    data = doc.text[:position].encode() + bad + doc.text[position:].encode()
    encoded(docs, name, data)
    return name, "invalid UTF-8 %r" % bad, doc.line_of(position), True


def insert_doctype(doc, doctype, reference_attribute):
    """Puts `doctype` after the XML declaration and `reference_attribute` in the first <arg info>."""
    head = doc.text.index("?>") + 2
    doc.replace(head, head, "\n" + doctype)
    start, end, _ = doc.attributes("info", ["arg"])[0]
    doc.replace(start, end, reference_attribute)
    return doc.line_of(start)


def op_billion_laughs(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    levels = rng.choice([5, 9, 12])
    entities = ['<!ENTITY lol0 "lol">'] + [
        '<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, levels + 1)]
    where = rng.choice(["attribute", "text"])
    doctype = "<!DOCTYPE api [\n%s\n]>\n" % "\n".join(entities)
    if where == "attribute":
        line = insert_doctype(doc, doctype, "&lol%d;" % levels)
    else:
        line = insert_doctype(doc, doctype, "x")
        start, end, _ = doc.elements(["info"])[0]
        doc.replace(end - len("</info>"), end - len("</info>"), "&lol%d;" % levels)
    return name, "billion laughs, %d levels, in %s" % (levels, where), line, False


def op_external_entity(rng, docs):
    name = pick_file(rng)
    doc = docs[name]
    variant = rng.choice(["general", "parameter", "external-dtd", "xinclude"])
    if variant == "general":
        line = insert_doctype(doc, '<!DOCTYPE api [<!ENTITY xxe SYSTEM "canary.txt">]>\n', "&xxe;")
    elif variant == "parameter":
        line = insert_doctype(
            doc, '<!DOCTYPE api [<!ENTITY %% dtd SYSTEM "canary.dtd"> %%dtd;]>\n', "&leak;")
    elif variant == "external-dtd":
        line = insert_doctype(doc, '<!DOCTYPE api SYSTEM "canary.dtd">\n', "&leak;")
    else:
        start = doc.text.index("<symbols>")
        doc.replace(start, start, '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="canary.txt" parse="text"/>')
        line = doc.line_of(start)
    return name, "external entity (%s) naming a local file" % variant, line, False


def op_keyword_name(rng, docs):
    keyword = rng.choice(SWIFT_KEYWORDS)
    target = rng.choice(["arg", "field", "enum", "function", "enum-type", "struct-type", "macro"])
    name = pick_file(rng) if target in ("arg", "function") else "libvirt-api.xml"
    doc = docs[name]
    upper = keyword.upper().strip("_") or "X"
    capital = keyword[:1].upper() + keyword[1:] if keyword != "_" else "X"
    if target in ("arg", "field"):
        found = doc.attributes("name", [target]) or docs["libvirt-api.xml"].attributes("name", [target])
        start, end, _ = rng.choice(found)
        # An argument's name is also how its function's text refers to it; renaming only the name is enough.
        doc.replace(start, end, keyword)
        return name, "%s named '%s'" % (target, keyword), doc.line_of(start), False
    if target == "enum":
        start, end, _ = rng.choice(doc.attributes("name", ["enum"]))
        old = doc.text[start:end]
        new = old.rsplit("_", 1)[0] + "_" + upper
        doc.replace(start, end, new)
        return name, "enum value %s renamed %s" % (old, new), doc.line_of(start), False
    if target == "function":
        start, end, _ = rng.choice(doc.attributes("name", ["function"]))
        old = doc.text[start:end]
        words = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])", old[3:])
        new = "vir" + (words[0] if words else "") + capital
        doc.replace(start, end, new)
        return name, "function %s renamed %s" % (old, new), doc.line_of(start), False
    if target == "macro":
        start, end, _ = rng.choice(doc.attributes("name", ["macro"]))
        old = doc.text[start:end]
        new = old.rsplit("_", 1)[0] + "_" + upper
        doc.replace(start, end, new)
        return name, "macro %s renamed %s" % (old, new), doc.line_of(start), False
    # A type renamed everywhere it appears, so the file stays consistent.
    kind = "enum" if target == "enum-type" else "struct"
    types = sorted({doc.text[s:e] for s, e, _ in doc.attributes("type", ["enum"])}) if kind == "enum" else \
        sorted({doc.text[s:e] for s, e, _ in doc.attributes("name", ["struct"])})
    old = rng.choice(types)
    owner = re.match(r"vir[A-Z][a-z]+", old)
    new = (owner.group(0) if owner else "vir") + capital
    line = doc.line_of(doc.text.index("'%s'" % old))
    doc.text = re.sub(r"\b%s\b" % re.escape(old), new, doc.text)
    return name, "%s type %s renamed %s everywhere" % (kind, old, new), line, False


def op_not_identifier(rng, docs):
    bad = rng.choice(NOT_IDENTIFIERS)
    target = rng.choice(["arg", "field", "enum", "function", "macro", "typedef"])
    name = pick_file(rng) if target in ("arg", "function") else "libvirt-api.xml"
    doc = docs[name]
    start, end, _ = rng.choice(doc.attributes("name", [target]))
    old = doc.text[start:end]
    if target == "arg" or target == "field":
        new = bad
    elif target in ("enum", "macro"):
        new = old.rsplit("_", 1)[0] + "_" + bad
    else:
        new = old + bad
    doc.replace(start, end, xml_attribute(new))
    return name, "%s %s renamed %r" % (target, old, new), doc.line_of(start), False


def op_doc_injection(rng, docs):
    payload = rng.choice([
        "ends here&#13;}\nfunc injected() {", "*/ func injected() {} /*", '""" \\(fatalError()) """',
        "back\\slash \\u{0} \\(x)", "line&#10;two&#13;three&#xD;&#xA;four", "\u2028separator\u2029",
        "&#x85;next line", "\"quote\" 'apostrophe' `tick`", "&lt;b&gt;html&lt;/b&gt; &amp;amp;",
    ])
    target = rng.choice(["arg-info", "enum-info", "info-text", "macro-string"])
    name = "libvirt-api.xml" if target != "arg-info" else pick_file(rng)
    doc = docs[name]
    if target == "info-text":
        start, end, _ = rng.choice(doc.elements(["info"]))
        close = end - len("</info>")
        doc.replace(close, close, " " + payload.replace("<", "&lt;"))
    else:
        attribute, element = {"arg-info": ("info", "arg"), "enum-info": ("info", "enum"),
                              "macro-string": ("string", "macro")}[target]
        start, end, _ = rng.choice(doc.attributes(attribute, [element]))
        doc.replace(start, end, xml_attribute(payload))
    return name, "hostile text in %s: %r" % (target, payload), doc.line_of(start), False


def op_version_garbage(rng, docs):
    return set_attribute(
        rng, docs, "version", ["function", "enum", "macro", "struct", "typedef"],
        ["", "x.y", "99999999999999999999.0.0", "1..2", "-1", "1.2.3.4.5", "\u0661.\u0662", "9.0.0 ", "v9"],
        "odd version")


def op_not_xml(rng, docs):
    name = pick_file(rng)
    variant = rng.choice(["empty", "binary", "json", "html", "wrong-root", "empty-api", "two-roots", "only-prolog"])
    data = {
        "empty": b"",
        "binary": bytes(rng.randrange(256) for _ in range(4096)),
        "json": b'{"api": {"name": "libvirt"}}\n',
        "html": b"<!DOCTYPE html>\n<html><body><p>Not Found</body></html>\n",
        "wrong-root": b"<?xml version='1.0'?>\n<apis name='libvirt'>\n</apis>\n",
        "empty-api": b"<?xml version='1.0'?>\n<api/>\n",
        "two-roots": b"<?xml version='1.0'?>\n<api name='libvirt'/>\n<api name='libvirt'/>\n",
        "only-prolog": b"<?xml version='1.0' encoding='UTF-8'?>\n",
    }[variant]
    encoded(docs, name, data)
    return name, "not an API description: " + variant, 1, variant != "empty-api"


def op_swapped_file(rng, docs):
    name, other = rng.sample(FILES, 2)
    docs[name].text = docs[other].text
    return name, "holds the contents of " + other, 1, False


OPERATORS = [
    op_truncate, op_truncate_in_tag, op_delete_element, op_duplicate_element, op_rename_element,
    op_delete_attribute, op_duplicate_attribute, op_rename_attribute, op_unknown_type, op_invalid_type,
    op_huge_number, op_long_name, op_deep_nesting, op_huge_text, op_latin1_bytes, op_declared_latin1, op_utf16,
    op_bom, op_invalid_utf8, op_billion_laughs, op_external_entity, op_keyword_name, op_keyword_name,
    op_not_identifier, op_not_identifier, op_doc_injection, op_version_garbage, op_not_xml, op_swapped_file,
]


def make_case(source, pristine, out, seed, index):
    """Writes case `index`: its folder with the mutated file, links to the others, canaries and case.json."""
    rng = random.Random(seed * 1_000_003 + index)
    operator = OPERATORS[index % len(OPERATORS)]
    docs = {name: Document(source[name]) for name in FILES}
    mutated, description, line, must_fail = operator(rng, docs)
    folder = os.path.join(out, "case-%04d-%s" % (index, operator.__name__[3:].replace("_", "-")))
    os.makedirs(folder)
    for name in FILES:
        path = os.path.join(folder, name)
        if name == mutated:
            data = docs.get(name + ":bytes")
            with open(path, "wb") as handle:
                handle.write(data if data is not None else docs[name].text.encode())
        else:
            os.symlink(os.path.join(pristine, name), path)
    with open(os.path.join(folder, "canary.txt"), "w") as handle:
        handle.write(CANARY + "\n")
    with open(os.path.join(folder, "canary.dtd"), "w") as handle:
        handle.write('<!ENTITY leak "%s">\n' % CANARY)
    case = {
        "index": index, "seed": seed, "operator": operator.__name__[3:], "file": mutated,
        "description": description, "line": line, "mustFail": must_fail, "canary": CANARY,
    }
    with open(os.path.join(folder, "case.json"), "w") as handle:
        json.dump(case, handle, indent=1, ensure_ascii=True)
    return folder


def main():
    """Parses the options and writes the cases."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True, help="folder holding the four unmodified files")
    parser.add_argument("--out", required=True, help="folder to create the cases in (must not exist)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=520)
    parser.add_argument("--only", type=int, action="append", help="make only this case index (repeatable)")
    arguments = parser.parse_args()
    os.makedirs(arguments.out)
    pristine = os.path.join(os.path.abspath(arguments.out), "pristine")
    os.makedirs(pristine)
    source = {}
    for name in FILES:
        shutil.copy(os.path.join(arguments.source, name), pristine)
        with open(os.path.join(pristine, name), encoding="utf-8") as handle:
            source[name] = handle.read()
    indices = arguments.only if arguments.only else range(arguments.count)
    for index in indices:
        make_case(source, pristine, arguments.out, arguments.seed, index)
    print("mutate.py: %d cases (seed %d) in %s" % (len(indices), arguments.seed, arguments.out), file=sys.stderr)


if __name__ == "__main__":
    main()
