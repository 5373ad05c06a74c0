import Foundation

/// Content that did not fit its card side or page even at the minimum font size. On cards,
/// sheets and posters the item is left off whole (never cut mid-line); in a booklet it is an
/// unbreakable block taller than a page. The caller turns this into a diagnostic.
public struct FitProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The definition or entry the content came from, as given in the item's `source`.
    public var source: String
    /// The item's anchor, e.g. `indicators/holds-no-documents`.
    public var anchor: String
    public var title: String
    /// Where it should have gone: "front", "back", "page 3".
    public var place: String
    /// How far the content reaches past the bottom of the available area, in points.
    public var overflow: Double
    /// On cards and posters: how many entries before this one fit, so the help can name a limit.
    public var fitted: Int?

    public init(source: String, anchor: String, title: String, place: String, overflow: Double) {
        self.source = source
        self.anchor = anchor
        self.title = title
        self.place = place
        self.overflow = overflow
    }

    public var description: String {
        let millimetres = (overflow * 25.4 / 72 * 10).rounded() / 10
        return "\"\(title)\" (\(anchor)) does not fit on the \(place): \(millimetres) mm too long "
            + "even at the smallest allowed font size; shorten it or move it to another handout"
    }
}

/// A rendered handout: the PDF bytes, what did not fit, and what the caller must report.
public struct RenderedHandout: Sendable {
    public var pdf: Data
    public var problems: [FitProblem]
    /// Addresses on the placeholder host that the PDF prints as links or QR codes.
    public var placeholderLinks: [String] = []
    /// Characters set in a font the style does not name, with that font's family.
    public var substitutedGlyphs: [String: String] = [:]
    /// The alternative text given to each figure (QR code), in document order.
    public var figureTexts: [String] = []
    /// The number of pages.
    public var pages = 0
}
