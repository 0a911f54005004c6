// Typed XML documents against FoundationXML's bare parse: reads every `*.xml` of a folder of
// domain documents (libvirt's corpus, fetched by .ci/xml-corpus) and times, in process, the median
// of REPEATS passes over all of them of: FoundationXML's `XMLDocument` parse (the baseline), the
// typed `DomainDescription(xml:)` parse, and that parse followed by `xmlString()`; then the same
// for the largest file alone. Usage: XMLBench FOLDER [REPEATS]; prints `key<TAB>nanoseconds` lines.
#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import LibvirtXML

/// The median nanoseconds of `repeats` runs of `body` (after one warm-up run).
func median(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start))
    }
    return times.sorted()[times.count / 2]
}

/// Prints the three timings over `texts` under keys starting with `prefix`.
func measure(_ prefix: String, _ texts: [String], repeats: Int) throws {
    var sink = 0
    let foundation = try median(repeats) {
        for text in texts { sink &+= try XMLDocument(xmlString: text, options: []).childCount }
    }
    let parse = try median(repeats) {
        for text in texts { sink &+= try DomainDescription(xml: text).xml.children.count }
    }
    let roundTrip = try median(repeats) {
        for text in texts { sink &+= try DomainDescription(xml: text).xmlString().utf8.count }
    }
    print("\(prefix)_foundation_ns\t\(foundation)")
    print("\(prefix)_parse_ns\t\(parse)")
    print("\(prefix)_roundtrip_ns\t\(roundTrip)")
    print("\(prefix)_files\t\(texts.count)\n\(prefix)_sink\t\(sink)")
}

/// The command line.
let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    FileHandle.standardError.write(Data("usage: XMLBench FOLDER [REPEATS]\n".utf8))
    exit(2)
}
/// The domain documents' folder.
let folder = URL(fileURLWithPath: arguments[1])
/// Timed passes per measurement.
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 11 : 11
/// Every document, read once.
let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
    .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
try measure("xml_corpus", texts, repeats: repeats)
try measure("xml_largest", [texts.max { $0.utf8.count < $1.utf8.count } ?? ""], repeats: repeats * 10)
