import Foundation

/// Renders one handout to PDF with pango and cairo. Independent of how the content was loaded:
/// callers map their model to `HandoutContent` and turn `FitProblem`s into diagnostics.
public enum HandoutRenderer {
    /// Renders `content` in the given style.
    ///
    /// - Parameter sourceDateEpoch: the `SOURCE_DATE_EPOCH` value; when `nil` or empty the PDF dates
    ///   come from the content date, so output never depends on the clock.
    /// - Throws: `HandoutError` when a font is missing, the paper does not suit the layout, or the
    ///   content has nothing the layout can show; `HandoutStyleError` for an incomplete style.
    public static func render(
        _ content: HandoutContent, style: HandoutStyle,
        sourceDateEpoch: String? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    ) throws -> RenderedHandout {
        guard content.layout.supportedPapers.contains(content.paper) else {
            throw HandoutError.unsupportedPaper(layout: content.layout, paper: content.paper)
        }
        try FontCheck.verify(style)
        let payloads = [content.qrPayload].compactMap { $0 } + HelplineCollector.helplines(in: content).compactMap(\.primaryURL)
        if let bad = payloads.first(where: { QRCode($0) == nil }) { throw HandoutError.unencodableQR(bad) }
        let date = try DocumentDate.iso8601(sourceDateEpoch: sourceDateEpoch, contentDate: content.contentDate)
        let canvas = try PDFCanvas(paper: content.paper)
        canvas.setMetadata(
            title: content.title,
            subject: "\(content.guideTitle) (\(content.language))",
            keywords: "lang=\(content.language), \(content.layout.rawValue), \(content.version)",
            date: date)
        let typesetter = Typesetter(canvas: canvas, style: style, metrics: try style.metrics(content.layout),
                                    language: content.language)
        let page = PageGeometry(width: content.paper.width, height: content.paper.height,
                                margin: try style.margin(content.paper))
        let problems: [FitProblem]
        switch content.layout {
        case .pocketCard:
            problems = try PocketCardLayout(content: content, typesetter: typesetter, page: page).render()
        case .sheet:
            problems = try SheetLayout(content: content, typesetter: typesetter, page: page).render()
        case .poster:
            problems = try PosterLayout(content: content, typesetter: typesetter, page: page).render()
        case .booklet:
            problems = try BookletLayout(content: content, typesetter: typesetter, page: page).render()
        }
        return RenderedHandout(pdf: try canvas.finish(), problems: problems)
    }
}
