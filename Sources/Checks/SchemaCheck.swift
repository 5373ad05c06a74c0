import Diagnostics
import Foundation
import GuideModel
import JSON
import Schema

/// Validates front matter, handout definitions and guide.yml against their
/// schemas, and reports each error at the YAML key or value it concerns.
struct SchemaCheck {
    let schemas: SchemaSet
    let registry: SchemaRegistry

    init?(schemas: SchemaSet) {
        guard let registry = schemas.registry else { return nil }
        self.schemas = schemas
        self.registry = registry
    }

    /// Diagnostics for guide.yml and the handout definitions. Documents
    /// `passed` says passed these schemas before are not validated again
    /// (what fails is found from the value alone, so they still pass).
    func checkGuideFiles(_ guide: Guide, passed: (_ path: String, _ value: JSONObject) -> Bool = { _, _ in false })
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        if let config = guide.configDocument, !passed(config.path, config.value) {
            out += validate(config.value, positions: config.positions, file: config.path, uri: schemas.uri("guide"))
        }
        for handout in guide.handouts where !passed(handout.path, handout.value) {
            out += validate(
                handout.value, positions: handout.positions, file: handout.path, uri: schemas.uri("handout"))
        }
        return out
    }

    /// Diagnostics for one entry file's front matter. A translation is held
    /// only to the required fields it can translate.
    func check(_ file: EntryFile, in guide: Guide) -> [Diagnostic] {
        let isTranslation = file.language != guide.config.sourceLanguage
        return validate(
            file.frontMatter, positions: file.positions, file: file.path, uri: schemas.uri(file.type.schemaName),
            translatable: isTranslation ? guide.fieldRules[file.type]?.translatable ?? [] : nil)
    }

    /// `translatable` is given for translations: their translatable fields.
    private func validate(
        _ value: JSONObject, positions: FieldPositions, file: String, uri: String?,
        translatable: Set<String>? = nil
    ) -> [Diagnostic] {
        guard let uri else { return [] }
        let instance = JSONValue.object(value)
        var errors = registry.validate(instance, against: uri)
        guard !errors.isEmpty else { return [] }
        if let translatable {
            // `required` binds the source file; a translation needs only its translatable required fields.
            errors.removeAll { $0.keyword == "required" && !translatable.contains($0.property ?? "") }
        }
        errors = Self.withoutTyposReportedTwice(errors)
        let registry = registry
        return errors.map {
            SchemaDiagnostic.make($0, in: instance, file: file, positions: positions) {
                registry.validate($0, against: uri)
            }
        }
    }

    /// A misspelt key (`titel`) is one mistake: report the unknown field with
    /// its suggestion, not also the required field it was meant to be.
    static func withoutTyposReportedTwice(_ errors: [ValidationError]) -> [ValidationError] {
        var meant: Set<[String]> = []
        for e in errors where e.keyword == "additionalProperties" || e.keyword == "unevaluatedProperties" {
            guard let name = e.property ?? e.instancePath.tokens.last,
                let suggestion = Suggestion.closest(to: name, among: e.knownProperties ?? [])
            else { continue }
            meant.insert(Array(e.instancePath.tokens.dropLast()) + [suggestion])
        }
        return errors.filter { e in
            !(e.keyword == "required" && meant.contains(e.instancePath.tokens + [e.property ?? ""]))
        }
    }
}
