import Dispatch
import Foundation
import GuideModel

/// What the site emitter records of a build, so the next build re-renders
/// only pages whose inputs changed: the fingerprint of everything global
/// (compiler, templates, strings, guide.yml, schemas, drafts), every entry's
/// fingerprint, and per file its bytes' hash and, for a page, the entries it
/// was rendered from.
///
/// Encoded as tab-separated lines: quick to read back for 6,000 pages.
struct SiteRecord: Sendable {
    static let header = "guide site record 1"

    var global: String
    var entries: [String: String]
    var files: [String: File]

    struct File: Sendable {
        var hash: UInt64
        /// nil for files written on every build (search index, offline
        /// lists, service worker, assets, media).
        var dependencies: PageDependencies?
    }

    /// The entries added, removed or changed since `old`.
    func changes(since old: SiteRecord) -> EntryChanges {
        var changed: Set<String> = []
        for (key, fingerprint) in entries where old.entries[key] != fingerprint { changed.insert(key) }
        for key in old.entries.keys where entries[key] == nil { changed.insert(key) }
        return EntryChanges(entries: changed)
    }

    /// Lines in order of their keys, written straight to bytes, the
    /// files' lines in chunks on all cores: a large site's record (6,000
    /// pages, 1.5 MB) is encoded after every build.
    func encoded() -> Data {
        var head: [UInt8] = []
        Self.line([Self.header], into: &head)
        Self.line(["global", global], into: &head)
        for key in entries.keys.sorted() { Self.line(["entry", key, entries[key]!], into: &head) }
        let paths = files.keys.sorted()
        let chunkSize = 512
        var chunks = [[UInt8]](repeating: [], count: (paths.count + chunkSize - 1) / chunkSize)
        chunks.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: slots.count) { chunk in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(chunkSize * 200)
                for path in paths[(chunk * chunkSize)..<min(paths.count, (chunk + 1) * chunkSize)] {
                    let file = files[path]!
                    Self.line(["file", String(file.hash, radix: 16), path] + (file.dependencies.map { [$0.encoded] } ?? []), into: &bytes)
                }
                slots[chunk] = bytes
            }
        }
        var data = Data(head)
        for chunk in chunks { data.append(contentsOf: chunk) }
        return data
    }

    private static func line(_ fields: [String], into bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The record in `data`, or nil when it is not one this version wrote.
    init?(decoding data: Data) {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count >= 2, lines[0] == Self.header, lines[1].hasPrefix("global\t") else { return nil }
        global = String(lines[1].dropFirst("global\t".count))
        entries = [:]
        files = [:]
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "entry" where fields.count == 3:
                entries[String(fields[1])] = String(fields[2])
            case "file" where fields.count == 3 || fields.count == 4:
                guard let hash = UInt64(fields[1], radix: 16) else { return nil }
                files[String(fields[2])] = File(hash: hash, dependencies: fields.count == 4 ? PageDependencies(encoded: fields[3]) : nil)
            default:
                return nil
            }
        }
    }

    init(global: String, entries: [String: String], files: [String: File] = [:]) {
        self.global = global
        self.entries = entries
        self.files = files
    }

    /// Whether a path can be written on one line of the record.
    static func isRecordable(_ path: String) -> Bool {
        !path.utf8.contains(UInt8(ascii: "\t")) && !path.utf8.contains(UInt8(ascii: "\n"))
    }
}

/// The entries a page's bytes depend on, besides what is global.
enum PageDependencies: Sendable, Equatable {
    /// Every entry (the home page's counts).
    case all
    /// Every entry of these types (a listing), and these entries.
    case entries(types: [EntryType], references: [String])

    /// Whether a page rendered with `old` (or to be rendered with `self`)
    /// must be rendered again after `changes`. The union of old and new
    /// dependencies matters: an entry leaving a list changes it.
    func isStale(recorded old: PageDependencies, changes: EntryChanges) -> Bool {
        if changes.entries.isEmpty { return false }
        switch (self, old) {
        case (.all, _), (_, .all):
            return true
        case (.entries(let types, let references), .entries(let oldTypes, let oldReferences)):
            return types.contains(where: changes.types.contains) || oldTypes.contains(where: changes.types.contains)
                || references.contains(where: changes.contains) || oldReferences.contains(where: changes.contains)
        }
    }

    var encoded: String {
        switch self {
        case .all: return "*"
        case .entries(let types, let references): return (types.map { $0.rawValue + "/*" } + references).joined(separator: " ")
        }
    }

    init(encoded: Substring) {
        if encoded == "*" { self = .all; return }
        var types: [EntryType] = []
        var references: [String] = []
        for item in encoded.split(separator: " ") {
            if item.hasSuffix("/*"), let type = EntryType(rawValue: String(item.dropLast(2))) { types.append(type) } else { references.append(String(item)) }
        }
        self = .entries(types: types, references: references)
    }

    static let none = PageDependencies.entries(types: [], references: [])
}

/// The entries (`type/id`) that changed between two builds, and their types.
struct EntryChanges: Sendable {
    let entries: Set<String>
    let types: Set<EntryType>
    /// The same entries as a list, when there are few (an edit changes one):
    /// comparing a few strings is cheaper than hashing each one looked up.
    private let few: [String]?

    init(entries: Set<String>) {
        self.entries = entries
        types = Set(entries.compactMap { EntryType(rawValue: String($0.prefix { $0 != "/" })) })
        few = entries.count <= 4 ? Array(entries) : nil
    }

    func contains(_ entry: String) -> Bool {
        if let few { return few.contains(entry) }
        return entries.contains(entry)
    }
}
