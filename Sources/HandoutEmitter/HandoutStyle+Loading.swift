import Foundation

/// A problem in the style file, with its position when known.
public struct HandoutStyleError: Error, CustomStringConvertible, Sendable {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? "error: \(message)" : "\(place): error: \(message)"
    }
}

extension HandoutStyle {
    /// Loads and validates a style file such as `Templates/handouts/style.yml`.
    public static func load(contentsOf url: URL) throws -> HandoutStyle {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw HandoutStyleError(
                file: url.path, message: "cannot read the handout style file: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: url.path)
    }

    /// Parses a style from YAML text; every error names the key and its line and column.
    public static func parse(yaml: String, file: String? = nil) throws -> HandoutStyle {
        guard !yaml.allSatisfy(\.isWhitespace) else {
            throw HandoutStyleError(file: file, message: "the style file is empty")
        }
        let (root, reader) = try StyleReader.root(yaml: yaml, file: file)
        let top = try reader.mapping(root, "style", keys: ["fonts", "line_spacing", "colors", "margins", "layouts"])

        let fonts = try reader.mapping(top.value("fonts"), "fonts", keys: ["title", "heading", "body", "mono"])
        func font(_ key: String) throws -> FontFamily {
            let entry = try reader.mapping(fonts.value(key), "fonts.\(key)", keys: ["family", "package"])
            return FontFamily(
                family: try reader.string(entry.value("family"), "fonts.\(key).family"),
                package: try reader.string(entry.value("package"), "fonts.\(key).package"))
        }

        let colors = try reader.mapping(
            top.value("colors"), "colors", keys: ["text", "muted", "accent", "link", "callout_background", "rule"])
        func color(_ key: String) throws -> RGB { try reader.color(colors.value(key), "colors.\(key)") }

        let marginMap = try reader.mapping(top.value("margins"), "margins", keys: Paper.allCases.map(\.rawValue))
        var margins: [Paper: Double] = [:]
        for paper in Paper.allCases {
            margins[paper] = mm(
                try reader.number(marginMap.value(paper.rawValue), "margins.\(paper.rawValue)", in: 0...60))
        }

        let layoutMap = try reader.mapping(
            top.value("layouts"), "layouts", keys: HandoutLayout.allCases.map(\.rawValue))
        var layouts: [HandoutLayout: LayoutMetrics] = [:]
        for layout in HandoutLayout.allCases {
            layouts[layout] = try reader.metrics(layoutMap.value(layout.rawValue), "layouts.\(layout.rawValue)")
        }

        return HandoutStyle(
            titleFont: try font("title"), headingFont: try font("heading"), bodyFont: try font("body"),
            monoFont: try font("mono"),
            lineSpacing: try reader.number(top.value("line_spacing"), "line_spacing", in: 0.8...3),
            text: try color("text"), muted: try color("muted"), accent: try color("accent"), link: try color("link"),
            calloutBackground: try color("callout_background"), rule: try color("rule"),
            margins: margins, layouts: layouts)
    }
}
