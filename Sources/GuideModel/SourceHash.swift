import Crypto
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
        var canonical = ""
        for key in translatable.sorted() {
            guard let value = file.frontMatter[key] else { continue }
            canonical += key + "=" + JSONWriter(sortedKeys: true, pretty: false).string(value) + "\n"
        }
        canonical += "---\n" + normalisedBody(file.bodyText)
        let digest = SHA256.hash(data: Data(canonical.utf8))
        return Hex.string(digest.prefix(length / 2))
    }

    /// The body with trailing white space removed from every line and blank
    /// lines removed from both ends.
    static func normalisedBody(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x20, 0x09, 0x0D: pendingSpace.append(b)
            case 0x0A: pendingSpace.removeAll(keepingCapacity: true); out.append(b)
            default: out += pendingSpace; pendingSpace.removeAll(keepingCapacity: true); out.append(b)
            }
        }
        let first = out.firstIndex { $0 != 0x0A } ?? out.endIndex
        let last = out.lastIndex { $0 != 0x0A }.map { $0 + 1 } ?? first
        return String(decoding: out[first..<max(first, last)], as: UTF8.self)
    }
}
