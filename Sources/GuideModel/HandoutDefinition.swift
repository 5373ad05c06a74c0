import JSON

/// A handout definition: `Content/handouts/<id>.yml`.
public struct HandoutDefinition: Sendable {
    /// One item of `include`: a single entry, or a filtered selection of one type.
    public enum Selection: Sendable, Hashable {
        case entry(Reference)
        case filter(type: EntryType, filters: [String: [String]])
    }

    /// What the QR code opens.
    public enum QRTarget: Sendable, Hashable {
        case home
        case entry(Reference)
    }

    public var id: String
    public var path: String
    public var value: JSONObject
    public var positions: FieldPositions
    public var title: [String: String]
    public var layout: String
    public var paper: String
    public var languages: [String]
    public var country: String?
    public var include: [Selection]
    public var qr: QRTarget?

    public init(
        id: String, path: String, value: JSONObject, positions: FieldPositions,
        title: [String: String], layout: String, paper: String, languages: [String],
        country: String?, include: [Selection], qr: QRTarget?
    ) {
        self.id = id
        self.path = path
        self.value = value
        self.positions = positions
        self.title = title
        self.layout = layout
        self.paper = paper
        self.languages = languages
        self.country = country
        self.include = include
        self.qr = qr
    }
}
