import Diagnostics
import Foundation
import GuideModel
import JSON
import Markdown
import YAML

/// Reads one `Content/<type>/<id>.<lang>.md` into an `EntryFile`.
public struct EntryFileLoader: Sendable {
    let declaredLanguages: [String]

    struct Output: Sendable {
        var file: EntryFile?
        var source: SourceText?
        var diagnostics: [Diagnostic]
    }

    /// Splits `holds-no-documents.pap-AW.md` into id and language.
    static func nameParts(_ name: String) -> (id: String, language: String)? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard let dot = stem.firstIndex(of: "."), dot != stem.startIndex else { return nil }
        let language = stem[stem.index(after: dot)...]
        guard !language.isEmpty, !language.contains(Character(".")) else { return nil }
        return (String(stem[..<dot]), String(language))
    }

    func load(type: EntryType, name: String, file location: String, path: String) -> Output {
        guard let (id, language) = EntryFileLoader.nameParts(name) else {
            return Output(diagnostics: [
                .error(
                    "file.name", file: path, at: nil,
                    "file name must be <id>.<language>.md",
                    help: "for example \(type.rawValue)/my-entry.en.md")
            ])
        }
        if !Identifier.isValid(id) {
            return Output(diagnostics: [
                .error(
                    "file.id", file: path, at: nil,
                    "\"\(id)\" is not a valid id: use lower-case letters, digits and single hyphens",
                    help: "rename the file to \(Identifier.normalised(id)).\(language).md")
            ])
        }
        if !declaredLanguages.isEmpty, !declaredLanguages.contains(language) {
            let suggestion = Suggestion.closest(to: language, among: declaredLanguages)
            return Output(diagnostics: [
                .error(
                    "file.language", file: path, at: nil,
                    "language \"\(language)\" is not declared in guide.yml",
                    help: suggestion.map { "did you mean \"\($0)\"? (rename the file to \(id).\($0).md)" }
                        ?? "declare it under `languages` in guide.yml")
            ])
        }
        let read = SourceReader.read(location, displayPath: path)
        var diagnostics = read.diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return Output(diagnostics: diagnostics) }
        let source = SourceText(path: path, text: read.text)
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(read.text, path: path) {
        case .success(let p): parts = p
        case .failure(let d): return Output(source: source, diagnostics: diagnostics + [d])
        }
        let opening = SourceRange(line: 1, column: 1, length: 3)
        let reader = YAMLReader(path: path, yaml: parts.yaml, lineOffset: parts.yamlLineOffset)
        switch reader.read(parts.yaml, document: opening) {
        case .failure(let d):
            return Output(source: source, diagnostics: diagnostics + [d])
        case .success(let yaml):
            guard case .object(let object) = yaml.value else {
                diagnostics.append(
                    .error(
                        "yaml.not-mapping", file: path, at: yaml.positions.valueRange([]),
                        "front matter must be `key: value` fields"))
                return Output(source: source, diagnostics: diagnostics)
            }
            let body = MarkdownParser.parse(parts.body, lineOffset: parts.bodyLineOffset)
            let file = EntryFile(
                type: type, id: id, language: language, path: path, frontMatter: object,
                positions: yaml.positions, bodyText: parts.body, body: body,
                bodyLine: parts.bodyLineOffset + 1, contentHash: ContentHash.of(read.text),
                frontMatterText: parts.yaml)
            return Output(file: file, source: source, diagnostics: diagnostics)
        }
    }
}
