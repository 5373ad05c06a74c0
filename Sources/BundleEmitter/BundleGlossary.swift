import GuideModel
import JSON

/// The bundle's `glossary` (format 1.1): the termbase's concepts with their
/// terms, for consumers that show or check terminology (docs/bundle.md).
struct BundleGlossary: Sendable {
    let concepts: [Termbase.Concept]
    let codes: [String]
    let source: String

    /// Only the guide's declared languages are included.
    init(_ termbase: Termbase, config: GuideConfig) {
        concepts = termbase.concepts
        codes = config.languageCodes
        source = config.sourceLanguage
    }

    /// `guide.json`: every concept, with its terms per language code.
    var full: JSONValue {
        .array(
            concepts.map { concept in
                var terms = JSONObject()
                for code in codes {
                    if let own = concept.terms[code], let value = Self.terms(own) { terms[code] = value }
                }
                return object([
                    "id": .string(concept.id), "entry": concept.entry.map { .string($0.description) },
                    "note": concept.note.json, "terms": .object(terms),
                ])
            })
    }

    /// `guide.<code>.json`: each concept with terms in `code`, and the source language's term.
    func language(_ code: String) -> JSONValue {
        .array(
            concepts.compactMap { concept -> JSONValue? in
                guard let own = concept.terms[code], case .object(var entry)? = Self.terms(own) else { return nil }
                entry["id"] = .string(concept.id)
                if let reference = concept.entry { entry["entry"] = .string(reference.description) }
                if let term = concept.terms[source]?.preferred?.text { entry["source_term"] = .string(term) }
                return .object(entry)
            })
    }

    /// `{preferred, variants, forbidden: [{term, reason}], note?}`; nil without a preferred term.
    private static func terms(_ terms: Termbase.LanguageTerms) -> JSONValue? {
        guard let preferred = terms.preferred else { return nil }
        return object([
            "preferred": .string(preferred.text),
            "variants": .strings(terms.variants.map(\.text)),
            "forbidden": .array(terms.forbidden.map { object(["term": .string($0.text), "reason": $0.reason.json]) }),
            "note": terms.note.json,
        ])
    }
}
