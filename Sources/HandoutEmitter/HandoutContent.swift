/// The four handout designs.
public enum HandoutLayout: String, Sendable, Hashable, CaseIterable, Encodable {
    case pocketCard = "pocket-card"
    case sheet
    case poster
    case booklet

    /// The papers each design is made for.
    public var supportedPapers: [Paper] {
        switch self {
        case .pocketCard: [.cr80, .a6]
        case .sheet: [.a4, .letter]
        case .poster: [.a4, .a3]
        case .booklet: [.a4, .letter]
        }
    }
}

/// Interface strings in the handout's language. The renderer never makes up text of its own.
public struct InterfaceStrings: Sendable, Hashable, Encodable {
    public var whatToDo: String
    public var steps: String
    public var doList: String
    public var dontList: String
    public var whoToCall: String
    public var contents: String
    /// Word before page numbers in footers ("Page", "Página").
    public var page: String
    /// Printed where a helpline's hours or languages are unknown.
    public var notStated: String
    public var hours: String
    public var languages: String
    /// Heading of a poster's strongest indicators ("Signs to look for").
    public var signs: String
    /// Alternative text of a QR code; `{target}` is replaced by what it opens.
    public var qrAlt: String
    /// How to print imposed cards on a portrait sheet (flip on the long edge) and a landscape one.
    public var duplexLongEdge: String
    public var duplexShortEdge: String

    public init(
        whatToDo: String, steps: String, doList: String, dontList: String, whoToCall: String,
        contents: String, page: String, notStated: String, hours: String, languages: String,
        signs: String = "", qrAlt: String = "{target}", duplexLongEdge: String = "", duplexShortEdge: String = ""
    ) {
        self.whatToDo = whatToDo
        self.steps = steps
        self.doList = doList
        self.dontList = dontList
        self.whoToCall = whoToCall
        self.contents = contents
        self.page = page
        self.notStated = notStated
        self.hours = hours
        self.languages = languages
        self.signs = signs
        self.qrAlt = qrAlt
        self.duplexLongEdge = duplexLongEdge
        self.duplexShortEdge = duplexShortEdge
    }
}

/// A titled group of items: one section per content type in a booklet.
public struct HandoutSection: Sendable, Hashable, Encodable {
    public var title: String
    public var items: [HandoutItem]

    public init(title: String, items: [HandoutItem]) {
        self.title = title
        self.items = items
    }
}

/// Everything one handout PDF shows, in one language. Plain values: the caller resolves
/// references, fallbacks and strings before handing it over.
public struct HandoutContent: Sendable, Hashable, Encodable {
    public var title: String
    /// BCP 47 tag (`es`, `pap-AW`, `ht`): drives shaping and line breaking, and goes into the metadata.
    public var language: String
    public var layout: HandoutLayout
    public var paper: Paper
    public var guideTitle: String
    public var version: String
    /// `YYYY-MM-DD`; printed in footers and the fallback for the PDF dates.
    public var contentDate: String
    /// What the handout's QR code opens (`https://…`, `tel:…`, `https://wa.me/…`); `nil` for none.
    public var qrPayload: String?
    public var qrCaption: String
    public var strings: InterfaceStrings
    public var sections: [HandoutSection]
    /// Every helpline the handout prints, once, grouped by country (the handout's own country
    /// first), emergency numbers first in each group.
    public var whoToCall: [HelplineGroup]
    /// The running header of multi-page layouts: `guide.yml`'s short title, else the guide title.
    public var runningTitle: String
    /// Shown on every page when text in the handout's language is still in review.
    public var reviewNotice: String?
    /// `base_url`'s host when it is a placeholder: links and QR codes to it make a page a proof.
    public var placeholderHost: String?
    /// Printed on every page that links to `placeholderHost` in a proof build; nil when the build
    /// is not a proof (such a handout is an error).
    public var proofNotice: String?

    public init(
        title: String, language: String, layout: HandoutLayout, paper: Paper, guideTitle: String,
        version: String, contentDate: String, qrPayload: String?, qrCaption: String,
        strings: InterfaceStrings, sections: [HandoutSection], whoToCall: [HelplineGroup]? = nil,
        runningTitle: String? = nil, reviewNotice: String? = nil, placeholderHost: String? = nil,
        proofNotice: String? = nil
    ) {
        self.title = title
        self.language = language
        self.layout = layout
        self.paper = paper
        self.guideTitle = guideTitle
        self.version = version
        self.contentDate = contentDate
        self.qrPayload = qrPayload
        self.qrCaption = qrCaption
        self.strings = strings
        self.sections = sections
        self.whoToCall = whoToCall ?? HelplineCollector.groups(sections)
        self.runningTitle = runningTitle ?? guideTitle
        self.reviewNotice = reviewNotice
        self.placeholderHost = placeholderHost
        self.proofNotice = proofNotice
    }

    var allItems: [HandoutItem] { sections.flatMap(\.items) }

    /// The small print on every page: short title, version, content date.
    var footerText: String { "\(runningTitle) · \(version) · \(contentDate)" }
}
