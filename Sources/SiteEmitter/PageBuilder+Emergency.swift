import GuideModel
import JSON
import Templating

/// "Emergency first": each country's emergency number and anti-trafficking
/// line as one-tap links on every language's home page (and on the country's
/// page); where the guide has no such number from a public source, a plain
/// sentence says so instead of a gap.
extension PageBuilder {
    /// The countries with their emergency and reporting lines, for `page`.
    func emergencyCountries(from page: String, language: String) -> [TemplateValue] {
        config.countries.map { country in emergencyCountry(country, from: page, language: language) }
    }

    func emergencyCountry(_ country: GuideConfig.Term, from page: String, language: String) -> TemplateValue {
        let s = strings.strings(language)
        let name = model.guide.name(of: country, in: language)
        let marks = languageMarks(nameLanguage(of: country, in: language), page: language)
        var emergency: [TemplateValue] = []
        var report: [TemplateValue] = []
        for entry in model.guide.helplines(of: country.id, drafts: model.drafts) {
            guard
                let shown = model.shown(entry.reference, in: language)
                    ?? model.guide.localized(entry, in: model.source, drafts: model.drafts)
            else { continue }
            switch model.field("purpose", of: shown)?.value.stringValue {
            case "emergency": emergency.append(numberLine(shown, from: page, language: language))
            case "report": report.append(numberLine(shown, from: page, language: language))
            default: continue
            }
        }
        return [
            "name": .string(name), "name_lang": marks.lang, "name_dir": marks.dir, "code": .string(country.id),
            "href": .string(SitePaths.link(from: page, to: SitePaths.term(language, "countries", country.id))),
            "all_numbers": .string(s.format("all_numbers_for", ["country": name])),
            "emergency": .list(emergency), "report": .list(report),
            "no_emergency": emergency.isEmpty ? .string(s.format("no_emergency_number", ["country": name])) : false,
            "no_report": report.isEmpty ? .string(s.format("no_report_line", ["country": name])) : false,
        ]
    }

    /// One helpline as a line to tap: its first phone number (else its
    /// first other channel), with its freshness.
    private func numberLine(_ shown: LocalizedEntry, from page: String, language: String) -> TemplateValue {
        let s = strings.strings(language)
        let channels = model.field("channels", of: shown)?.value.arrayValue ?? []
        let voice = channels.first { ["phone", "toll-free"].contains($0["type"]?.stringValue ?? "") }
        let chosen = voice ?? channels.first
        let type = chosen?["type"]?.stringValue ?? ""
        let raw = chosen?["value"]?.stringValue ?? ""
        let digits = raw.filter { $0.isNumber || $0 == "+" }
        let href: String
        switch type {
        case "phone", "toll-free": href = "tel:" + digits
        case "sms": href = "sms:" + digits
        case "whatsapp": href = "https://wa.me/" + digits.filter(\.isNumber)
        case "email": href = "mailto:" + raw
        case "web": href = raw
        default: href = ""
        }
        let title = shown.file.string("title") ?? shown.entry.id
        let marks = languageMarks(shown.file.language, page: language)
        let purpose = model.field("purpose", of: shown)?.value.stringValue ?? ""
        return [
            "title": .string(title), "title_lang": marks.lang, "title_dir": marks.dir,
            "purpose": .string(s["purpose_\(purpose)"] ?? purpose), "is_emergency": .bool(purpose == "emergency"),
            "page_href": .string(SitePaths.link(from: page, to: SitePaths.entry(language, .helplines, shown.entry.id))),
            "display": .string(
                type == "phone" || type == "toll-free" || type == "sms" || type == "whatsapp"
                    ? Self.displayPhone(raw) : raw),
            "href": href.isEmpty ? false : .string(href), "channel": .string(s["channel_\(type)"] ?? type),
            "is_voice": .bool(voice != nil),
            "no_voice": voice == nil ? .string(s["no_phone_number"] ?? "") : false,
            "stale": stale(shown, short: true),
        ]
    }
}
