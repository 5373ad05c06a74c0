/// An indicator as printed on a handout.
public struct IndicatorItem: Sendable, Hashable, Encodable {
    /// Stable anchor for internal links and PDF destinations, e.g. `indicators/holds-no-documents`.
    public var anchor: String
    /// The definition or entry this came from, for diagnostics (e.g. a file path).
    public var source: String
    public var title: String
    public var summary: String
    /// One line telling staff what to do when they notice this.
    public var whatToDo: String
    /// Localised strength label, e.g. "Strong indicator".
    public var strength: String
    public var body: [RichBlock]

    public init(
        anchor: String, source: String, title: String, summary: String, whatToDo: String,
        strength: String, body: [RichBlock] = []
    ) {
        self.anchor = anchor
        self.source = source
        self.title = title
        self.summary = summary
        self.whatToDo = whatToDo
        self.strength = strength
        self.body = body
    }
}

/// A response protocol: what to do, step by step.
public struct ProtocolItem: Sendable, Hashable, Encodable {
    public var anchor: String
    public var source: String
    public var title: String
    public var trigger: String
    /// One entry per numbered step; a step may hold several blocks.
    public var steps: [[RichBlock]]
    public var dos: [[Run]]
    public var donts: [[Run]]
    /// The helplines the protocol names, already resolved.
    public var helplines: [HelplineItem]
    /// The body outside the steps, do and don't sections (introduction, further sections):
    /// printed in the booklet, left off one-page sheets.
    public var intro: [RichBlock]
    /// Shown above the protocol when it is printed in another language than the handout's
    /// ("Not yet translated: shown in English.").
    public var notice: String?

    public init(
        anchor: String, source: String, title: String, trigger: String, steps: [[RichBlock]],
        dos: [[Run]] = [], donts: [[Run]] = [], helplines: [HelplineItem] = [],
        intro: [RichBlock] = [], notice: String? = nil
    ) {
        self.anchor = anchor
        self.source = source
        self.title = title
        self.trigger = trigger
        self.steps = steps
        self.dos = dos
        self.donts = donts
        self.helplines = helplines
        self.intro = intro
        self.notice = notice
    }
}

/// A fundamental concept.
public struct ConceptItem: Sendable, Hashable, Encodable {
    public var anchor: String
    public var source: String
    public var title: String
    public var body: [RichBlock]

    public init(anchor: String, source: String, title: String, body: [RichBlock]) {
        self.anchor = anchor
        self.source = source
        self.title = title
        self.body = body
    }
}

/// Any entry a handout can show.
public enum HandoutItem: Sendable, Hashable, Encodable {
    case indicator(IndicatorItem)
    case `protocol`(ProtocolItem)
    case helpline(HelplineItem)
    case concept(ConceptItem)

    public var anchor: String {
        switch self {
        case .indicator(let item): item.anchor
        case .protocol(let item): item.anchor
        case .helpline(let item): item.anchor
        case .concept(let item): item.anchor
        }
    }

    public var source: String {
        switch self {
        case .indicator(let item): item.source
        case .protocol(let item): item.source
        case .helpline(let item): item.source
        case .concept(let item): item.source
        }
    }

    public var title: String {
        switch self {
        case .indicator(let item): item.title
        case .protocol(let item): item.title
        case .helpline(let item): item.name
        case .concept(let item): item.title
        }
    }
}
