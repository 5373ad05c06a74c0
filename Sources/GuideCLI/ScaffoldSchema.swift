import Foundation
import JSON

/// The schema files as written, read for scaffolding: a property's keywords
/// with `$ref` and `allOf` followed (keywords written on the property win),
/// so a scaffold can list enum values, required sub-fields and descriptions.
struct ScaffoldSchema {
    /// Schema documents by file name and by `$id`.
    var documents: [String: JSONValue] = [:]

    /// A schema with everything it applies in place merged in.
    struct Resolved {
        var keywords: JSONObject
        /// The document each keyword came from: references inside it resolve against that document.
        var origins: [String: String]
        /// The last `$ref` target's name (`countryCode`, `date` …), for hints.
        var refName: String?

        subscript(_ key: String) -> JSONValue? { keywords[key] }
        var description: String? { keywords["description"]?.stringValue }
        var type: String? { keywords["type"]?.stringValue }
        var enumValues: [String]? { keywords["enum"]?.arrayValue?.compactMap(\.stringValue) }
        var required: [String] { keywords["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var minItems: Int { keywords["minItems"]?.numberValue?.integerValue ?? 0 }
    }

    init(folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".schema.json")
        }
        for name in names {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
                let value = try? JSONParser.parse(text)
            else { continue }
            documents[name] = value
            if let id = value["$id"]?.stringValue { documents[id] = value }
        }
    }

    /// The root schema of a document, resolved.
    func root(_ name: String) -> Resolved? {
        documents[name].map { resolve($0, in: name) }
    }

    /// A schema's properties in the order written, resolved.
    func properties(of schema: Resolved) -> [(name: String, schema: Resolved)] {
        guard let properties = schema["properties"]?.objectValue, let document = schema.origins["properties"] else {
            return []
        }
        return properties.map { ($0.key, resolve($0.value, in: document)) }
    }

    /// An array schema's `items`, resolved.
    func items(of schema: Resolved) -> Resolved? {
        guard let items = schema["items"], let document = schema.origins["items"] else { return nil }
        return resolve(items, in: document)
    }

    func resolve(_ schema: JSONValue, in document: String, depth: Int = 0) -> Resolved {
        let own = schema.objectValue ?? JSONObject()
        var result = Resolved(
            keywords: own, origins: Dictionary(own.keys.map { ($0, document) }, uniquingKeysWith: { a, _ in a }),
            refName: nil)
        guard depth < 16 else { return result }
        var applied: [Resolved] = []
        if let ref = schema["$ref"]?.stringValue, let (target, targetDocument) = lookup(ref, from: document) {
            result.refName = ref.split(separator: "/").last.map(String.init)
            applied.append(resolve(target, in: targetDocument, depth: depth + 1))
        }
        for part in schema["allOf"]?.arrayValue ?? [] { applied.append(resolve(part, in: document, depth: depth + 1)) }
        for other in applied {
            for (key, value) in other.keywords where result.keywords[key] == nil {
                result.keywords[key] = value
                result.origins[key] = other.origins[key]
            }
        }
        return result
    }

    /// The schema a `$ref` points at, and the document it is in.
    private func lookup(_ ref: String, from document: String) -> (JSONValue, String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0].isEmpty ? document : (parts[0].split(separator: "/").last.map(String.init) ?? parts[0])
        guard let root = documents[name] else { return nil }
        guard parts.count == 2, !parts[1].isEmpty else { return (root, name) }
        guard let pointer = JSONPointer(parts[1]), let target = pointer.resolve(in: root) else { return nil }
        return (target, name)
    }
}
