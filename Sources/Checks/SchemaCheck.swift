import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

/// Validates front matter, handout definitions and guide.yml against their
/// schemas, and reports each error at the YAML key or value it concerns.
struct SchemaCheck {
    let schemas: SchemaSet

    /// Diagnostics, and the paths of files that had any (their values are not
    /// trusted by later checks).
    func run(_ guide: Guide) -> (diagnostics: [Diagnostic], invalid: Set<String>) {
        guard let registry = schemas.registry else { return ([], []) }
        var targets: [(path: String, value: JSONObject, positions: FieldPositions, uri: String?, translationOf: EntryType?)] = []
        if let config = guide.configDocument {
            targets.append((config.path, config.value, config.positions, schemas.uri("guide"), nil))
        }
        for handout in guide.handouts {
            targets.append((handout.path, handout.value, handout.positions, schemas.uri("handout"), nil))
        }
        for entry in guide.allEntries {
            for language in entry.languages {
                let file = entry.files[language]!
                let isTranslation = language != guide.config.sourceLanguage
                targets.append((file.path, file.frontMatter, file.positions, schemas.uri(entry.type.schemaName),
                                isTranslation ? entry.type : nil))
            }
        }
        var results = [[Diagnostic]](repeating: [], count: targets.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: targets.count) { i in
                let t = targets[i]
                guard let uri = t.uri else { return }
                var errors = registry.validate(.object(t.value), against: uri)
                if let type = t.translationOf {
                    // `required` binds the source file; a translation needs only its translatable required fields.
                    let translatable = guide.fieldRules[type]?.translatable ?? []
                    errors.removeAll { $0.keyword == "required" && !translatable.contains($0.property ?? "") }
                }
                errors = Self.withoutTyposReportedTwice(errors)
                let instance = JSONValue.object(t.value)
                slots[i] = errors.map {
                    SchemaDiagnostic.make($0, in: instance, file: t.path, positions: t.positions) {
                        registry.validate($0, against: uri)
                    }
                }
            }
        }
        let diagnostics = results.flatMap { $0 }
        return (diagnostics, Set(diagnostics.map(\.file)))
    }

    /// A misspelt key (`titel`) is one mistake: report the unknown field with
    /// its suggestion, not also the required field it was meant to be.
    static func withoutTyposReportedTwice(_ errors: [ValidationError]) -> [ValidationError] {
        var meant: Set<[String]> = []
        for e in errors where e.keyword == "additionalProperties" || e.keyword == "unevaluatedProperties" {
            guard let name = e.property ?? e.instancePath.tokens.last,
                  let suggestion = Suggestion.closest(to: name, among: e.knownProperties ?? []) else { continue }
            meant.insert(Array(e.instancePath.tokens.dropLast()) + [suggestion])
        }
        return errors.filter { e in
            !(e.keyword == "required" && meant.contains(e.instancePath.tokens + [e.property ?? ""]))
        }
    }
}
