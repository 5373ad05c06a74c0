import Diagnostics
import GuideModel
import JSON

/// The termbase itself (`termbase.yml`): valid against its schema, every
/// language declared, no term written twice in one language (a text could
/// not tell which concept it names), and every concept's entry existing.
struct TermbaseCheck: Check {
    func checkGuide(_ context: CheckContext, invalidFrontMatter: Set<String>) -> [Diagnostic] {
        guard let termbase = context.guide.termbase else { return [] }
        let document = termbase.document
        guard let uri = context.schemas.uri("termbase"), let registry = context.schemas.registry else {
            let folder =
                document.path.hasSuffix(Termbase.fileName)
                ? String(document.path.dropLast(Termbase.fileName.count)) : ""
            return [
                .error(
                    "schema.missing", file: folder + "schema/termbase.schema.json", at: nil,
                    "schema termbase.schema.json is missing",
                    help: "a guide with a termbase declares its format in schema/: copy it from the sample guide")
            ]
        }
        let instance = JSONValue.object(document.value)
        let errors = SchemaCheck.withoutTyposReportedTwice(registry.validate(instance, against: uri))
        if !errors.isEmpty {
            return errors.map {
                SchemaDiagnostic.make($0, in: instance, file: document.path, positions: document.positions) {
                    registry.validate($0, against: uri)
                }
            }
        }
        return languages(termbase, context) + duplicates(termbase) + entries(termbase, context)
    }

    private func languages(_ termbase: Termbase, _ context: CheckContext) -> [Diagnostic] {
        let declared = context.guide.config.languageCodes
        var out: [Diagnostic] = []
        for concept in termbase.concepts {
            for language in concept.terms.keys.sorted() where !declared.contains(language) {
                let path = ["concepts", String(concept.index), "terms", language]
                let suggestion = Suggestion.closest(to: language, among: declared)
                out.append(
                    .error(
                        "term.language", file: termbase.path, at: termbase.document.positions.keyRange(path),
                        "language \"\(language)\" is not declared in guide.yml",
                        help: suggestion.map { "did you mean \"\($0)\"?" }
                            ?? "declare it under `languages` in guide.yml, or remove it here"))
            }
        }
        return out
    }

    /// A term repeated in one language (after folding case and accents), at its second place.
    private func duplicates(_ termbase: Termbase) -> [Diagnostic] {
        var seen: [String: (concept: Termbase.Concept, term: Termbase.Term)] = [:]
        var out: [Diagnostic] = []
        for concept in termbase.concepts {
            for (language, terms) in concept.terms.sorted(by: { $0.key < $1.key }) {
                for term in terms.all {
                    guard let key = TermMatcher.key(term.text) else { continue }
                    guard let first = seen[language + "\u{0}" + key] else {
                        seen[language + "\u{0}" + key] = (concept, term)
                        continue
                    }
                    let line = termbase.document.positions.valueRange(first.term.path).start.line
                    let earlierUse =
                        first.concept.id == concept.id
                        ? "already a term of this concept" : "already a term of \"\(first.concept.id)\""
                    out.append(
                        .error(
                            "term.duplicate", file: termbase.path,
                            at: termbase.document.positions.valueRange(term.path),
                            "\"\(term.text)\" (\(language)) is \(earlierUse) (line \(line))",
                            help: "a term names one concept once per language: keep one of the two"))
                }
            }
        }
        return out
    }

    private func entries(_ termbase: Termbase, _ context: CheckContext) -> [Diagnostic] {
        termbase.concepts.compactMap { concept in
            guard let entry = concept.entry else { return nil }
            let range = termbase.document.positions.valueRange(["concepts", String(concept.index), "entry"])
            return ReferenceCheck.check(entry.description, in: termbase.path, at: range, index: context.references)
        }
    }
}
