import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

/// `tombstones.yml` is well formed and true (each record names an entry that
/// is gone, once, and replacements that are published), and, when the last
/// published bundle is known, every ref partners received is either still
/// published or has a record, and `version` was raised as docs/bundle.md asks.
struct TombstoneCheck: Check {
    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] {
        let guide = context.guide
        let tombstones = guide.tombstones
        var out: [Diagnostic] = []
        let published = Set(guide.publishedEntries(drafts: false).map(\.reference.description))
        if let document = tombstones.document {
            let schemaProblems = Self.validate(document, context: context)
            // A file that breaks its schema is reported once; its records are not trusted further.
            guard schemaProblems.isEmpty else { return schemaProblems }
            out += Self.checkRecords(tombstones.records, in: document, published: published, context: context)
        }
        if let bundle = tombstones.published {
            out += Self.missingRecords(bundle, published: published, context: context)
            if let version = Self.versionProblem(bundle, published: published, guide: guide) { out.append(version) }
        }
        return out
    }

    /// Validates `tombstones.yml` against `schema/tombstones.schema.json`.
    private static func validate(_ document: YAMLDocument, context: CheckContext) -> [Diagnostic] {
        guard let registry = context.schemas.registry else { return [] }
        guard let uri = context.schemas.uri("tombstones") else {
            let folder = (document.path as NSString).deletingLastPathComponent
            return [
                .error(
                    "schema.missing", file: folder + "/schema/tombstones.schema.json", at: nil,
                    "schema tombstones.schema.json is missing, so \(TombstoneRecords.fileName) cannot be checked",
                    help: "copy it from the sample guide's schema folder")
            ]
        }
        let instance = JSONValue.object(document.value)
        let errors = SchemaCheck.withoutTyposReportedTwice(registry.validate(instance, against: uri))
        return errors.map {
            SchemaDiagnostic.make($0, in: instance, file: document.path, positions: document.positions) {
                registry.validate($0, against: uri)
            }
        }
    }

    /// Each record names an entry that is not published, once, and replacements that are.
    private static func checkRecords(
        _ records: [Tombstone], in document: YAMLDocument, published: Set<String>,
        context: CheckContext
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for record in records {
            let ref = record.reference.description
            let item = ["tombstones", String(record.index)]
            let at = document.positions.valueRange(item + ["ref"])
            guard seen.insert(ref).inserted else {
                out.append(
                    .error(
                        "tombstone.duplicate", file: document.path, at: at, "\(ref) has a record already",
                        help: "keep one record per removed entry: merge the two"))
                continue
            }
            if published.contains(ref) {
                out.append(
                    .error(
                        "tombstone.live", file: document.path, at: at,
                        "\(ref) is still published, yet this record says it was removed",
                        help: "remove the record, or the entry (partners would get both)"))
            }
            for (j, replacement) in record.replacedBy.enumerated() where !published.contains(replacement.description) {
                let suggestion = Suggestion.closest(to: replacement.description, among: published)
                out.append(
                    .error(
                        "tombstone.replacement", file: document.path,
                        at: document.positions.valueRange(item + ["replaced_by", String(j)]),
                        "\(replacement) is not a published entry, so it cannot replace \(ref)",
                        help: suggestion.map { "did you mean \"\($0)\"?" }
                            ?? "name a published entry; if the replacement was removed too, name what replaces it now"))
            }
        }
        return out
    }

    /// Refs of the published bundle that are neither published now nor recorded.
    private static func missingRecords(
        _ bundle: PublishedBundle, published: Set<String>,
        context: CheckContext
    ) -> [Diagnostic] {
        let guide = context.guide
        let recorded = Set(guide.tombstones.records.map(\.reference.description))
        let before = Set(bundle.knownRefs)
        let added = published.filter { !before.contains($0) }
        let place = missingRecordPlace(guide)
        let today = FullDate(utcDayOf: context.today).description
        var out: [Diagnostic] = []
        for ref in bundle.knownRefs where !published.contains(ref) && !recorded.contains(ref) {
            guard let reference = Reference(parsing: ref) else { continue }
            // An entry whose files could not be read is not gone: its read error is the one mistake.
            let stem = "/\(ref)."
            if context.unloadable.contains(where: { $0.contains(stem) }) { continue }
            let title = bundle.titles[ref].map { " (\"\($0)\")" } ?? ""
            let isDraft = guide.entry(reference).flatMap(guide.sourceFile(of:))?.status == "draft"
            let now = isDraft ? "is now a draft, so it is no longer in the bundle" : "is no longer in the guide"
            let sameType = added.filter { $0.hasPrefix(reference.type.rawValue + "/") }
            let replacement =
                Suggestion.closest(to: ref, among: sameType) ?? (sameType.count == 1 ? sameType.first : nil)
            let record =
                "- {ref: \(ref), removed_on: \"\(today)\", "
                + (replacement.map { "replaced_by: [\($0)]}" } ?? "reason: \"…\"}")
            out.append(
                .error(
                    "tombstone.missing", file: place.file, at: place.range,
                    "\(ref)\(title) was in the published bundle (\(bundle.location)) but \(now), "
                        + "and \(TombstoneRecords.fileName) has no record of it: partners holding it would never learn what replaced it",
                    help: "add `\(record)` under `tombstones:` in \(TombstoneRecords.fileName)"))
        }
        return out
    }

    /// Where a missing record is reported: the `tombstones` list when the file
    /// exists, else the `published_bundle` setting that asked for the
    /// comparison, else the file to create.
    private static func missingRecordPlace(_ guide: Guide) -> (file: String, range: SourceRange?) {
        if let document = guide.tombstones.document {
            return (document.path, document.positions.keyRange(["tombstones"]))
        }
        guard let config = guide.configDocument else { return (TombstoneRecords.fileName, nil) }
        if guide.tombstones.published?.origin == .guideYML {
            return (config.path, config.positions.valueRange(["published_bundle"]))
        }
        let folder = (config.path as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "" : folder + "/") + TombstoneRecords.fileName, nil)
    }

    /// `version` not raised as far as the changes since the published bundle require.
    private static func versionProblem(_ bundle: PublishedBundle, published: Set<String>, guide: Guide) -> Diagnostic? {
        guard let config = guide.configDocument, let old = bundle.version,
            BundleVersioning.parse(old) != nil, BundleVersioning.parse(guide.config.version) != nil
        else { return nil }
        let new = guide.config.version
        let at = config.positions.valueRange(["version"])
        let raised = BundleVersioning.bump(from: old, to: new)
        if raised == nil, new != old, BundleVersioning.bump(from: new, to: old) != nil {
            return .warning(
                "published.version", file: config.path, at: at,
                "version \(new) is lower than the published bundle's \(old)",
                help: "versions only go up: set a version above \(old)")
        }
        let lists: [String: [String]] = [
            "languages": guide.config.languageCodes, "countries": guide.config.countries.map(\.id),
            "roles": guide.config.roles.map(\.id), "touchpoints": guide.config.touchpoints.map(\.id),
            "categories": guide.config.categories.map(\.id),
        ]
        let refs = guide.publishedEntries(drafts: false).map(\.reference.description)
        guard
            let needed = BundleVersioning.requirement(
                oldRefs: bundle.refs, newRefs: refs,
                oldLists: bundle.vocabularies, newLists: lists),
            raised.map({ $0 < needed.bump }) ?? true
        else { return nil }
        let current =
            raised.map { "\(new) raises only the \($0) version" }
            ?? "version is still \(new), as in the published bundle"
        return .warning(
            "published.version", file: config.path, at: at,
            "\(current), but since then \(needed.reasons.joined(separator: "; ")): that needs a new \(needed.bump) version",
            help: BundleVersioning.next(after: old, needed.bump).map {
                "set version: \($0) (docs/bundle.md, Versioning)"
            })
    }
}
