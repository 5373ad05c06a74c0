import GuideModel
import Templating

/// Marking text in another language than the page: every fragment shown
/// from a fallback (a term's name, a card's title, a body) carries its own
/// `lang`, and `dir`, which also isolates it from the page's direction (the
/// HTML rendering rules give `[dir]` `unicode-bidi: isolate`), so a
/// right-to-left page keeps a left-to-right name's punctuation in place.
extension PageBuilder {
    /// The language a term's name comes from when a reader of `language`
    /// sees it (its fallback chain), nil when it is `language` itself or
    /// when no language names it (the id is shown).
    func nameLanguage(of term: GuideConfig.Term, in language: String) -> String? {
        if term.names[language] != nil { return nil }
        return config.fallbackChain(for: language).first { term.names[$0] != nil }
    }

    /// A term's name and the language it is in, when not `language`.
    func termLabel(_ id: String, in list: [GuideConfig.Term], language: String) -> (text: String, lang: String?) {
        guard let term = list.first(where: { $0.id == id }) else { return (id, nil) }
        if let name = term.names[language] { return (name, nil) }
        return (model.guide.name(of: term, in: language), nameLanguage(of: term, in: language))
    }

    /// `lang` and `dir` values for a fragment in `fragment` shown on a
    /// `page` page: both `false` when they are the same language.
    func languageMarks(_ fragment: String?, page: String) -> (lang: TemplateValue, dir: TemplateValue) {
        guard let fragment, fragment != page else { return (false, false) }
        return (.string(fragment), .string(direction(fragment)))
    }
}
