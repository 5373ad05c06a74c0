import Foundation
import GuideModel
import JSON
import Parallel
import Schema

/// The bundle's documents as values, built from the guide: `guide.json` with every language
/// and one document per language. `BundleEmitter` writes the same bytes without building
/// them (see `BundleWriter`); this form is for tests and tools.
public struct BundleDocuments: Sendable {
    /// `guide.json`.
    public var full: JSONValue
    /// `guide.<lang>.json` by language code.
    public var languages: [(code: String, document: JSONValue)]

    /// Renders every published entry in every declared language, entries in parallel;
    /// helpline freshness is measured against `today`.
    public init(guide: Guide, drafts: Bool, sourceDate: Date?, today: FullDate = FullDate(utcDayOf: Date())) {
        let parts = BundleParts(guide: guide, drafts: drafts, sourceDate: sourceDate, today: today)
        let rendered = Parallel.map(parts.entries.count) { parts.renderer.render(parts.entries[$0]) }.compactMap { $0 }

        var full = parts.fullMembers
        full["entries"] = .array(rendered.map(parts.fullEntry))
        let contentHash = BundleFormat.hash(.object(BundleParts.hashed(full)))
        full["content_hash"] = .string(contentHash)
        full["generated_at"] = parts.generatedAt.json
        self.full = .object(full)

        languages = parts.codes.map { code in
            var doc = parts.languageMembers(code)
            doc["entries"] = .array(rendered.compactMap { parts.languageEntry($0, in: code) })
            doc["content_hash"] = .string(contentHash)
            doc["generated_at"] = parts.generatedAt.json
            return (code, .object(doc))
        }
    }
}

/// The pieces both bundle documents are made of: their top-level members (without
/// `entries`, `content_hash` and `generated_at`) and each entry as it appears in each file.
struct BundleParts: Sendable {
    let config: GuideConfig
    let codes: [String]
    let index: PageIndex
    let renderer: EntryRenderer
    /// The published entries, by type then id.
    let entries: [Entry]
    /// Records of entries that left the bundle, by ref.
    let tombstones: [Tombstone]
    let generatedAt: String?
    /// The day helpline freshness is measured against (`build_day`).
    let today: FullDate
    /// The termbase, when the guide has one (`glossary`).
    let glossary: BundleGlossary?

    init(guide: Guide, drafts: Bool, sourceDate: Date?, today: FullDate) {
        entries = guide.publishedEntries(drafts: drafts)
        index = PageIndex(guide: guide, entries: entries, drafts: drafts)
        renderer = EntryRenderer(guide: guide, index: index, today: today)
        config = guide.config
        codes = config.languageCodes
        tombstones = guide.tombstones.records.sorted { $0.reference < $1.reference }
        generatedAt = sourceDate.map(BundleDocuments.iso8601)
        self.today = today
        glossary = guide.termbase.map { BundleGlossary($0, config: guide.config) }
    }

    /// Top-level members the whole-content hash leaves out: they say when the
    /// bundle was made, not what it holds (`content_hash` itself aside).
    static let unhashedMembers: Set<String> = ["generated_at", "build_day"]

    /// `guide.json`'s members as the whole-content hash covers them.
    static func hashed(_ members: JSONObject) -> JSONObject {
        var members = members
        for key in unhashedMembers { members[key] = nil }
        return members
    }

    /// An entry in `guide.json`: its core and its text in every language.
    func fullEntry(_ output: EntryRenderer.Output) -> JSONValue {
        var o = output.core
        var languages = JSONObject()
        for code in codes {
            languages[code] = output.localized[code]??.json ?? BundleDocuments.nothingToShow
        }
        o["languages"] = .object(languages)
        return .object(o)
    }

    /// An entry in `guide.<code>.json`, or nil when it has nothing to show in that language.
    func languageEntry(_ output: EntryRenderer.Output, in code: String) -> JSONValue? {
        guard let localized = output.localized[code], let localized else { return nil }
        var o = output.core
        for (key, value) in localized { o[key] = value }
        return .object(o)
    }
}

extension BundleDocuments {
    /// A language in which an entry has nothing to show (its type forbids fallback).
    static let nothingToShow: JSONValue = object(["status": .string("missing")])

    static func iso8601(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }
}

extension JSONObject {
    var json: JSONValue { .object(self) }
}
