import JSON

/// A published entry that was removed or renamed, and what replaced it or why
/// it went: one item of `Content/tombstones.yml`, carried in the bundle so a
/// consumer holding the old `ref` learns what happened to it.
public struct Tombstone: Sendable, Hashable {
    /// The entry that is gone (never with a section).
    public var reference: Reference
    /// `removed_on`, YYYY-MM-DD as written.
    public var removedOn: String
    /// Entries that replace it, in order (empty when nothing does).
    public var replacedBy: [Reference]
    /// Why it went, per language; a single text is stored under `"*"`.
    public var reason: [String: String]
    /// Its position in the file's `tombstones` list, for diagnostics.
    public var index: Int

    public init(reference: Reference, removedOn: String, replacedBy: [Reference], reason: [String: String], index: Int)
    {
        self.reference = reference
        self.removedOn = removedOn
        self.replacedBy = replacedBy
        self.reason = reason
        self.index = index
    }
}

/// Everything the guide knows about entries that left the bundle:
/// `Content/tombstones.yml` and, when one is named, the last published
/// bundle to compare the content with (`guide check`).
public struct TombstoneRecords: Sendable {
    public static let fileName = "tombstones.yml"

    /// `tombstones.yml` as read (nil when the guide has none).
    public var document: YAMLDocument?
    /// Its well-formed items, in file order.
    public var records: [Tombstone]
    /// The last published bundle, when `guide.yml`'s `published_bundle` or
    /// `guide check --published-bundle` names one and it could be read.
    public var published: PublishedBundle?

    public init(document: YAMLDocument? = nil, records: [Tombstone] = [], published: PublishedBundle? = nil) {
        self.document = document
        self.records = records
        self.published = published
    }

    /// Reads the items of a `tombstones.yml` value; the shape is validated
    /// against `schema/tombstones.schema.json` separately, so malformed items are skipped.
    public static func records(in value: JSONObject) -> [Tombstone] {
        (value["tombstones"]?.arrayValue ?? []).enumerated().compactMap { index, item in
            guard let text = item["ref"]?.stringValue, let reference = Reference(parsing: text),
                reference.section == nil, let removedOn = item["removed_on"]?.stringValue
            else { return nil }
            let replacedBy = (item["replaced_by"]?.arrayValue ?? []).compactMap {
                $0.stringValue.flatMap(Reference.init(parsing:))
            }
            var reason: [String: String] = [:]
            if let single = item["reason"]?.stringValue {
                reason["*"] = single
            } else {
                for (language, text) in item["reason"]?.objectValue ?? JSONObject() {
                    if let text = text.stringValue { reason[language] = text }
                }
            }
            return Tombstone(
                reference: reference, removedOn: removedOn, replacedBy: replacedBy, reason: reason, index: index)
        }
    }
}
