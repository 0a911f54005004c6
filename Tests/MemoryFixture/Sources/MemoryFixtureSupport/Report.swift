import Foundation

/// Writes one line to standard output at once, unbuffered: a sanitizer that ends the process
/// (LeakSanitizer does on a leak) skips the flush of buffered output.
///
/// - Parameter line: The text, without the newline.
public func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
