import GuideModel
import Templating

extension SitePaths {
    /// The glossary built from the termbase.
    static func glossary(_ language: String) -> String { "\(language)/glossary/index.html" }
}

extension SiteEmitter {
    /// The glossary page of one language, when the guide has a termbase and
    /// the templates a `pages/glossary` (older template sets have none).
    func glossaryPages(_ language: String, model: SiteModel, builder: PageBuilder) -> [PlannedPage] {
        guard model.guide.termbase != nil, builder.templates.has("pages/glossary") else { return [] }
        // It names concepts' titles and links to their pages: it depends on every entry.
        return [
            PlannedPage(path: SitePaths.glossary(language), template: "pages/glossary", dependencies: .all) {
                builder.glossaryPage(language).context
            }
        ]
    }
}

extension PageBuilder {
    /// The link to the glossary from `page`, or false when there is none.
    func glossaryLink(from page: String, language: String) -> TemplateValue {
        guard model.guide.termbase != nil, templates.has("pages/glossary") else { return false }
        return .string(SitePaths.link(from: page, to: SitePaths.glossary(language)))
    }

    /// Each termbase concept with its terms in `language`: the preferred
    /// term, the others a text may use, those to avoid and why, the source
    /// language's term, and a link to the concept's entry.
    func glossaryPage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.glossary(language)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s["glossary"] ?? "Glossary") {
            SitePaths.glossary($0)
        }
        let source = model.source
        var items: [TemplateValue] = []
        for concept in model.guide.termbase?.concepts ?? [] {
            let own = concept.terms[language]
            guard let preferred = own?.preferred ?? concept.terms[source]?.preferred else { continue }
            let sourceTerm = language == source ? nil : concept.terms[source]?.preferred?.text
            var item: Context = [
                "id": .string("term-\(concept.id)"),
                "term": .string(preferred.text),
                // A concept without a term in this language shows the source's, marked as such.
                "term_lang": own?.preferred == nil ? .string(source) : false,
                "source_term": sourceTerm.map { .string($0) } ?? false,
                "source_lang": .string(source),
                "variants": .string((own?.variants ?? []).map(\.text).joined(separator: ", ")),
                "avoid": .list(
                    (own?.forbidden ?? []).map { term -> TemplateValue in
                        ["term": .string(term.text), "reason": .string(term.reason ?? "")]
                    }),
                // Reasons and notes are written in the termbase's language, the source language.
                "note_lang": .string(source),
                "note": .string(own?.note ?? ""),
                "entry_href": false, "entry_title": false, "entry_lang": false,
            ]
            if let entry = concept.entry, let target = model.target(of: entry, in: language) {
                item["entry_href"] = .string(SitePaths.link(from: page, to: target))
                // The page may be a fallback language's: its title is marked with that language.
                let file =
                    model.shown(entry.entry, in: language)?.file
                    ?? model.guide.entry(entry.entry).flatMap { model.guide.sourceFile(of: $0) }
                item["entry_title"] = .string(file?.string("title") ?? entry.description)
                item["entry_lang"] = .string(file?.language ?? source)
            }
            items.append(.object(item))
        }
        context["concepts"] = .list(items)
        return (page, context)
    }
}

extension SiteTemplates {
    /// Whether a template of that name was loaded.
    func has(_ name: String) -> Bool { library.has(name) }
}
