import Diagnostics
import GuideModel

/// A translatable field must not take a name the bundle uses for each
/// language's own data (`url`, `body_html` …): reported where a source file sets it.
struct ReservedFieldCheck: Check {
    func run(_ context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        return context.validFiles.filter { $0.language == guide.config.sourceLanguage }.flatMap { file in
            let clashing = (guide.fieldRules[file.type]?.translatable ?? []).intersection(ReservedFieldNames.translatable)
            return file.frontMatter.keys.filter(clashing.contains).map { key in
                Diagnostic.error("bundle.reserved-field", file: file.path, at: file.positions.keyRange([key]),
                                 "the translatable field \"\(key)\" has a name the bundle uses for its own data",
                                 help: "rename the field in schema/\(file.type.schemaName).schema.json")
            }
        }
    }
}
