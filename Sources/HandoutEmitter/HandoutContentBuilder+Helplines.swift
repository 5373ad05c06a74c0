import GuideModel

extension HandoutContentBuilder {
    /// A helpline with what its source states (anonymous, free of charge, hours, languages),
    /// its verification date, and a "check before use" line when it is past the re-check window.
    func helpline(
        _ entry: Entry, source: EntryFile, shown: EntryFile, title: String, notice: String?,
        body: [RichBlock]
    ) -> HelplineItem {
        let rawChannels = source.frontMatter["channels"]?.arrayValue ?? []
        let channels = rawChannels.compactMap { channel -> HelplineChannel? in
            guard let type = channel["type"]?.stringValue, let value = channel["value"]?.stringValue else { return nil }
            return HelplineChannel(
                typeLabel: strings.optional("channels.\(type)") ?? type,
                value: PhoneNumber.isNumber(type: type) ? PhoneNumber.display(value) : value,
                url: PhoneNumber.link(type: type, value: value), hours: channel["hours"]?.stringValue,
                isNumber: PhoneNumber.isNumber(type: type))
        }
        let languages = source.strings("languages").map(languageName)
        var facts: [String] = []
        if source.frontMatter["anonymous"]?.boolValue == true { facts.append(strings["anonymous"]) }
        if rawChannels.contains(where: { $0["type"]?.stringValue == "toll-free" }) {
            facts.append(strings["free_of_charge"])
        }
        // Hours as the source gives them, once when every channel has the same.
        let hours = Set(channels.compactMap(\.hours))
        if hours.count == 1, let only = hours.first, channels.allSatisfy({ $0.hours != nil }) {
            facts.append("\(strings["hours"]): \(only)")
        }
        if !languages.isEmpty { facts.append("\(strings["languages"]): \(languages.joined(separator: ", "))") }
        let freshness = guide.freshness(of: entry, today: today)
        let purpose = source.string("purpose")
        return HelplineItem(
            anchor: entry.reference.description, source: shown.path, name: title,
            organisation: source.string("organisation"),
            channels: channels, languages: languages, qrLink: QRPayload.helplineLink(source), body: body,
            notice: notice,
            country: source.string("country"), purpose: purpose,
            purposeLabel: purpose.flatMap { strings.optional("purposes.\($0)") }, facts: facts,
            verification: freshness.map { strings.filled("verified", ["date": $0.verifiedOn.description]) },
            staleWarning: freshness.flatMap {
                $0.isStale ? strings.filled("check_before_use", ["days": String($0.maxAgeDays)]) : nil
            })
    }

    /// Every helpline the handout prints, grouped by country (as guide.yml lists them),
    /// emergency numbers first; a country without one says so. A handout for a country prints
    /// only that country's helplines (its protocols may name others').
    func whoToCall(_ sections: [HandoutSection]) -> [HelplineGroup] {
        let all = HelplineCollector.helplines(in: sections).filter { helpline in
            definition.country.map { helpline.country == $0 } ?? true
        }
        var countries: [String] = definition.country.map { [$0] } ?? []
        for code in config.countries.map(\.id) + all.compactMap(\.country) where !countries.contains(code) {
            if all.contains(where: { $0.country == code }) { countries.append(code) }
        }
        var groups: [HelplineGroup] = countries.map { code in
            let list = all.filter { $0.country == code }
            let name = config.countries.first { $0.id == code }.map { guide.name(of: $0, in: language) } ?? code
            let missing =
                guide.hasEmergencyNumber(code, drafts: drafts)
                ? nil : strings.filled("no_emergency_number", ["country": name])
            return HelplineGroup(
                anchor: "who-to-call/\(code)", title: name,
                helplines: list.filter(\.isEmergency) + list.filter { !$0.isEmergency },
                noEmergencyNumber: missing)
        }
        let other = all.filter { $0.country == nil }
        if !other.isEmpty { groups.append(HelplineGroup(anchor: "who-to-call/other", title: "", helplines: other)) }
        return groups
    }

    // MARK: Links and QR code

    /// The page of an entry on the site, in the language its text is shown in.
    func pageURL(_ reference: Reference) -> String {
        let shownLanguage =
            guide.entry(reference.entry).flatMap { guide.localized($0, in: language, drafts: drafts) }?.file.language
            ?? language
        return PageAddress.url(reference, language: shownLanguage, config: config)
    }

    /// References link inside a booklet that includes their entry, else to the site; web,
    /// mail and phone links stay as they are; anything else (a media path) is plain text.
    func linkTarget(_ destination: String, booklet: Bool, anchors: Set<String>) -> LinkTarget? {
        if let reference = Reference(parsing: destination) {
            if booklet, anchors.contains(reference.entry.description) { return .anchor(reference.entry.description) }
            return guide.entry(reference.entry) == nil ? nil : .url(pageURL(reference))
        }
        let lower = destination.lowercased()
        if ["https://", "http://", "mailto:", "tel:"].contains(where: lower.hasPrefix) { return .url(destination) }
        return nil
    }

    /// What the QR code opens, and the caption printed under it: the address without its scheme,
    /// or the number to dial.
    func qr() -> (String?, String) {
        switch definition.qr {
        case nil:
            return (nil, "")
        case .home:
            let url = PageAddress.base(config) + "\(language)/"
            return (url, Self.withoutScheme(url))
        case .entry(let reference):
            guard reference.type == .helplines else {
                let url = pageURL(reference)
                return (url, Self.withoutScheme(url))
            }
            guard let file = guide.entry(reference.entry).flatMap(guide.sourceFile(of:)),
                let link = QRPayload.helplineLink(file)
            else { return (nil, "") }
            // The number on a line of its own, its groups joined by no-break spaces: a caption as
            // narrow as the code must never split a number.
            func caption(_ label: String, _ value: String?) -> String {
                guard let value else { return label }
                return label + "\n" + PhoneNumber.display(value).replacingOccurrences(of: " ", with: "\u{00A0}")
            }
            if link.hasPrefix("tel:") { return (link, caption(strings["channels.phone"], String(link.dropFirst(4)))) }
            let whatsapp = (file.frontMatter["channels"]?.arrayValue ?? [])
                .first { $0["type"]?.stringValue == "whatsapp" }?["value"]?.stringValue
            return (link, caption(strings["channels.whatsapp"], whatsapp))
        }
    }

    private static func withoutScheme(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }
}
