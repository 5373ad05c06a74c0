import Diagnostics
import Foundation
import GuideModel
import JSON

extension TombstoneRecords {
    /// Reads `tombstones.yml` when the guide has one, and the bundle `guide.yml`'s
    /// `published_bundle` names (a path relative to the content folder, or a
    /// URL). A bundle that cannot be read is a diagnostic at that setting:
    /// `published.unreadable` (an error: the setting is wrong) or, when the
    /// network did not answer, `published.unreachable` (a warning: checking
    /// goes on without the comparison).
    /// `published`, when given (the command line's), is used instead of the setting.
    static func load(
        from files: [ContentWalker.File], config: YAMLDocument?, published: PublishedBundle?,
        walker: ContentWalker, diagnostics: inout [Diagnostic],
        sources: inout [String: SourceText]
    ) -> TombstoneRecords {
        var result = TombstoneRecords()
        if let file = files.first(where: { $0.relative == fileName }),
            let parsed = ParsedYAMLFile.read(
                file.path, path: walker.display(fileName), into: &diagnostics, sources: &sources),
            let object = parsed.value.objectValue
        {
            result.document = YAMLDocument(path: parsed.path, value: object, positions: parsed.positions)
            result.records = records(in: object)
        }
        if let published {
            result.published = published
            return result
        }
        guard let config, let location = config.value["published_bundle"]?.stringValue, !location.isEmpty else {
            return result
        }
        switch PublishedBundleReader.read(location, relativeTo: walker.root, origin: .guideYML) {
        case .success(let bundle):
            result.published = bundle
        case .failure(let failure):
            let at = config.positions.valueRange(["published_bundle"])
            switch failure {
            case .unreadable(let message):
                diagnostics.append(
                    .error(
                        "published.unreadable", file: config.path, at: at, message,
                        help: "name the guide.json partners last received: a path relative to "
                            + "\(walker.display(""))/ or an https:// URL"))
            case .unreachable(let message):
                diagnostics.append(
                    .warning(
                        "published.unreachable", file: config.path, at: at,
                        message + "; entries are not compared with the published bundle",
                        help: "check the connection, or pass a local copy with --published-bundle"))
            }
        }
        return result
    }
}
