import Diagnostics
import GuideModel

/// Terms follow the termbase: a forbidden term is reported where it is
/// written (an error in a published file, a warning while the file is a
/// draft or in review), and a translation that uses none of the terms of a
/// concept its source uses gets a warning where the source uses it.
///
/// Only translatable front-matter values and the body's prose are read.
/// `aliases` are left out: they list what readers type into search, which
/// may be a forbidden term on purpose, so that search still finds the page.
struct TermCheck: Check {
    /// Translatable fields that are search vocabulary, not text.
    static let searchFields: Set<String> = ["aliases"]

    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        guard let termbase = context.guide.termbase else { return [] }
        let sourceLanguage = context.guide.config.sourceLanguage
        let fields = (context.guide.fieldRules[entry.entry.type]?.translatable ?? []).subtracting(Self.searchFields)
        var out: [Diagnostic] = []
        var found: [String: FileTerms] = [:]
        for file in entry.files where entry.isValid(file) {
            guard let matcher = termbase.matchers[file.language] else { continue }
            let terms = FileTerms(file, matcher: matcher, fields: fields)
            found[file.language] = terms
            out += forbidden(terms, in: file, termbase: termbase, sourceLanguage: sourceLanguage)
        }
        guard let sourceTerms = found[sourceLanguage] else { return out }
        for file in entry.files where file.language != sourceLanguage {
            guard let terms = found[file.language] else { continue }
            out += missing(in: file, terms, sourceTerms, termbase: termbase, sourceLanguage: sourceLanguage)
        }
        return out
    }

    private func forbidden(_ terms: FileTerms, in file: EntryFile, termbase: Termbase, sourceLanguage: String)
        -> [Diagnostic]
    {
        terms.found.compactMap { found in
            let term = found.occurrence.term
            guard term.kind == .forbidden else { return nil }
            let concept = termbase.concepts[found.occurrence.concept]
            let preferred = concept.terms[file.language]?.preferred?.text
            let message =
                "\"\(term.text)\" is a forbidden term for \"\(concept.name(in: sourceLanguage))\""
                + (term.reason.map { ": \($0)" } ?? "")
            let help = preferred.map { "use \"\($0)\" (termbase concept \(concept.id))" }
            return file.status == "published"
                ? .error("term.forbidden", file: file.path, at: found.occurrence.range, message, help: help)
                : .warning("term.forbidden", file: file.path, at: found.occurrence.range, message, help: help)
        }
    }

    /// Concepts the source uses (with an allowed term) that the translation
    /// names with no term at all (a forbidden one is reported as such).
    private func missing(
        in file: EntryFile, _ terms: FileTerms, _ sourceTerms: FileTerms,
        termbase: Termbase, sourceLanguage: String
    ) -> [Diagnostic] {
        let named = Set(terms.found.map(\.occurrence.concept))
        var reported: Set<Int> = []
        var out: [Diagnostic] = []
        for found in sourceTerms.found where found.occurrence.term.kind != .forbidden {
            let index = found.occurrence.concept
            guard !named.contains(index), reported.insert(index).inserted else { continue }
            let concept = termbase.concepts[index]
            guard let expected = concept.terms[file.language], !expected.allowed.isEmpty else { continue }
            let names = expected.allowed.map { "\"\($0.text)\"" }
            out.append(
                .warning(
                    "term.missing", file: file.path, at: place(found.place, in: file),
                    "the source uses \"\(found.occurrence.term.text)\" (line \(found.occurrence.range.start.line)), "
                        + "but this translation has no term for \"\(concept.name(in: sourceLanguage))\"",
                    help: "use "
                        + (names.count > 1
                            ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
                            : names.joined())))
        }
        return out
    }

    /// The translation's counterpart of a place in the source: the same field, or the block at the same index.
    private func place(_ place: FileTerms.Place, in file: EntryFile) -> SourceRange {
        switch place {
        case .field(let key):
            return file.positions.place([key])?.value ?? file.positions.document
        case .block(let index):
            let blocks = file.body.blocks
            guard index < blocks.count else { return file.bodyStart }
            let start = blocks[index].range.start
            return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1))
        }
    }
}
