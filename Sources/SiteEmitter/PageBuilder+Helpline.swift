import GuideModel
import JSON
import Schema
import Templating

extension PageBuilder {
    /// A helpline's contact details for templates: channels as `tel:`,
    /// `sms:`, `mailto:` or web links, with schema.org ContactPoint fields.
    func helpline(_ shown: LocalizedEntry, from page: String) -> Context {
        let language = shown.language
        let s = strings.strings(language)
        func value(_ key: String) -> JSONValue? { model.field(key, of: shown)?.value }
        let purpose = value("purpose")?.stringValue ?? ""
        let country = value("country")?.stringValue ?? ""
        let countryLabel = termLabel(country, in: config.countries, language: language)
        let countryMarks = languageMarks(countryLabel.lang, page: language)
        var result: Context = [
            "title": .string(shown.file.string("title") ?? shown.entry.id),
            "href": .string(SitePaths.link(from: page, to: SitePaths.entry(language, .helplines, shown.entry.id))),
            "purpose": .string(s["purpose_\(purpose)"] ?? purpose),
            "is_emergency": .bool(purpose == "emergency"),
            "country_code": .string(country),
            "country": .string(countryLabel.text), "country_lang": countryMarks.lang, "country_dir": countryMarks.dir,
            "country_href": .string(SitePaths.link(from: page, to: SitePaths.term(language, "countries", country))),
            "fallback_lang": false, "organisation": false, "organisation_url": false, "anonymous": false,
            "source": false,
        ]
        if shown.isFallback {
            result["fallback_lang"] = .string(shown.file.language)
            result["fallback_dir"] = .string(direction(shown.file.language))
        }
        result["stale"] = stale(shown)
        if let organisation = value("organisation")?.stringValue { result["organisation"] = .string(organisation) }
        // The schema.org Organization the ContactPoint belongs to: its address only when the editors give one.
        if let url = value("organisation_url")?.stringValue { result["organisation_url"] = .string(url) }
        let languages = (value("languages")?.arrayValue ?? []).compactMap(\.stringValue)
        result["answer_languages"] = .string(
            languages.isEmpty
                ? s["not_stated"] ?? "" : languages.map { config.language($0)?.name ?? $0 }.joined(separator: ", "))
        if let anonymous = value("anonymous")?.boolValue {
            result["anonymous"] = .string(anonymous ? s["yes"] ?? "" : s["no"] ?? "")
        }
        result["verified_on"] = .string(value("verified_on")?.stringValue ?? "")
        if let source = value("source"), let url = source["url"]?.stringValue {
            result["source"] = [
                "title": .string(source["title"]?.stringValue ?? url), "url": .string(url),
                "publisher": .string(source["publisher"]?.stringValue ?? ""),
            ]
        }
        let channels = model.field("channels", of: shown)
        let hoursMarks = languageMarks(channels?.language, page: language)
        let list = (channels?.value.arrayValue ?? []).compactMap {
            channel($0, language: language, hoursMarks: hoursMarks)
        }
        result["channels"] = .list(list)
        let types = (channels?.value.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        result["no_voice"] =
            types.contains { $0 == "phone" || $0 == "toll-free" } ? false : .string(s["no_phone_number"] ?? "")
        return result
    }

    /// A warning for a number past the guide's re-check window
    /// (`helpline_max_age_days`), with its date; `false` while it is fresh.
    /// `short`: one line, where many numbers are listed (the home page).
    func stale(_ shown: LocalizedEntry, short: Bool = false) -> TemplateValue {
        guard let freshness = model.guide.freshness(of: shown.entry, today: today), freshness.isStale else {
            return false
        }
        let s = strings.strings(shown.language)
        let date = freshness.verifiedOn.description
        return [
            "date": .string(date), "label": .string(s["stale_label"] ?? ""),
            "text": .string(s.format(short ? "stale_short" : "stale_warning", ["date": date])),
        ]
    }

    private func channel(_ value: JSONValue, language: String, hoursMarks: (lang: TemplateValue, dir: TemplateValue))
        -> TemplateValue?
    {
        let s = strings.strings(language)
        guard let type = value["type"]?.stringValue, let raw = value["value"]?.stringValue else { return nil }
        var channel: Context = [
            "type": .string(type), "type_label": .string(s["channel_\(type)"] ?? type), "value": .string(raw),
            "hours": .string(value["hours"]?.stringValue ?? s["not_stated"] ?? ""),
            "hours_lang": value["hours"] == nil ? false : hoursMarks.lang,
            "hours_dir": value["hours"] == nil ? false : hoursMarks.dir,
            "href": false, "from_abroad": false, "telephone": false, "email": false, "external": false,
        ]
        if let abroad = value["reachable_from_abroad"]?.boolValue {
            channel["from_abroad"] = .string(abroad ? s["yes"] ?? "" : s["no"] ?? "")
        }
        let digits = raw.filter { $0.isNumber || $0 == "+" }
        switch type {
        case "phone", "toll-free":
            channel["display"] = .string(Self.displayPhone(raw))
            channel["href"] = .string("tel:" + digits)
            channel["telephone"] = true
        case "sms":
            channel["display"] = .string(Self.displayPhone(raw))
            channel["href"] = .string("sms:" + digits)
            channel["telephone"] = true
        case "whatsapp":
            channel["display"] = .string(Self.displayPhone(raw))
            channel["href"] = .string("https://wa.me/" + digits.filter(\.isNumber))
            channel["external"] = true
        case "email":
            channel["display"] = .string(raw)
            channel["href"] = .string("mailto:" + raw)
            channel["email"] = true
        case "web":
            channel["display"] = .string(raw)
            channel["href"] = .string(raw)
            channel["url"] = true
            channel["external"] = true
        default:
            channel["display"] = .string(raw)
        }
        return .object(channel)
    }

    /// E.164 numbers grouped for reading (`+1 809 200 7393`); others as written.
    static func displayPhone(_ raw: String) -> String {
        guard raw.hasPrefix("+"), raw.dropFirst().allSatisfy(\.isNumber) else { return raw }
        let digits = Array(raw.dropFirst())
        if digits.first == "1", digits.count == 11 {
            return "+1 \(String(digits[1..<4])) \(String(digits[4..<7])) \(String(digits[7...]))"
        }
        if digits.count == 10, raw.hasPrefix("+297") {
            return "+297 \(String(digits[3..<6])) \(String(digits[6...]))"
        }
        return raw
    }
}
