import GuideModel
import JSON
import Schema

/// A helpline's channels with links to open them, and a schema.org
/// ContactPoint built from them. Only what the source states is given:
/// hours and languages are left out when not stated, never guessed.
enum HelplineContact {
    static let phoneLike: Set<String> = ["phone", "toll-free", "whatsapp", "sms"]

    /// Each channel as written, with `e164` (for phone-like channels: whether
    /// the value is an E.164 number rather than a short code) and `uri`.
    static func channels(of file: EntryFile) -> [JSONValue] {
        (file.frontMatter["channels"]?.arrayValue ?? []).compactMap { channel in
            guard var o = channel.objectValue, let type = channel["type"]?.stringValue,
                let value = channel["value"]?.stringValue
            else { return nil }
            if phoneLike.contains(type) { o["e164"] = .bool(isE164(value)) }
            o["uri"] = uri(type: type, value: value).json
            return .object(o)
        }
    }

    /// `tel:`, `sms:`, `mailto:` or `https:` to open a channel; nil for
    /// channels without a standard link (messenger accounts).
    static func uri(type: String, value: String) -> String? {
        switch type {
        case "phone", "toll-free": return "tel:" + value
        case "sms": return "sms:" + value
        case "whatsapp": return isE164(value) ? "https://wa.me/" + value.dropFirst() : nil
        case "email": return "mailto:" + value
        case "web": return value.hasPrefix("https://") || value.hasPrefix("http://") ? value : nil
        default: return nil
        }
    }

    /// `+` then 7 to 15 digits, the first not 0.
    static func isE164(_ value: String) -> Bool {
        let digits = value.dropFirst()
        return value.hasPrefix("+") && (7...15).contains(digits.count) && digits.first != "0"
            && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A schema.org ContactPoint: `telephone` from the first phone or
    /// toll-free channel (WhatsApp and SMS numbers are not offered for calls),
    /// `email` and `url` from the first such channels.
    static func contactPoint(of file: EntryFile) -> JSONValue {
        let channels = file.frontMatter["channels"]?.arrayValue ?? []
        func first(_ types: Set<String>) -> JSONValue? {
            channels.first { $0["type"]?.stringValue.map(types.contains) ?? false }
        }
        let phone = first(["phone", "toll-free"])
        var o = JSONObject()
        o["@context"] = .string("https://schema.org")
        o["@type"] = .string("ContactPoint")
        o["contactType"] = file.frontMatter["purpose"]
        o["areaServed"] = file.frontMatter["country"]
        if let phone {
            o["telephone"] = phone["value"]
            if phone["type"]?.stringValue == "toll-free" { o["contactOption"] = .string("TollFree") }
            if let hours = phone["hours"]?.stringValue {
                o["hoursAvailable"] = object([
                    "@type": .string("OpeningHoursSpecification"),
                    "description": .string(hours),
                ])
            }
        }
        o["email"] = first(["email"])?["value"]
        if let web = first(["web"])?["value"]?.stringValue, uri(type: "web", value: web) != nil {
            o["url"] = .string(web)
        }
        if let languages = file.frontMatter["languages"]?.arrayValue, !languages.isEmpty {
            o["availableLanguage"] = .array(languages)
        }
        return .object(o)
    }

    /// The schema.org Organization that runs the line, with the ContactPoint
    /// under it: `name` and `url` only when the editors state them
    /// (`organisation`, `organisation_url`), never a guess.
    static func organization(of file: EntryFile, contactPoint: JSONValue) -> JSONValue {
        var point = contactPoint.objectValue ?? JSONObject()
        point["@context"] = nil
        return object([
            "@context": .string("https://schema.org"),
            "@type": .string("Organization"),
            "name": file.frontMatter["organisation"],
            "url": file.frontMatter["organisation_url"],
            "contactPoint": .object(point),
        ])
    }

    /// How fresh the numbers are on the day of the build: the source's date,
    /// the guide's window, the first day they count as stale, and whether
    /// that day has come.
    static func freshness(_ freshness: HelplineFreshness) -> JSONValue {
        let staleFrom = FullDate(daysSinceEpoch: freshness.verifiedOn.daysSinceEpoch + freshness.maxAgeDays + 1)
        return object([
            "verified_on": .string(freshness.verifiedOn.description),
            "max_age_days": .int(freshness.maxAgeDays),
            "stale_from": .string(staleFrom.description),
            "stale": .bool(freshness.isStale),
        ])
    }
}
