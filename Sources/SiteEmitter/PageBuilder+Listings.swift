import Foundation
import GuideModel
import Templating

extension PageBuilder {
    /// The language's home page: what the guide is, how to use it, the touchpoints.
    func homePage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.home(language)
        let title = config.title[language] ?? config.title[model.source] ?? ""
        var context = base(page: page, language: language, title: title) { SitePaths.home($0) }
        context["is_home"] = true
        let description = config.description[language] ?? config.description[model.source] ?? ""
        context["description"] = .string(description)
        if config.description[language] == nil { context["description_lang"] = .string(model.source) }
        context["touchpoint_links"] = .list(
            config.touchpoints.map { term -> TemplateValue in
                let marks = languageMarks(nameLanguage(of: term, in: language), page: language)
                return [
                    "text": .string(model.guide.name(of: term, in: language)), "value_lang": marks.lang,
                    "value_dir": marks.dir,
                    "href": .string(SitePaths.link(from: page, to: SitePaths.term(language, "touchpoints", term.id))),
                    "count": .int(indicators(at: term.id, in: language).count),
                ]
            })
        context["type_links"] = .list(
            EntryType.allCases.map { type -> TemplateValue in
                [
                    "text": .string(strings.strings(language)["type_\(type.rawValue)"] ?? type.rawValue),
                    "href": .string(SitePaths.link(from: page, to: SitePaths.typeListing(language, type))),
                    "count": .int(model.entries(of: type, in: language).count),
                ]
            })
        context["role_links"] = .list(termLinks(config.roles.map(\.id), group: "roles", from: page, language: language))
        context["glossary_href"] = glossaryLink(from: page, language: language)
        context["emergency_countries"] = .list(emergencyCountries(from: page, language: language))
        return (page, context)
    }

    /// All entries of one type (indicators by category, helplines by country).
    func typePage(_ type: EntryType, _ language: String) -> (path: String, context: Context) {
        let page = SitePaths.typeListing(language, type)
        let s = strings.strings(language)
        let title = s["type_\(type.rawValue)"] ?? type.rawValue
        var context = base(page: page, language: language, title: title) { SitePaths.typeListing($0, type) }
        let entries = model.entries(of: type, in: language)
        var sections: [TemplateValue] = []
        switch type {
        case .indicators:
            for category in config.categories {
                let inCategory = entries.filter { model.field("category", of: $0)?.value.stringValue == category.id }
                if inCategory.isEmpty { continue }
                let marks = languageMarks(nameLanguage(of: category, in: language), page: language)
                sections.append([
                    "heading": .string(model.guide.name(of: category, in: language)),
                    "id": .string("category-\(category.id)"),
                    "heading_lang": marks.lang, "heading_dir": marks.dir,
                    "cards": .list(
                        inCategory.compactMap {
                            renderedCard($0.entry.reference, from: page, language: language, filterable: true)
                        }),
                ])
            }
            let known = Set(config.categories.map(\.id))
            let other = entries.filter { !known.contains(model.field("category", of: $0)?.value.stringValue ?? "") }
            if !other.isEmpty {
                sections.append([
                    "heading": false, "id": false,
                    "cards": .list(
                        other.compactMap {
                            renderedCard($0.entry.reference, from: page, language: language, filterable: true)
                        }),
                ])
            }
            context["filters"] = .list(filters(language))
            context["filter_script"] = .string(SitePaths.rootPrefix(of: page) + "assets/filter.js")
        case .helplines:
            for country in config.countries {
                let inCountry = helplines(in: country.id, language: language)
                if inCountry.isEmpty { continue }
                let marks = languageMarks(nameLanguage(of: country, in: language), page: language)
                sections.append([
                    "heading": .string(model.guide.name(of: country, in: language)),
                    "id": .string("country-\(country.id)"),
                    "heading_lang": marks.lang, "heading_dir": marks.dir,
                    "cards": .list(inCountry.compactMap { helplineCard($0, from: page) }),
                ])
            }
        default:
            sections.append([
                "heading": false, "id": false,
                "cards": .list(entries.compactMap { renderedCard($0.entry.reference, from: page, language: language) }),
            ])
        }
        context["sections"] = .list(sections)
        context["empty"] = .bool(entries.isEmpty)
        return (page, context)
    }

    /// The indicator list's filters (touchpoint, role, category, country),
    /// each a `<select>` the page's script applies; hidden without scripts.
    func filters(_ language: String) -> [TemplateValue] {
        let s = strings.strings(language)
        let groups: [(key: String, label: String, terms: [GuideConfig.Term])] = [
            ("touchpoints", "touchpoints", config.touchpoints), ("roles", "field_observers", config.roles),
            ("category", "field_category", config.categories), ("countries", "countries", config.countries),
        ]
        return groups.map { group in
            [
                "key": .string(group.key), "label": .string(s[group.label] ?? group.label),
                "all": .string(s["filter_all"] ?? ""),
                "options": .list(
                    group.terms.map { term in
                        let marks = languageMarks(nameLanguage(of: term, in: language), page: language)
                        return [
                            "id": .string(term.id), "name": .string(model.guide.name(of: term, in: language)),
                            "lang": marks.lang, "dir": marks.dir,
                        ]
                    }),
            ]
        }
    }

    /// The list of touchpoints, roles or countries.
    func groupPage(_ group: String, _ language: String) -> (path: String, context: Context) {
        let page = SitePaths.groupIndex(language, group)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s[group] ?? group) { SitePaths.groupIndex($0, group) }
        context["terms"] = .list(
            terms(group).map { term -> TemplateValue in
                let marks = languageMarks(nameLanguage(of: term, in: language), page: language)
                return [
                    "text": .string(model.guide.name(of: term, in: language)), "value_lang": marks.lang,
                    "value_dir": marks.dir,
                    "href": .string(SitePaths.link(from: page, to: SitePaths.term(language, group, term.id))),
                ]
            })
        return (page, context)
    }

    /// One touchpoint, role or country: the indicators, protocols and helplines for it.
    func termPage(_ group: String, _ term: GuideConfig.Term, _ language: String) -> (path: String, context: Context) {
        let page = SitePaths.term(language, group, term.id)
        let s = strings.strings(language)
        let name = model.guide.name(of: term, in: language)
        var context = base(page: page, language: language, title: name) { SitePaths.term($0, group, term.id) }
        let marks = languageMarks(nameLanguage(of: term, in: language), page: language)
        context["title_lang"] = marks.lang
        context["title_dir"] = marks.dir
        context["parent_label"] = .string(s[group] ?? group)
        context["parent_href"] = .string(SitePaths.link(from: page, to: SitePaths.groupIndex(language, group)))
        var sections: [TemplateValue] = []
        func section(_ key: String, _ id: String, _ cards: [TemplateValue]) {
            sections.append([
                "heading": .string(s[key] ?? key), "id": .string(id), "cards": .list(cards),
                "empty": .bool(cards.isEmpty),
                "empty_text": .string(s["no_entries"] ?? ""),
            ])
        }
        switch group {
        case "touchpoints":
            section(
                "indicators_here", "indicators",
                indicators(at: term.id, in: language).compactMap {
                    renderedCard($0.entry.reference, from: page, language: language)
                })
            section(
                "protocols_here", "protocols",
                entries(.protocols, in: language, listing: "touchpoints", term.id)
                    .compactMap { renderedCard($0.entry.reference, from: page, language: language) })
        case "roles":
            section(
                "indicators_for_role", "indicators",
                entries(.indicators, in: language, listing: "observers", term.id)
                    .compactMap { renderedCard($0.entry.reference, from: page, language: language) })
            section(
                "protocols_for_role", "protocols",
                entries(.protocols, in: language, listing: "roles", term.id)
                    .compactMap { renderedCard($0.entry.reference, from: page, language: language) })
        default:
            context["is_country"] = true
            context["country_numbers"] = emergencyCountry(term, from: page, language: language)
            section(
                "helplines_in_country", "helplines",
                helplines(in: term.id, language: language).compactMap { helplineCard($0, from: page) })
            let specific = EntryType.allCases.filter { $0 != .helplines }
                .flatMap { entries($0, in: language, listing: "jurisdictions", term.id) }
            if !specific.isEmpty {
                section(
                    "entries_for_country", "specific",
                    specific.compactMap { renderedCard($0.entry.reference, from: page, language: language) })
            }
        }
        context["sections"] = .list(sections)
        return (page, context)
    }

    /// The search page; the index is a script beside it.
    func searchPage(_ language: String) -> (path: String, context: Context) {
        let page = SitePaths.search(language)
        let s = strings.strings(language)
        var context = base(page: page, language: language, title: s["search_heading"] ?? "") { SitePaths.search($0) }
        context["is_search"] = true
        context["index_src"] = "index.js"
        context["search_script"] = .string(SitePaths.rootPrefix(of: page) + "assets/search.js")
        return (page, context)
    }

    /// The root page: pick a language.
    func rootPage() -> (path: String, context: Context) {
        let page = "index.html"
        let source = model.source
        var context = base(page: page, language: source, title: config.title[source] ?? "") { SitePaths.home($0) }
        context["is_root"] = true
        context["x_default"] = .string(address(of: "index.html", root: ""))
        context["choices"] = .list(languageChoices(root: ""))
        context["choose_script"] = "assets/choose-language.js"
        return (page, context)
    }

    // MARK: Selections

    func indicators(at touchpoint: String, in language: String) -> [LocalizedEntry] {
        entries(.indicators, in: language, listing: "touchpoints", touchpoint)
    }

    /// Entries of `type` shown in `language` whose list field `key` holds
    /// `id`, in list order (each language's lists indexed once, see `termLists`).
    func entries(_ type: EntryType, in language: String, listing key: String, _ id: String) -> [LocalizedEntry] {
        termLists.value(for: "\(language)|\(type.rawValue)|\(key)") {
            var lists: [String: [LocalizedEntry]] = [:]
            for shown in model.entries(of: type, in: language) {
                var seen: Set<String> = []
                for value in model.field(key, of: shown)?.value.arrayValue ?? [] {
                    if let term = value.stringValue, seen.insert(term).inserted {
                        lists[term, default: []].append(shown)
                    }
                }
            }
            return lists
        }[id] ?? []
    }

    /// Helplines of a country, emergency lines first, then by id.
    func helplines(in country: String, language: String) -> [LocalizedEntry] {
        let all =
            termLists.value(for: "\(language)|helplines|country") {
                var lists: [String: [LocalizedEntry]] = [:]
                for shown in model.entries(of: .helplines, in: language) {
                    if let country = model.field("country", of: shown)?.value.stringValue {
                        lists[country, default: []].append(shown)
                    }
                }
                return lists
            }[country] ?? []
        let emergency = all.filter { model.field("purpose", of: $0)?.value.stringValue == "emergency" }
        return emergency + all.filter { model.field("purpose", of: $0)?.value.stringValue != "emergency" }
    }

    func helplineCard(_ shown: LocalizedEntry, from page: String) -> TemplateValue? {
        renderedCard(shown.entry.reference, from: page, language: shown.language, contact: true)
    }
}
