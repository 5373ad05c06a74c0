import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

extension SchemaSet {
    /// Schemas every guide needs: one per entry type, handouts and guide.yml.
    static let requiredNames = EntryType.allCases.map(\.schemaName) + ["handout", "guide"]

    /// Reads `schema/*.schema.json` and compiles them together, so `$ref`
    /// works across files. A schema that cannot be read or compiled is a
    /// diagnostic in that schema file.
    static func load(
        _ files: [ContentWalker.File], walker: ContentWalker,
        diagnostics: inout [Diagnostic], sources: inout [String: SourceText]
    ) -> SchemaSet {
        var documents: [(uri: String, value: JSONValue)] = []
        var positions: [String: (path: String, map: [JSONPointer: JSONParser.Position])] = [:]
        var uris: [String: String] = [:]
        for file in files {
            let path = walker.display(file.relative)
            let name = String(file.relative.dropFirst("schema/".count))
            guard name.hasSuffix(".schema.json"), !name.contains("/") else {
                diagnostics.append(
                    .warning(
                        "file.unexpected", file: path, at: nil,
                        "file is not a schema (<name>.schema.json) and is ignored"))
                continue
            }
            let read = SourceReader.read(file.path, displayPath: path)
            diagnostics += read.diagnostics
            guard !read.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            sources[path] = SourceText(path: path, text: read.text)
            do {
                let (value, map) = try JSONParser.parseWithPositions(read.text)
                documents.append((name, value))
                positions[name] = (path, map)
                uris[String(name.dropLast(".schema.json".count))] = name
            } catch let error as JSONParseError {
                diagnostics.append(syntaxDiagnostic(error, path: path, text: read.text))
            } catch {
                diagnostics.append(.error("schema.syntax", file: path, at: nil, "invalid JSON: \(error)"))
            }
        }
        let schemaFolder = walker.display("schema")
        for name in requiredNames
        where uris[name] == nil && !diagnostics.contains(where: { $0.file.hasPrefix(schemaFolder) }) {
            diagnostics.append(
                .error(
                    "schema.missing", file: walker.display("schema/\(name).schema.json"), at: nil,
                    "schema \(name).schema.json is missing",
                    help: "every guide declares its fields in schema/: copy it from the sample guide"))
        }
        do {
            let registry = try SchemaRegistry(
                documents: documents.map { SchemaDocument(name: $0.uri, schema: $0.value) },
                assertingFormats: ["date"])
            var set = SchemaSet(registry: registry, uris: uris)
            set.documents = Dictionary(documents.map { ($0.uri, $0.value) }) { first, _ in first }
            return set
        } catch let error as SchemaError {
            let place = positions[error.document]
            let start = place?.map[error.pointer]
            diagnostics.append(
                .error(
                    "schema.definition", file: place?.path ?? walker.display("schema/" + error.document),
                    at: start.map { SourceRange(line: $0.line, column: $0.column, length: 1) },
                    "invalid schema: \(error.message)"))
        } catch {
            diagnostics.append(.error("schema.definition", file: schemaFolder, at: nil, "invalid schema: \(error)"))
        }
        return SchemaSet(registry: nil, uris: uris)
    }

    /// A missing comma is noticed at the next member, often on the next line;
    /// the place to edit is the end of the line before it.
    static func syntaxDiagnostic(_ error: JSONParseError, path: String, text: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let at = SourceRange(line: error.line, column: error.column, length: 1)
        guard error.message.hasPrefix("expected ','"), error.line >= 2, error.line <= lines.count,
            lines[error.line - 1].unicodeScalars.prefix(error.column - 1).allSatisfy({ $0 == " " || $0 == "\t" }),
            let previous = (0..<(error.line - 1)).last(where: { !lines[$0].allSatisfy(\.isWhitespace) })
        else {
            return .error("schema.syntax", file: path, at: at, "invalid JSON: \(error.message)")
        }
        let end = lines[previous].unicodeScalars.count - lines[previous].reversed().prefix(while: \.isWhitespace).count
        return .error(
            "schema.syntax", file: path, at: SourceRange(line: previous + 1, column: end + 1, length: 1),
            "invalid JSON: \(error.message)",
            help: "add a comma at the end of line \(previous + 1)")
    }
}
