import Foundation

extension String {
    /// Every non-empty line indented by `spaces` (a byte loop: generated text has no carriage returns).
    func indented(_ spaces: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8)
        var atLineStart = true
        for byte in utf8 {
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if atLineStart {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
                atLineStart = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text without trailing newlines.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
