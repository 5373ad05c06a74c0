import GuideModel
import JSON

extension PageBuilder {
    /// A helpline's contact details for templates: channels as `tel:`,
    /// `sms:`, `mailto:` or web links, with schema.org ContactPoint fields.
    func helpline(_ shown: LocalizedEntry, from page: String) -> [String: Any] {
        let language = shown.language
        let s = strings.strings(language)
        func value(_ key: String) -> JSONValue? { model.field(key, of: shown)?.value }
        let purpose = value("purpose")?.stringValue ?? ""
        let country = value("country")?.stringValue ?? ""
        var result: [String: Any] = [
            "title": shown.file.string("title") ?? shown.entry.id,
            "href": SitePaths.link(from: page, to: SitePaths.entry(language, .helplines, shown.entry.id)),
            "purpose": s["purpose_\(purpose)"] ?? purpose,
            "is_emergency": purpose == "emergency",
            "country_code": country,
            "country": termName(country, in: config.countries, language: language),
            "country_href": SitePaths.link(from: page, to: SitePaths.term(language, "countries", country)),
            "fallback_lang": false, "organisation": false, "anonymous": false, "source": false,
        ]
        if shown.isFallback { result["fallback_lang"] = shown.file.language }
        if let organisation = value("organisation")?.stringValue { result["organisation"] = organisation }
        let languages = (value("languages")?.arrayValue ?? []).compactMap(\.stringValue)
        result["answer_languages"] = languages.isEmpty ? s["not_stated"] ?? "" : languages.map { config.language($0)?.name ?? $0 }.joined(separator: ", ")
        if let anonymous = value("anonymous")?.boolValue { result["anonymous"] = anonymous ? s["yes"] ?? "" : s["no"] ?? "" }
        result["verified_on"] = value("verified_on")?.stringValue ?? ""
        if let source = value("source"), let url = source["url"]?.stringValue {
            result["source"] = ["title": source["title"]?.stringValue ?? url, "url": url,
                                "publisher": source["publisher"]?.stringValue ?? ""]
        }
        result["channels"] = (value("channels")?.arrayValue ?? []).compactMap { channel($0, language: language) }
        return result
    }

    private func channel(_ value: JSONValue, language: String) -> [String: Any]? {
        let s = strings.strings(language)
        guard let type = value["type"]?.stringValue, let raw = value["value"]?.stringValue else { return nil }
        var channel: [String: Any] = [
            "type": type, "type_label": s["channel_\(type)"] ?? type, "value": raw,
            "hours": value["hours"]?.stringValue ?? s["not_stated"] ?? "",
            "href": false, "from_abroad": false, "telephone": false, "email": false, "external": false,
        ]
        if let abroad = value["reachable_from_abroad"]?.boolValue {
            channel["from_abroad"] = abroad ? s["yes"] ?? "" : s["no"] ?? ""
        }
        let digits = raw.filter { $0.isNumber || $0 == "+" }
        switch type {
        case "phone", "toll-free":
            channel["display"] = Self.displayPhone(raw)
            channel["href"] = "tel:" + digits
            channel["telephone"] = true
        case "sms":
            channel["display"] = Self.displayPhone(raw)
            channel["href"] = "sms:" + digits
            channel["telephone"] = true
        case "whatsapp":
            channel["display"] = Self.displayPhone(raw)
            channel["href"] = "https://wa.me/" + digits.filter(\.isNumber)
            channel["external"] = true
        case "email":
            channel["display"] = raw
            channel["href"] = "mailto:" + raw
            channel["email"] = true
        case "web":
            channel["display"] = raw
            channel["href"] = raw
            channel["url"] = true
            channel["external"] = true
        default:
            channel["display"] = raw
        }
        return channel
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
