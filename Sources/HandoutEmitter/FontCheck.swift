import CPangoCairo

/// Verifies, before anything is drawn, that fontconfig really has the style's families.
/// Pango never fails on a missing family: it silently substitutes another one, which would
/// produce a PDF that looks wrong or lacks letters. So we ask which family a font request
/// actually resolves to.
enum FontCheck {
    static func verify(_ style: HandoutStyle) throws {
        let fontMap = pango_cairo_font_map_get_default()
        let context = pango_font_map_create_context(fontMap)
        defer { g_object_unref(UnsafeMutableRawPointer(context)) }
        var checked: Set<String> = []
        for font in style.fonts where checked.insert(font.family.lowercased()).inserted {
            let resolved = resolvedFamily(font.family, fontMap: fontMap, context: context)
            guard resolved.lowercased() == font.family.lowercased() else {
                throw HandoutError.missingFont(family: font.family, package: font.package, substitute: resolved)
            }
        }
    }

    /// The family of the face fontconfig picks for a request, or "" when it finds none at all.
    private static func resolvedFamily(
        _ family: String, fontMap: UnsafeMutablePointer<PangoFontMap>?,
        context: OpaquePointer?
    ) -> String {
        let request = pango_font_description_new()
        pango_font_description_set_family(request, family)
        pango_font_description_set_absolute_size(request, 10 * Double(PANGO_SCALE))
        defer { pango_font_description_free(request) }
        guard let font = pango_font_map_load_font(fontMap, context, request) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let description = pango_font_describe(font)
        defer { pango_font_description_free(description) }
        guard let name = pango_font_description_get_family(description) else { return "" }
        return String(cString: name)
    }
}
