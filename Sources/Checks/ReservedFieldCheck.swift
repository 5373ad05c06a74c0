import Diagnostics
import GuideModel

/// A translatable field must not take a name the bundle uses for each
/// language's own data (`url`, `body_html` …): reported where a source file sets it.
struct ReservedFieldCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        guard let file = entry.source, entry.isValid(file) else { return [] }
        let clashing = (context.guide.fieldRules[file.type]?.translatable ?? []).intersection(
            ReservedFieldNames.translatable)
        guard !clashing.isEmpty else { return [] }
        return file.frontMatter.keys.filter(clashing.contains).map { key in
            Diagnostic.error(
                "bundle.reserved-field", file: file.path, at: file.positions.keyRange([key]),
                "the translatable field \"\(key)\" has a name the bundle uses for its own data",
                help: "rename the field in schema/\(file.type.schemaName).schema.json")
        }
    }
}
