/// A font family and the Debian package that provides it, so a missing font can be reported
/// with the command that fixes it.
public struct FontFamily: Sendable, Hashable {
    public var family: String
    public var package: String

    public init(family: String, package: String) {
        self.family = family
        self.package = package
    }
}

/// An sRGB colour with components 0…1.
public struct RGB: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb`.
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }
}

/// The text roles a layout sizes separately.
public enum TextRole: String, Sendable, Hashable, CaseIterable {
    case title, heading, body, small, footer
    /// Phone numbers and other values that must read at a glance.
    case number
}

/// Font sizes, QR size and smallest sizes for one layout.
public struct LayoutMetrics: Sendable, Hashable {
    /// Points per role.
    public var sizes: [TextRole: Double]
    /// Per role, the smallest size fit checks may shrink text to, never below: what the guide
    /// promises readers (on cards: body 7 pt, headings 8 pt, numbers 11 pt).
    public var minimumSizes: [TextRole: Double]
    /// Edge of the QR code including its quiet zone, in points.
    public var qrSize: Double

    public init(sizes: [TextRole: Double], minimumSizes: [TextRole: Double], qrSize: Double) {
        self.sizes = sizes
        self.minimumSizes = minimumSizes
        self.qrSize = qrSize
    }

    /// The same minimum for every role.
    public init(sizes: [TextRole: Double], minimumFontSize: Double, qrSize: Double) {
        self.init(
            sizes: sizes,
            minimumSizes: Dictionary(uniqueKeysWithValues: TextRole.allCases.map { ($0, minimumFontSize) }),
            qrSize: qrSize)
    }

    /// The smallest size any role may take.
    public var minimumFontSize: Double { minimumSizes.values.min() ?? 0 }

    func minimum(_ role: TextRole) -> Double { minimumSizes[role] ?? sizes[role] ?? 0 }
}

/// Handout typography in one place; loaded from `Templates/handouts/style.yml` so designers
/// can adjust it without touching code.
public struct HandoutStyle: Sendable, Hashable {
    public var titleFont: FontFamily
    public var headingFont: FontFamily
    public var bodyFont: FontFamily
    public var monoFont: FontFamily
    /// Line height as a multiple of the font size.
    public var lineSpacing: Double
    public var text: RGB
    public var muted: RGB
    public var accent: RGB
    public var link: RGB
    public var calloutBackground: RGB
    public var rule: RGB
    /// Page margin per paper, in points.
    public var margins: [Paper: Double]
    public var layouts: [HandoutLayout: LayoutMetrics]

    public init(
        titleFont: FontFamily, headingFont: FontFamily, bodyFont: FontFamily, monoFont: FontFamily,
        lineSpacing: Double, text: RGB, muted: RGB, accent: RGB, link: RGB, calloutBackground: RGB,
        rule: RGB, margins: [Paper: Double], layouts: [HandoutLayout: LayoutMetrics]
    ) {
        self.titleFont = titleFont
        self.headingFont = headingFont
        self.bodyFont = bodyFont
        self.monoFont = monoFont
        self.lineSpacing = lineSpacing
        self.text = text
        self.muted = muted
        self.accent = accent
        self.link = link
        self.calloutBackground = calloutBackground
        self.rule = rule
        self.margins = margins
        self.layouts = layouts
    }

    /// Every family the renderer may ask for.
    public var fonts: [FontFamily] { [titleFont, headingFont, bodyFont, monoFont] }

    /// The margin for a paper; a style built in code may lack one, a loaded style never does.
    func margin(_ paper: Paper) throws -> Double {
        guard let margin = margins[paper] else {
            throw HandoutStyleError(message: "no margin for paper \(paper.rawValue)")
        }
        return margin
    }

    func metrics(_ layout: HandoutLayout) throws -> LayoutMetrics {
        guard let metrics = layouts[layout] else {
            throw HandoutStyleError(message: "no settings for layout \(layout.rawValue)")
        }
        return metrics
    }
}
