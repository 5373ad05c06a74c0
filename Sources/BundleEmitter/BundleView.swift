import Foundation
import GuideModel
import JSON

/// A bundle file read back for comparison: either kind, entries by ref, each
/// split into its language-independent part and its per-language objects.
struct BundleView {
    /// Members of an entry that are the same in every language. In `guide.json` every member but
    /// `languages` is; in a language file, members not listed here count as the language's.
    static let coreKeys: Set<String> = [
        "type", "id", "ref", "data", "channels", "contact_point", "organization", "freshness",
    ]
    /// Top-level members that say when a file was made, not what it holds: left out of comparisons.
    static let buildMembers: Set<String> = ["generated_at", "build_day"]

    struct Entry {
        var ref: String
        var core: JSONObject
        /// By language code.
        var languages: [String: JSONObject]
    }

    var document: JSONObject
    var formatVersion: String
    var kind: String
    /// For a one-language file, its language.
    var language: String?
    var sourceLanguage: String?
    /// Refs in file order.
    var order: [String]
    var entries: [String: Entry]
    /// Languages the file covers.
    var languageCodes: [String]

    /// Reads a parsed file; throws a message when it is not a bundle this version reads.
    init(_ value: JSONValue) throws {
        guard let document = value.objectValue else { throw BundleDiffError.invalid("not a JSON object") }
        guard let version = document["format_version"]?.stringValue else {
            throw BundleDiffError.invalid("no format_version: not a guide bundle")
        }
        guard let semver = BundleVersioning.parse(version), !version.contains("+"), !version.contains("-") else {
            throw BundleDiffError.invalid("format_version \"\(version)\" is not a semantic version (MAJOR.MINOR.PATCH)")
        }
        guard semver.major == BundleFormat.major else {
            throw BundleDiffError.invalid(
                "format_version \(version) is not supported (this guide reads \(BundleFormat.major).x)")
        }
        guard let kind = document["kind"]?.stringValue,
            [BundleFormat.guideKind, BundleFormat.languageKind].contains(kind)
        else {
            throw BundleDiffError.invalid("kind must be \"guide\" or \"language\"")
        }
        guard let items = document["entries"]?.arrayValue else { throw BundleDiffError.invalid("no entries array") }
        self.document = document
        formatVersion = version
        self.kind = kind
        language = document["language"]?.stringValue
        sourceLanguage = document["source_language"]?.stringValue
        if kind == BundleFormat.languageKind {
            guard let language else { throw BundleDiffError.invalid("a language bundle without language") }
            languageCodes = [language]
        } else {
            languageCodes = (document["languages"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        }
        order = []
        entries = [:]
        for (index, item) in items.enumerated() {
            guard let object = item.objectValue, let ref = object["ref"]?.stringValue else {
                throw BundleDiffError.invalid("entries[\(index)] has no ref")
            }
            guard entries[ref] == nil else { throw BundleDiffError.invalid("\(ref) appears twice") }
            var core = JSONObject()
            var localized = JSONObject()
            for (key, value) in object where key != "languages" {
                if language == nil || Self.coreKeys.contains(key) { core[key] = value } else { localized[key] = value }
            }
            var languages: [String: JSONObject] = [:]
            if let language {
                languages[language] = localized
            } else {
                for (code, value) in object["languages"]?.objectValue ?? JSONObject() {
                    languages[code] = value.objectValue ?? JSONObject()
                }
            }
            order.append(ref)
            entries[ref] = Entry(ref: ref, core: core, languages: languages)
        }
    }

    /// The entry's title for reports, with the language it is in: in the file's language (or
    /// the one it falls back to), else the source language's, else any.
    func title(of ref: String) -> (text: String, language: String)? {
        guard let entry = entries[ref] else { return nil }
        let preferred = language ?? sourceLanguage ?? ""
        for code in [preferred] + entry.languages.keys.sorted() {
            guard let shown = entry.languages[code], let title = shown["title"]?.stringValue else { continue }
            return (title, shown["text_language"]?.stringValue ?? code)
        }
        return nil
    }

    /// The file's tombstones by ref.
    var tombstones: [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for item in document["tombstones"]?.arrayValue ?? [] {
            if let ref = item["ref"]?.stringValue { out[ref] = item }
        }
        return out
    }

    /// The closed lists versioning looks at (`languages`, `countries` …), by name.
    var lists: [String: [String]] {
        var out: [String: [String]] = [:]
        for (list, idKey) in PublishedBundle.vocabularyKeys {
            out[list] = (document[list]?.arrayValue ?? []).compactMap { $0[idKey]?.stringValue }
        }
        return out
    }

    /// The document without what may differ between builds of the same content.
    var comparable: JSONValue {
        var d = document
        for key in Self.buildMembers { d[key] = nil }
        return .object(d)
    }
}

/// Why `guide diff` cannot compare two files (exit 2).
public enum BundleDiffError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let message), .invalid(let message): return message
        }
    }
}
