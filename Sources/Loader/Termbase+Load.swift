import Diagnostics
import GuideModel

extension Termbase {
    /// Reads `Content/termbase.yml` with positions; nil (with diagnostics)
    /// when it cannot be read or is not `key: value` fields. Its schema
    /// (`schema/termbase.schema.json`) is checked with the other checks.
    static func load(
        _ location: String, path: String, into diagnostics: inout [Diagnostic],
        sources: inout [String: SourceText]
    ) -> Termbase? {
        guard let parsed = ParsedYAMLFile.read(location, path: path, into: &diagnostics, sources: &sources),
            let object = parsed.value.objectValue
        else { return nil }
        return Termbase(document: YAMLDocument(path: parsed.path, value: object, positions: parsed.positions))
    }
}
