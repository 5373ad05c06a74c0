import GuideModel
import JSON
import Templating

/// Cards: one entry in a list (title, summary, link; an indicator's
/// strength; a helpline's numbers), rendered once per entry, language and
/// page depth and reused by every list.
extension PageBuilder {
    /// A short description of an entry for lists: title, summary, link.
    func card(_ shown: LocalizedEntry, from page: String, language: String) -> Context {
        let s = strings.strings(language)
        var card: Context = [
            "title": .string(shown.file.string("title") ?? shown.entry.id),
            "summary": .string(shown.file.string("summary") ?? ""),
            "href": .string(
                SitePaths.link(from: page, to: SitePaths.entry(language, shown.entry.type, shown.entry.id))),
            "type_label": .string(s["type_\(shown.entry.type.rawValue)"] ?? ""),
            "type": .string(shown.entry.type.rawValue),
            "fallback_lang": false, "fallback_dir": false, "helpline": false, "strength": false, "filter": false,
        ]
        if shown.entry.type == .indicators { indicatorFacts(shown, language: language, into: &card) }
        if shown.isFallback {
            card["fallback_lang"] = .string(shown.file.language)
            card["fallback_dir"] = .string(direction(shown.file.language))
        }
        return card
    }

    /// An indicator card's strength tag, and the terms the indicator list's
    /// filter matches it by (space-separated ids; no countries: everywhere).
    private func indicatorFacts(_ shown: LocalizedEntry, language: String, into card: inout Context) {
        let s = strings.strings(language)
        func ids(_ key: String) -> String {
            (model.field(key, of: shown)?.value.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")
        }
        if let strength = model.field("strength", of: shown)?.value.stringValue {
            card["strength"] = ["id": .string(strength), "label": .string(s["strength_tag_\(strength)"] ?? strength)]
        }
        card["filter"] = [
            "touchpoints": .string(ids("touchpoints")), "roles": .string(ids("observers")),
            "category": .string(model.field("category", of: shown)?.value.stringValue ?? ""),
            "countries": .string(ids("jurisdictions")),
        ]
    }

    /// A card for a reference (front matter `related`, `protocols` …), or nil
    /// when it leads nowhere.
    func card(for reference: String, from page: String, language: String) -> Context? {
        guard let parsed = model.reference(reference) else { return nil }
        return card(for: parsed, from: page, language: language)
    }

    /// The same for a parsed reference.
    func card(for parsed: Reference, from page: String, language: String) -> Context? {
        let base = cards.context(parsed.entry, language: language) { () -> (Context, String)? in
            guard let target = model.target(of: parsed.entry, in: language), let entry = model.guide.entry(parsed.entry)
            else { return nil }
            let shown =
                model.shown(parsed, in: language)
                ?? model.guide.localized(entry, in: model.source, drafts: model.drafts)
            guard let shown else { return nil }
            var card = self.card(shown, from: "", language: language)
            if shown.language != language {
                card["fallback_lang"] = .string(shown.file.language)
                card["fallback_dir"] = .string(direction(shown.file.language))
            }
            return (card, target)
        }
        guard var (card, target) = base else { return nil }
        if let section = parsed.section { target += "#" + section }
        card["href"] = .string(SitePaths.link(from: page, to: target))
        return card
    }

    /// A card rendered once with `partials/card` per entry, language and page
    /// depth (its links are relative), then reused by every list: `["html": …]`.
    func renderedCard(
        _ reference: Reference, from page: String, language: String, contact: Bool = false,
        filterable: Bool = false
    ) -> TemplateValue? {
        // Cards are of entries (no section), as `Reference(parsing: "type/id")` gives.
        let entryReference = reference.entry
        let key = CardCache.Key(
            language: language, depth: SitePaths.depth(of: page), contact: contact, filterable: filterable)
        if let html = cards.get(entryReference, key) { return html }
        guard var context = card(for: entryReference, from: page, language: language) else { return nil }
        if !filterable { context["filter"] = false }
        if contact, let entry = model.guide.entry(reference),
            let shown = model.shown(reference, in: language)
                ?? model.guide.localized(entry, in: model.source, drafts: model.drafts)
        {
            context["helpline"] = .object(helpline(shown, from: page))
        }
        context["s"] = stringValues[language]
        let html: TemplateValue = ["html": .string(templates.render("partials/card", context))]
        cards.set(entryReference, key, html)
        return html
    }
}
