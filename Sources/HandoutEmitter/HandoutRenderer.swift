import Foundation

/// Renders one handout to PDF with pango and cairo, then finishes it with libqpdf. Independent of
/// how the content was loaded: callers map their model to `HandoutContent` and turn
/// `FitProblem`s into diagnostics.
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
        let payloads =
            [content.qrPayload].compactMap { $0 } + HelplineCollector.helplines(in: content).compactMap(\.primaryURL)
        if let bad = payloads.first(where: { QRCode($0) == nil }) { throw HandoutError.unencodableQR(bad) }
        let date = try DocumentDate.iso8601(sourceDateEpoch: sourceDateEpoch, contentDate: content.contentDate)
        let document = try draw(content, style: style, paper: content.paper, date: date)
        var rendered = document
        rendered.pdf = try PDFFinisher.finish(
            document.pdf, metadata(content, date: date, figures: document.figureTexts))
        return rendered
    }

    /// A pocket card imposed several-up on office paper (`a4`, `letter`) with cut marks, fronts on
    /// page 1 and backs on page 2 placed for duplex printing. Nil for other layouts.
    public static func renderImposed(
        _ content: HandoutContent, style: HandoutStyle, sheet: Paper,
        sourceDateEpoch: String? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    ) throws -> RenderedHandout? {
        guard content.layout == .pocketCard else { return nil }
        let date = try DocumentDate.iso8601(sourceDateEpoch: sourceDateEpoch, contentDate: content.contentDate)
        let document = try draw(content, style: style, paper: content.paper, date: date, imposedOn: sheet)
        var rendered = document
        rendered.pdf = try PDFFinisher.finish(
            document.pdf, metadata(content, date: date, figures: document.figureTexts))
        return rendered
    }

    private static func draw(
        _ content: HandoutContent, style: HandoutStyle, paper: Paper, date: String,
        imposedOn sheet: Paper? = nil
    ) throws -> RenderedHandout {
        let grid = sheet.map { Imposition.grid(card: paper, sheet: $0) }
        let canvas = try grid.map { try PDFCanvas(width: $0.width, height: $0.height) } ?? PDFCanvas(paper: paper)
        canvas.setMetadata(
            title: content.title,
            subject: "\(content.guideTitle) (\(content.language))",
            keywords: "lang=\(content.language), \(content.layout.rawValue), \(content.version)",
            date: date)
        var metrics = try style.metrics(content.layout)
        if content.layout == .poster {
            // Poster sizes are set for A3; a smaller sheet scales them in proportion.
            let factor = paper.width / Paper.a3.width
            metrics.sizes = metrics.sizes.mapValues { $0 * factor }
            metrics.minimumSizes = metrics.minimumSizes.mapValues { $0 * factor }
        }
        let typesetter = Typesetter(canvas: canvas, style: style, metrics: metrics, language: content.language)
        let page = PageGeometry(width: paper.width, height: paper.height, margin: try style.margin(paper))
        canvas.placeholderHost = content.placeholderHost
        if let notice = content.proofNotice {
            let marked =
                grid.map { PageGeometry(width: $0.width, height: $0.height, margin: Imposition.sheetMargin) } ?? page
            canvas.proofMark = { [unowned typesetter] _ in ProofMark.draw(notice, typesetter: typesetter, page: marked)
            }
        }
        let problems: [FitProblem]
        switch content.layout {
        case .pocketCard:
            let card = PocketCardLayout(content: content, typesetter: typesetter, page: page)
            if let sheet {
                problems = try Imposition(card: card, sheet: sheet, style: style).render()
            } else {
                problems = try card.render()
            }
        case .sheet:
            problems = try SheetLayout(content: content, typesetter: typesetter, page: page).render()
        case .poster:
            problems = try PosterLayout(content: content, typesetter: typesetter, page: page).render()
        case .booklet:
            problems = try BookletLayout(content: content, typesetter: typesetter, page: page).render()
        }
        return RenderedHandout(
            pdf: try canvas.finish(), problems: problems, placeholderLinks: canvas.placeholderLinks.sorted(),
            substitutedGlyphs: typesetter.substitutedGlyphs, figureTexts: canvas.figureTexts,
            pages: canvas.pagesShown)
    }

    private static func metadata(_ content: HandoutContent, date: String, figures: [String]) -> PDFFinisher.Metadata {
        PDFFinisher.Metadata(
            title: content.title, language: content.language,
            subject: "\(content.guideTitle) (\(content.language))",
            keywords: "\(content.layout.rawValue), \(content.version)", date: date, figureTexts: figures)
    }
}
