import Diagnostics
import GuideModel

/// Translations hold only translatable fields, have a source file to be
/// translated from, and are reported outdated when the source changed since
/// their `source_hash` was stamped.
struct TranslationCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        let source = guide.config.sourceLanguage
        let translations = entry.files.filter { $0.language != source }
        var out: [Diagnostic] = []
        guard let sourceFile = entry.source else {
            for file in translations {
                // A source file that exists but could not be read is reported where it is.
                let sourcePath = String(file.path.dropLast(".\(file.language).md".count)) + ".\(source).md"
                if context.unloadable.contains(sourcePath) { continue }
                out.append(
                    .error(
                        "translation.no-source", file: file.path, at: nil,
                        "translation has no source file \(entry.entry.type.rawValue)/\(entry.entry.id).\(source).md",
                        help: "write the \(source) file first: it holds every field"))
            }
            return out
        }
        let allowed = guide.fieldRules[entry.entry.type]?.allowedInTranslation ?? []
        for file in translations where entry.isValid(file) {
            for key in file.frontMatter.keys where key != "source_hash" && !allowed.contains(key) {
                out.append(
                    .error(
                        "translation.field", file: file.path, at: file.positions.keyRange([key]),
                        "\"\(key)\" cannot be translated; it comes from the source file",
                        help: "remove it from this translation"))
            }
            // A source with schema errors is being fixed; its hash says nothing about the translation yet.
            if !entry.isValid(sourceFile) { continue }
            if case .outdated(let recorded) = guide.translationState(of: entry.entry, in: file.language) {
                if recorded == nil {
                    out.append(
                        .warning(
                            "translation.unstamped", file: file.path, at: file.positions.document,
                            "translation has no source_hash, so it counts as outdated",
                            help: "after review, run `guide stamp \(file.path)`"))
                } else {
                    out.append(
                        .warning(
                            "translation.outdated", file: file.path,
                            at: file.positions.valueRange(["source_hash"]),
                            "the source changed since this translation was made",
                            help:
                                "update the translation (see `guide status --diff \(file.path)`), then run `guide stamp \(file.path)`"
                        ))
                }
            }
        }
        return out
    }
}
