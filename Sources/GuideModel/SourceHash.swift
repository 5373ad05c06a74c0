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
        return digest.map { String(format: "%02x", $0) }.joined().prefix(length).description
    }

    static func normalisedBody(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l.removeLast() }
            return l
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
