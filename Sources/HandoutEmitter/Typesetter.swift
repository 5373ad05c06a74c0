import CPangoCairo

/// How a piece of text is set: which font, size, weight, colour and alignment.
struct TextStyle {
    enum Alignment { case left, center, right }

    var font: FontFamily
    var size: Double
    var bold = false
    var italic = false
    var color: RGB
    var alignment = Alignment.left
    /// Links in running text are underlined; large numbers are obviously tappable without it.
    var underlineLinks = true
    /// Addresses in captions must not gain hyphens that a reader would type.
    var hyphenate = true
    /// Running headers: one line, cut with an ellipsis where the text is wider than the frame.
    var oneLine = false
}

/// Shapes text with pango in the handout's language and current font sizes. Layouts share one
/// pango context so measuring thousands of paragraphs stays cheap.
final class Typesetter {
    let canvas: PDFCanvas
    let style: HandoutStyle
    let metrics: LayoutMetrics
    /// Current size per role: the style's sizes, possibly stepped down by a fit check.
    private(set) var sizes: [TextRole: Double]
    private let context: OpaquePointer

    init(canvas: PDFCanvas, style: HandoutStyle, metrics: LayoutMetrics, language: String) {
        self.canvas = canvas
        self.style = style
        self.metrics = metrics
        sizes = metrics.sizes
        context = pango_cairo_create_context(canvas.cr)
        // Unhinted metrics: positions must not depend on a screen's pixel grid.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        // The language drives shaping and line-breaking rules (and hyphenation) for every layout.
        pango_context_set_language(context, pango_language_from_string(language))
        // Rounded glyph positions suit screens; in print they make letter spacing uneven.
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(context)) }

    /// Scales every role by `factor` of the style's size, never below the role's minimum.
    func scale(by factor: Double) {
        sizes = Dictionary(
            uniqueKeysWithValues: metrics.sizes.map { role, size in
                (role, max(metrics.minimum(role), size * factor))
            })
    }

    /// Lays content out at the style's sizes; when something does not fit, finds the largest
    /// scale (to about 1 %) at which everything fits, each role kept at or above its minimum.
    /// Returns the attempt at that scale, or the one at the minimum sizes with its problems.
    func fit<T>(_ attempt: () -> (T, [FitProblem])) -> (T, [FitProblem]) {
        scale(by: 1)
        let full = attempt()
        if full.1.isEmpty { return full }
        let floor = metrics.sizes.map { metrics.minimum($0.key) / max($0.value, 0.001) }.max() ?? 1
        scale(by: floor)
        let smallest = attempt()
        guard smallest.1.isEmpty else { return smallest }
        var (low, high) = (floor, 1.0)
        var best = smallest
        var bestFactor = floor
        while high - low > 0.01 {
            let middle = (low + high) / 2
            scale(by: middle)
            let result = attempt()
            if result.1.isEmpty {
                (low, best, bestFactor) = (middle, result, middle)
            } else {
                high = middle
            }
        }
        scale(by: bestFactor)
        return best
    }

    /// Characters pango had to take from a font the style does not name, with that font.
    private(set) var substitutedGlyphs: [String: String] = [:]
    /// Fonts already found to be one of the style's families.
    private var namedFonts: Set<UnsafeMutableRawPointer> = []

    func size(_ role: TextRole) -> Double { sizes[role] ?? metrics.minimum(role) }

    /// A text style for a role in the role's usual font.
    func textStyle(
        _ role: TextRole, bold: Bool = false, italic: Bool = false, color: RGB? = nil,
        alignment: TextStyle.Alignment = .left
    ) -> TextStyle {
        let font: FontFamily
        switch role {
        case .title: font = style.titleFont
        case .heading, .number: font = style.headingFont
        case .body, .small, .footer: font = style.bodyFont
        }
        let bolder = bold || role == .title || role == .heading || role == .number
        return TextStyle(
            font: font, size: size(role), bold: bolder, italic: italic,
            color: color ?? style.text, alignment: alignment, underlineLinks: role != .number)
    }

    func frame(_ text: String, _ textStyle: TextStyle, width: Double) -> TextFrame {
        frame([Run(text)], textStyle, width: width)
    }

    /// Shapes runs into a frame `width` points wide. Bold, italic, code and links become pango
    /// attributes on one layout, so line breaking sees the paragraph as a whole.
    func frame(_ runs: [Run], _ textStyle: TextStyle, width: Double) -> TextFrame {
        let layout = pango_layout_new(context)!
        let text = runs.plainText
        pango_layout_set_text(layout, text, -1)
        pango_layout_set_width(layout, Int32(max(width, 1) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if textStyle.oneLine { pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END) }
        switch textStyle.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        let description = fontDescription(
            textStyle.font, size: textStyle.size, bold: textStyle.bold,
            italic: textStyle.italic)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        let attributes = pango_attr_list_new()
        // Line height as a multiple of the font size, the way designers specify leading;
        // pango's own spacing factor multiplies the font's (tall) natural height instead.
        let lineHeight = pango_attr_line_height_new_absolute(
            Int32(textStyle.size * style.lineSpacing * Double(PANGO_SCALE)))!
        pango_attr_list_insert(attributes, lineHeight)
        if !textStyle.hyphenate { pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0)) }
        var links: [(target: LinkTarget, bytes: Range<Int32>)] = []
        var start: Int32 = 0
        for run in runs {
            let end = start + Int32(run.text.utf8.count)
            func add(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = UInt32(start)
                attribute.pointee.end_index = UInt32(end)
                pango_attr_list_insert(attributes, attribute)
            }
            if run.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD)) }
            if run.italic { add(pango_attr_style_new(PANGO_STYLE_ITALIC)) }
            if run.code { add(pango_attr_family_new(style.monoFont.family)) }
            if run.strike { add(pango_attr_strikethrough_new(1)) }
            if let link = run.link, isLive(link) {
                let color = style.link
                add(
                    pango_attr_foreground_new(
                        UInt16(color.red * 65535), UInt16(color.green * 65535),
                        UInt16(color.blue * 65535)))
                if textStyle.underlineLinks { add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE)) }
                links.append((link, start..<end))
            }
            start = end
        }
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        noteSubstitutions(layout, text: text)
        return TextFrame(layout: layout, width: width, links: links)
    }

    /// Records text shaped with a font the style does not name (fontconfig's fallback for a
    /// glyph the named fonts lack): a reader would see a different typeface, or a missing glyph.
    private func noteSubstitutions(_ layout: OpaquePointer, text: String) {
        let named = Set(style.fonts.map { $0.family.lowercased() })
        let bytes = Array(text.utf8)
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item,
                let font = item.pointee.analysis.font
            else { continue }
            let start = Int(item.pointee.offset)
            let end = start + Int(item.pointee.length)
            guard start >= 0, end <= bytes.count, start < end else { continue }
            // A glyph no font has at all (pango draws a box).
            if let glyphs = run.pointee.glyphs,
                (0..<Int(glyphs.pointee.num_glyphs)).contains(where: {
                    glyphs.pointee.glyphs[$0].glyph & Self.unknownGlyph != 0
                })
            {
                let characters = String(decoding: bytes[start..<end], as: UTF8.self)
                for character in characters where !character.isWhitespace && !Self.isCovered(character, font) {
                    substitutedGlyphs[String(character)] = "no installed font"
                }
            }
            let key = UnsafeMutableRawPointer(font)
            if namedFonts.contains(key) { continue }
            let description = pango_font_describe(font)
            let family = pango_font_description_get_family(description).map { String(cString: $0) } ?? ""
            pango_font_description_free(description)
            if named.contains(family.lowercased()) {
                namedFonts.insert(key)
                continue
            }
            let characters = String(decoding: bytes[start..<end], as: UTF8.self)
            for character in characters where !character.isWhitespace { substitutedGlyphs[String(character)] = family }
        } while pango_layout_iter_next_run(iter) != 0
    }

    /// pango's flag on a glyph that stands for a character no font has (PANGO_GLYPH_UNKNOWN_FLAG).
    private static let unknownGlyph: UInt32 = 0x1000_0000

    /// Whether the font has a glyph for every scalar of the character.
    private static func isCovered(_ character: Character, _ font: UnsafeMutablePointer<PangoFont>) -> Bool {
        character.unicodeScalars.allSatisfy { pango_font_has_char(font, gunichar($0.value)) != 0 }
    }

    /// A link is styled as one only if it will be clickable.
    private func isLive(_ link: LinkTarget) -> Bool {
        if case .anchor(let anchor) = link { return canvas.knownAnchors.contains(anchor) }
        return true
    }

    func fontDescription(_ font: FontFamily, size: Double, bold: Bool = false, italic: Bool = false) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return description
    }
}
