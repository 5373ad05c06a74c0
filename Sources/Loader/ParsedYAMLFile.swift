import Diagnostics
import Foundation
import GuideModel
import JSON
import YAML

/// A YAML file (`guide.yml`, a handout definition) read with positions.
struct ParsedYAMLFile {
    var path: String
    var value: JSONValue
    var positions: FieldPositions

    /// Reads and parses `url`; `nil` with diagnostics when it cannot be read.
    static func read(
        _ location: String, path: String, into diagnostics: inout [Diagnostic],
        sources: inout [String: SourceText]
    ) -> ParsedYAMLFile? {
        let read = SourceReader.read(location, displayPath: path)
        diagnostics += read.diagnostics
        guard !read.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        sources[path] = SourceText(path: path, text: read.text)
        if read.text.allSatisfy(\.isWhitespace) {
            diagnostics.append(.error("file.empty", file: path, at: nil, "file is empty"))
            return nil
        }
        let reader = YAMLReader(path: path, yaml: read.text, lineOffset: 0)
        switch reader.read(read.text, document: SourceRange(line: 1, column: 1, length: 1)) {
        case .success(let result):
            guard case .object = result.value else {
                diagnostics.append(
                    .error(
                        "yaml.not-mapping", file: path, at: result.positions.valueRange([]),
                        "expected `key: value` fields at the top level"))
                return nil
            }
            return ParsedYAMLFile(path: path, value: result.value, positions: result.positions)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
