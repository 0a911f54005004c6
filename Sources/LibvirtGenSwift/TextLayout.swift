import Foundation
import LibvirtGenModel

extension String {
    /// Every non-empty line indented by `spaces`: generated text has no carriage returns, so lines
    /// are found and copied as runs of bytes.
    func indented(_ spaces: Int) -> String {
        var text = self
        return text.withUTF8 { bytes in
            let newline = UInt8(ascii: "\n")
            let lines = 1 + bytes.occurrences(of: newline)
            return String(unsafeUninitializedCapacity: bytes.count + lines * spaces) { out in
                var written = 0
                var start = 0
                while start < bytes.count {
                    let end = bytes.firstIndex(of: newline, from: start) ?? bytes.count
                    if end > start {
                        out[written..<written + spaces].initialize(repeating: UInt8(ascii: " "))
                        written += spaces
                        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        _ = UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(fromContentsOf: line)
                        written += line.count
                    }
                    if end < bytes.count {
                        out[written] = newline
                        written += 1
                    }
                    start = end + 1
                }
                return written
            }
        }
    }

    /// The text without trailing newlines.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
