import Crypto
import Foundation
import JSON

extension Entry {
    /// A hash of every file of the entry (language and content hash): when it
    /// is unchanged, everything any output shows of the entry is unchanged.
    public var fingerprint: String {
        var hasher = SHA256()
        for language in languages {
            hasher.update(data: Data("\(language)\u{0}\(files[language]!.contentHash)\u{0}".utf8))
        }
        return Hex.string(hasher.finalize().prefix(16))
    }

    /// Every entry this entry's files name, in any language: strings in the
    /// front matter that read as references, and link destinations in the
    /// bodies. A superset of the other entries its pages show.
    public var referencedEntries: Set<Reference> {
        var found: Set<Reference> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let text): if let reference = Reference(parsing: text) { found.insert(reference.entry) }
            case .array(let items): items.forEach(walk)
            case .object(let object): object.forEach { walk($0.value) }
            default: break
            }
        }
        for file in files.values {
            walk(.object(file.frontMatter))
            for occurrence in file.body.links {
                if let reference = Reference(parsing: occurrence.link.destination) { found.insert(reference.entry) }
            }
        }
        found.remove(reference)
        return found
    }
}

/// The hash of a file's text that `EntryFile.contentHash` records.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)).prefix(16))
    }
}
