import Foundation
import GuideModel
import JSON

/// What the bundle emitter remembers of a build (`Output/.cache/bundle.json`): the inputs the
/// bundle was made from, so the next build can tell whether it may reuse the files.
struct BundleRecord: Codable, Sendable, Equatable {
    /// The version of this record's format; a record of another version means a new bundle.
    static let currentFormat = 1

    var format: Int
    /// A hash of everything the bundle depends on besides the entries' files (`global(_:)`).
    var global: String
    /// Every entry's fingerprint (a hash of its files), by ref (`indicators/holds-no-documents`),
    /// drafts included: an added, removed or changed entry changes the bundle.
    var entries: [String: String]
    /// The files written.
    var files: [String]

    init(global: String, entries: [String: String], files: [String]) {
        format = Self.currentFormat
        self.global = global
        self.entries = entries
        self.files = files
    }

    static func fingerprints(_ guide: Guide) -> [String: String] {
        var result: [String: String] = [:]
        for entry in guide.allEntries { result[entry.reference.description] = entry.fingerprint }
        return result
    }

    /// The bundle's inputs other than the entries: the compiler (its code is the format),
    /// `guide.yml`, the schemas' field rules (which fields are translatable decides what is
    /// `data` and the translation states), the termbase (`glossary`), `--drafts` and `SOURCE_DATE_EPOCH`.
    static func global(_ context: EmitContext) -> String {
        let guide = context.guide
        let compact = JSONWriter(sortedKeys: true, pretty: false)
        var parts = ["bundle", BundleFormat.version, CompilerIdentity.current]
        parts.append(guide.configDocument.map { compact.string(.object($0.value)) } ?? String(describing: guide.config))
        for type in EntryType.allCases {
            let rules = guide.fieldRules[type]
            parts.append("\(type.rawValue) \(rules?.translatable.sorted() ?? []) \(rules?.perLanguage.sorted() ?? [])")
        }
        parts.append(guide.termbase.map { compact.string(.object($0.document.value)) } ?? "no termbase")
        parts.append(context.drafts ? "drafts" : "published")
        parts.append(context.sourceDate.map { "\($0.timeIntervalSince1970)" } ?? "-")
        return ContentHash.of(parts.joined(separator: "\u{0}"))
    }

    /// The previous build's record, or nil when it does not decode or has another format.
    static func decode(_ record: OutputRecord) -> BundleRecord? {
        let decoded = record.decoded(as: BundleRecord.self)
        return decoded?.format == currentFormat ? decoded : nil
    }

    func encoded() -> Data { OutputRecord.json(self) }
}
