import Digest
import Foundation
import JSON

/// The hash a translation records in `source_hash`: what the source file's
/// translatable content was when the translation was made.
///
/// It covers the translatable fields (by name, in sorted order) and the body,
/// with line ends and trailing white space normalised, so re-saving a file in
/// another editor does not make every translation outdated.
public enum SourceHash {
    public static let length = 16

    public static func of(_ file: EntryFile, translatable: Set<String>) -> String {
        var canonical: [UInt8] = []
        for key in translatable.sorted() {
            guard let value = file.frontMatter[key] else { continue }
            canonical += Array((key + "=" + JSONWriter(sortedKeys: true, pretty: false).string(value) + "\n").utf8)
        }
        canonical += Array("---\n".utf8)
        appendNormalisedBody(file.bodyText, to: &canonical)
        let digest = SHA256.hash(data: canonical)
        return Hex.string(digest.prefix(length / 2))
    }

    /// Appends the body with trailing white space removed from every line
    /// and blank lines removed from both ends. Runs of bytes are copied
    /// whole; a line's trailing blanks are copied only when text follows them.
    static func appendNormalisedBody(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let start = out.count
            out.reserveCapacity(start + bytes.count)
            var pendingSpace = -1 // where the blanks not yet copied begin
            for index in bytes.indices {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D:
                    if pendingSpace < 0 { pendingSpace = index }
                case 0x0A:
                    pendingSpace = -1
                    out.append(0x0A)
                default:
                    if pendingSpace >= 0 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pendingSpace..<index]))
                        pendingSpace = -1
                    }
                    out.append(bytes[index])
                }
            }
            // Blank lines at both ends (only line ends are left of them).
            let end = out[start...].lastIndex { $0 != 0x0A }.map { $0 + 1 } ?? start
            out.removeSubrange(end...)
            let first = out[start...].firstIndex { $0 != 0x0A } ?? out.endIndex
            out.removeSubrange(start..<first)
        }
    }
}
