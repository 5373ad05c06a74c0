import Digest
import Foundation
import JSON

extension Entry {
    /// A hash of every file of the entry (language and content hash): when it
    /// is unchanged, everything any output shows of the entry is unchanged.
    /// The content hashes are already digests, so combining them needs no
    /// cryptographic hash: FNV-1a over their text, 64 bits.
    /// A file without a content hash (made in memory, not loaded) makes the
    /// fingerprint unique, so the entry never counts as unchanged.
    public var fingerprint: String {
        if files.values.contains(where: { $0.contentHash.isEmpty }) { return "unhashed-\(UUID().uuidString)" }
        var hasher = FNV1a()
        for language in languages {
            hasher.add(language)
            hasher.add(UInt8(ascii: "="))
            hasher.add(files[language]!.contentHash)
            hasher.add(UInt8(ascii: ";"))
        }
        let text = String(hasher.value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
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
            case .object(let object): for (_, value) in object { walk(value) }
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
