import JSON

/// What `guide check` needs of the last bundle partners received: the refs it
/// carried (entries and tombstones), its `version` and its vocabularies. Read
/// leniently from either file kind (`guide.json` or `guide.<lang>.json`) of
/// any 1.x format, since only these members are needed.
public struct PublishedBundle: Sendable, Equatable {
    /// Where it was named.
    public enum Origin: Sendable, Equatable {
        /// `guide.yml`'s `published_bundle`.
        case guideYML
        /// `--published-bundle` on the command line.
        case commandLine
    }

    /// The path or URL as given, for messages.
    public var location: String
    public var origin: Origin
    public var version: String?
    /// Entry refs, in file order.
    public var refs: [String]
    /// Titles by ref, in the file's language (or the source language), for messages.
    public var titles: [String: String]
    /// Refs its tombstones name.
    public var tombstoneRefs: [String]
    /// Closed lists by name (`languages`, `countries`, `roles`, `touchpoints`, `categories`): their codes or ids.
    public var vocabularies: [String: [String]]

    /// The top-level lists compared for versioning, with the member naming each item.
    public static let vocabularyKeys: [(list: String, idKey: String)] = [
        ("languages", "code"), ("countries", "code"), ("roles", "id"), ("touchpoints", "id"), ("categories", "id"),
    ]

    /// Reads a parsed bundle file; throws a message when it is not one.
    public init(_ value: JSONValue, location: String, origin: Origin) throws {
        guard let document = value.objectValue else { throw PublishedBundleError("it is not a JSON object") }
        guard let format = document["format_version"]?.stringValue else {
            throw PublishedBundleError("it has no format_version: not a guide bundle")
        }
        guard format.split(separator: ".").first == "1" else {
            throw PublishedBundleError("its format_version \(format) is not one this guide reads (1.x)")
        }
        guard let entries = document["entries"]?.arrayValue else { throw PublishedBundleError("it has no entries") }
        self.location = location
        self.origin = origin
        version = document["version"]?.stringValue
        refs = []
        titles = [:]
        let language = document["language"]?.stringValue ?? document["source_language"]?.stringValue ?? ""
        for entry in entries {
            guard let ref = entry["ref"]?.stringValue else { continue }
            refs.append(ref)
            titles[ref] = entry["title"]?.stringValue ?? entry["languages"]?[language]?["title"]?.stringValue
        }
        tombstoneRefs = (document["tombstones"]?.arrayValue ?? []).compactMap { $0["ref"]?.stringValue }
        vocabularies = [:]
        for (list, idKey) in Self.vocabularyKeys {
            vocabularies[list] = (document[list]?.arrayValue ?? []).compactMap { $0[idKey]?.stringValue }
        }
    }

    /// Every ref a consumer of this bundle may hold: its entries and its tombstones.
    public var knownRefs: [String] {
        let entries = Set(refs)
        return refs + tombstoneRefs.filter { !entries.contains($0) }
    }
}

/// Why a file is not a bundle `guide check` can compare with.
public struct PublishedBundleError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
