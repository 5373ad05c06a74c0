/// One way to reach a helpline.
public struct HelplineChannel: Sendable, Hashable, Encodable {
    /// Localised label: "Phone", "WhatsApp", "E-mail" …
    public var typeLabel: String
    /// The value exactly as it should be printed, e.g. "+1 868 800 4321".
    public var value: String
    /// What a click or QR scan opens: `tel:+18688004321`, `https://wa.me/…`.
    public var url: String?
    /// Opening hours as the source gives them; `nil` when not stated (never guessed).
    public var hours: String?
    /// Whether the value is a number to print large (phone, toll-free, SMS, WhatsApp).
    public var isNumber: Bool

    public init(typeLabel: String, value: String, url: String? = nil, hours: String? = nil, isNumber: Bool = true) {
        self.typeLabel = typeLabel
        self.value = value
        self.url = url
        self.hours = hours
        self.isNumber = isNumber
    }
}

/// A helpline of one country, with what its source says about it, already in the handout's
/// language.
public struct HelplineItem: Sendable, Hashable, Encodable {
    public var anchor: String
    public var source: String
    public var name: String
    public var organisation: String?
    public var channels: [HelplineChannel]
    /// Languages spoken, already localised; empty when the source does not say.
    public var languages: [String]
    /// What this helpline's QR code opens (a `tel:` or WhatsApp link); when `nil`, the first
    /// channel that has a link.
    public var qrLink: String?
    /// The helpline's page body (how to contact, notes), printed in the booklet only.
    public var body: [RichBlock]
    /// Shown with the helpline when it is printed in another language than the handout's.
    public var notice: String?
    /// ISO 3166-1 code of the country it serves.
    public var country: String?
    /// `emergency`, `report`, `child-protection`, `victim-support`.
    public var purpose: String?
    /// The purpose as a label ("Emergency"), when the strings have one.
    public var purposeLabel: String?
    /// What the source states, as short phrases: "Anonymous", "Free of charge", "Hours: 24/7",
    /// "Languages: Español, English". Nothing the source does not say.
    public var facts: [String]
    /// "Verified 2016-09-05": printed with every number.
    public var verification: String?
    /// A "check before use" line when the number is past the guide's re-check window.
    public var staleWarning: String?

    public init(
        anchor: String, source: String, name: String, organisation: String? = nil,
        channels: [HelplineChannel], languages: [String] = [], qrLink: String? = nil,
        body: [RichBlock] = [], notice: String? = nil, country: String? = nil, purpose: String? = nil,
        purposeLabel: String? = nil, facts: [String] = [], verification: String? = nil,
        staleWarning: String? = nil
    ) {
        self.anchor = anchor
        self.source = source
        self.name = name
        self.organisation = organisation
        self.channels = channels
        self.languages = languages
        self.qrLink = qrLink
        self.body = body
        self.notice = notice
        self.country = country
        self.purpose = purpose
        self.purposeLabel = purposeLabel
        self.facts = facts
        self.verification = verification
        self.staleWarning = staleWarning
    }

    /// The link a QR code for this helpline should open.
    var primaryURL: String? { qrLink ?? channels.lazy.compactMap(\.url).first }

    var isEmergency: Bool { purpose == "emergency" }
}

/// "Who to call" for one country: its helplines, emergency numbers first, or a plain statement
/// that the guide has no emergency number for it.
public struct HelplineGroup: Sendable, Hashable, Encodable {
    /// `who-to-call/DO`: the destination protocols link to in a booklet.
    public var anchor: String
    /// The country's name in the handout's language (empty for helplines without a country).
    public var title: String
    public var helplines: [HelplineItem]
    /// "No public source … gives an emergency number for Aruba.", when the guide has none.
    public var noEmergencyNumber: String?

    public init(anchor: String, title: String, helplines: [HelplineItem], noEmergencyNumber: String? = nil) {
        self.anchor = anchor
        self.title = title
        self.helplines = helplines
        self.noEmergencyNumber = noEmergencyNumber
    }
}
