import Foundation
import GuideModel
import JSON

/// What changed between two bundle files, as a consumer needs to know it:
/// entries added, removed and changed (which fields, which languages),
/// translations whose status changed, and helplines whose numbers changed.
public struct BundleDiff: Sendable {
    public struct EntryInfo: Sendable, Equatable {
        public var ref: String
        public var title: String?
        /// The language `title` is in.
        public var titleLanguage: String?
        /// For a removed entry: its record in the new file's `tombstones`, if it has one.
        public var tombstone: JSONValue?
        public init(ref: String, title: String?, titleLanguage: String?, tombstone: JSONValue? = nil) {
            self.ref = ref
            self.title = title
            self.titleLanguage = titleLanguage
            self.tombstone = tombstone
        }
    }

    public struct EntryChange: Sendable, Equatable {
        public var ref: String
        /// Language-independent members that changed: `data.<field>`, `channels`, `contact_point` …
        public var fields: [String]
        /// Per language, the members that changed (content_hash left out).
        public var languages: [(code: String, fields: [String])]

        public static func == (a: EntryChange, b: EntryChange) -> Bool {
            a.ref == b.ref && a.fields == b.fields && a.languages.map(\.code) == b.languages.map(\.code)
                && a.languages.map(\.fields) == b.languages.map(\.fields)
        }
    }

    public struct StatusChange: Sendable, Equatable {
        public var ref: String
        public var language: String
        public var old: String
        public var new: String
        /// For `missing`: the language shown instead.
        public var fallbackLanguage: String?
        public init(ref: String, language: String, old: String, new: String, fallbackLanguage: String?) {
            self.ref = ref
            self.language = language
            self.old = old
            self.new = new
            self.fallbackLanguage = fallbackLanguage
        }
    }

    public struct ChannelChange: Sendable, Equatable {
        public var type: String
        /// nil when the channel was added.
        public var old: String?
        /// nil when the channel was removed.
        public var new: String?
        public init(type: String, old: String?, new: String?) {
            self.type = type
            self.old = old
            self.new = new
        }
    }

    public struct HelplineChange: Sendable, Equatable {
        public var ref: String
        public var title: String?
        /// The language `title` is in.
        public var titleLanguage: String?
        public var channels: [ChannelChange]
        public init(ref: String, title: String?, titleLanguage: String?, channels: [ChannelChange]) {
            self.ref = ref
            self.title = title
            self.titleLanguage = titleLanguage
            self.channels = channels
        }
    }

    public struct Side: Sendable, Equatable {
        public var formatVersion: String
        public var version: String?
        public var contentHash: String?
        public var kind: String
        public var language: String?
    }

    public var old: Side
    public var new: Side
    /// Top-level members that changed (version, countries, roles …), entries aside.
    public var guideFields: [String] = []
    public var languagesAdded: [String] = []
    public var languagesRemoved: [String] = []
    public var added: [EntryInfo] = []
    public var removed: [EntryInfo] = []
    public var changed: [EntryChange] = []
    public var translations: [StatusChange] = []
    public var helplines: [HelplineChange] = []
    /// Set when the guide's `version` did not move as far as the changes require (docs/bundle.md, Versioning).
    public var versionRequirement: BundleVersioning.Requirement?
    /// True when the files differ in nothing but `generated_at` and `build_day`.
    public var isIdentical: Bool

    /// Reads and compares two bundle files.
    public static func files(old: URL, new: URL) throws -> BundleDiff {
        try BundleDiff(old: load(old), new: load(new))
    }

    static func load(_ url: URL) throws -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BundleDiffError.unreadable("cannot read \(url.path)")
        }
        do { return try JSONParser.parse([UInt8](data)) } catch {
            throw BundleDiffError.invalid("\(url.path) is not valid JSON: \(error)")
        }
    }

    public init(old oldValue: JSONValue, new newValue: JSONValue) throws {
        let a: BundleView
        let b: BundleView
        do { a = try BundleView(oldValue) } catch let e as BundleDiffError {
            throw BundleDiffError.invalid("old bundle: \(e)")
        }
        do { b = try BundleView(newValue) } catch let e as BundleDiffError {
            throw BundleDiffError.invalid("new bundle: \(e)")
        }
        guard a.kind == b.kind, a.language == b.language else {
            throw BundleDiffError.invalid(
                "the files are of different kinds (\(a.language.map { "guide.\($0).json" } ?? "guide.json") and \(b.language.map { "guide.\($0).json" } ?? "guide.json")); compare files of the same kind"
            )
        }
        old = Self.side(a)
        new = Self.side(b)
        isIdentical = a.comparable == b.comparable
        guard !isIdentical else { return }

        let skip = BundleView.buildMembers.union(["entries", "content_hash"])
        guideFields = Set(a.document.keys + b.document.keys).subtracting(skip).sorted()
            .filter { a.document[$0] != b.document[$0] }
        languagesAdded = b.languageCodes.filter { !a.languageCodes.contains($0) }
        languagesRemoved = a.languageCodes.filter { !b.languageCodes.contains($0) }
        added = b.order.filter { a.entries[$0] == nil }.map { ref in
            let title = b.title(of: ref)
            return EntryInfo(ref: ref, title: title?.text, titleLanguage: title?.language)
        }
        let tombstones = b.tombstones
        removed = a.order.filter { b.entries[$0] == nil }.map { ref in
            let title = a.title(of: ref)
            return EntryInfo(ref: ref, title: title?.text, titleLanguage: title?.language, tombstone: tombstones[ref])
        }
        let common = b.order.filter { a.entries[$0] != nil }
        let languages = b.languageCodes.filter(a.languageCodes.contains)
        for ref in common {
            let (x, y) = (a.entries[ref]!, b.entries[ref]!)
            if let change = Self.entryChange(ref, x, y, languages: languages) { changed.append(change) }
            for code in languages {
                let s0 = x.languages[code]?["status"]?.stringValue ?? "missing"
                let s1 = y.languages[code]?["status"]?.stringValue ?? "missing"
                guard s0 != s1 else { continue }
                translations.append(
                    StatusChange(
                        ref: ref, language: code, old: s0, new: s1,
                        fallbackLanguage: y.languages[code]?["fallback_language"]?.stringValue))
            }
            let channels = Self.channelChanges(x.core, y.core)
            if !channels.isEmpty {
                let title = b.title(of: ref)
                helplines.append(
                    HelplineChange(ref: ref, title: title?.text, titleLanguage: title?.language, channels: channels))
            }
        }
        if let old = old.version, let new = new.version, BundleVersioning.parse(old) != nil,
            BundleVersioning.parse(new) != nil,
            let needed = BundleVersioning.requirement(
                oldRefs: a.order, newRefs: b.order, oldLists: a.lists, newLists: b.lists),
            BundleVersioning.bump(from: old, to: new).map({ $0 < needed.bump }) ?? true
        {
            versionRequirement = needed
        }
    }

    private static func side(_ view: BundleView) -> Side {
        Side(
            formatVersion: view.formatVersion, version: view.document["version"]?.stringValue,
            contentHash: view.document["content_hash"]?.stringValue, kind: view.kind, language: view.language)
    }

    private static func entryChange(
        _ ref: String, _ x: BundleView.Entry, _ y: BundleView.Entry,
        languages: [String]
    ) -> EntryChange? {
        var fields: [String] = []
        for key in Set(x.core.keys + y.core.keys).sorted() where x.core[key] != y.core[key] {
            if key == "data" {
                let (d0, d1) = (
                    x.core["data"]?.objectValue ?? JSONObject(), y.core["data"]?.objectValue ?? JSONObject()
                )
                fields += Set(d0.keys + d1.keys).sorted().filter { d0[$0] != d1[$0] }.map { "data." + $0 }
            } else {
                fields.append(key)
            }
        }
        var changedLanguages: [(String, [String])] = []
        for code in languages {
            let (l0, l1) = (x.languages[code] ?? JSONObject(), y.languages[code] ?? JSONObject())
            let keys = Set(l0.keys + l1.keys).subtracting(["content_hash"]).sorted().filter { l0[$0] != l1[$0] }
            if !keys.isEmpty { changedLanguages.append((code, keys)) }
        }
        guard !fields.isEmpty || !changedLanguages.isEmpty else { return nil }
        return EntryChange(ref: ref, fields: fields, languages: changedLanguages)
    }

    /// Channel values compared type by type, in order (the first phone with
    /// the first phone …), so a changed number shows as old → new.
    private static func channelChanges(_ x: JSONObject, _ y: JSONObject) -> [ChannelChange] {
        func channels(_ core: JSONObject) -> [(String, String)] {
            let list = core["channels"]?.arrayValue ?? core["data"]?["channels"]?.arrayValue ?? []
            return list.compactMap { c in
                guard let type = c["type"]?.stringValue, let value = c["value"]?.stringValue else { return nil }
                return (type, value)
            }
        }
        let (c0, c1) = (channels(x), channels(y))
        var types: [String] = []
        for (type, _) in c0 + c1 where !types.contains(type) { types.append(type) }
        var out: [ChannelChange] = []
        for type in types {
            let v0 = c0.filter { $0.0 == type }.map(\.1)
            let v1 = c1.filter { $0.0 == type }.map(\.1)
            for i in 0..<max(v0.count, v1.count) {
                let (o, n) = (i < v0.count ? v0[i] : nil, i < v1.count ? v1[i] : nil)
                if o != n { out.append(ChannelChange(type: type, old: o, new: n)) }
            }
        }
        return out
    }
}
