// The bare XML parse baseline: parses the four API XML files with Foundation's SAX parser and a
// delegate that only counts elements. Usage: ParseBench DIR [REPEATS]; prints the element count
// and, with REPEATS > 0, the median in-process time in milliseconds.
#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// Counts start tags and nothing else.
final class Counter: NSObject, XMLParserDelegate {
    /// Elements seen so far.
    var elements = 0

    /// Called for every start tag.
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements += 1
    }
}

/// Parses the four files once and returns the number of elements.
func parseAll(_ folder: String) -> Int {
    let names = ["libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml"]
    var total = 0
    for name in names {
        let data = try! Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        let parser = XMLParser(data: data)
        let counter = Counter()
        parser.delegate = counter
        guard parser.parse() else { fatalError("cannot parse \(name)") }
        total += counter.elements
    }
    return total
}

/// The command line.
let arguments = CommandLine.arguments
/// The folder holding the four files.
let folder = arguments.count > 1 ? arguments[1] : "api-xml/9.0.0"
/// In-process timed repeats (0: parse once, untimed, for whole-process timing).
let repeats = arguments.count > 2 ? Int(arguments[2])! : 0
print("elements\t\(parseAll(folder))")
if repeats > 0 {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = parseAll(folder)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("parse_ms\t\(times.sorted()[times.count / 2])")
}
