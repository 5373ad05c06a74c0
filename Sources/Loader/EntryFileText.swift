import Diagnostics
import GuideModel
import Markdown
import YAML

extension EntryFileLoader {
    /// Parses an entry file's text that does not come from `Content/` (such as
    /// an old version read from git history), the same way the loader reads
    /// files: front matter, YAML with positions, Markdown body. Returns the
    /// file, or the diagnostics that stopped it from being read.
    public static func parse(
        _ text: String, type: EntryType, id: String, language: String,
        path: String
    ) -> Result<EntryFile, Diagnostic> {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(normalised, path: path) {
        case .success(let p): parts = p
        case .failure(let d): return .failure(d)
        }
        let reader = YAMLReader(path: path, yaml: parts.yaml, lineOffset: parts.yamlLineOffset)
        switch reader.read(parts.yaml, document: SourceRange(line: 1, column: 1, length: 3)) {
        case .failure(let d):
            return .failure(d)
        case .success(let yaml):
            guard case .object(let object) = yaml.value else {
                return .failure(
                    .error(
                        "yaml.not-mapping", file: path, at: yaml.positions.valueRange([]),
                        "front matter must be `key: value` fields"))
            }
            let body = MarkdownParser.parse(parts.body, lineOffset: parts.bodyLineOffset)
            return .success(
                EntryFile(
                    type: type, id: id, language: language, path: path, frontMatter: object,
                    positions: yaml.positions, bodyText: parts.body, body: body,
                    bodyLine: parts.bodyLineOffset + 1, contentHash: ContentHash.of(normalised),
                    frontMatterText: parts.yaml))
        }
    }
}
