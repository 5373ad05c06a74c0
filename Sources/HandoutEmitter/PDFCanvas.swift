import CPangoCairo
import Foundation

/// Collects the bytes cairo writes, so a PDF is produced in memory and written atomically
/// by the caller.
private final class ByteSink {
    var data = Data()
}

/// A rectangle in points, origin at the top left of the page.
struct Rect: Hashable {
    var x, y, width, height: Double
}

/// A cairo PDF surface and its drawing context: pages, metadata, links, destinations, outline,
/// and the structure tree (tags) that makes the PDF accessible. The only type that talks to
/// cairo's PDF API.
final class PDFCanvas {
    let cr: OpaquePointer
    let width: Double
    let height: Double
    /// Anchors present in this document; links to any other anchor are printed as plain text.
    var knownAnchors: Set<String> = []
    /// 1-based number of the page being drawn.
    private(set) var pageNumber = 1
    private let surface: OpaquePointer
    private let sink = ByteSink()
    /// Outline ids of the latest entry at each level, so a level-2 entry nests under its level 1.
    private var outlineParents: [Int: Int32] = [:]
    /// Structure tags begun and not yet ended, innermost last.
    private var openTags: [String] = []
    /// The alternative text of each `Figure` tag, in the order they were begun (cairo 1.16 cannot
    /// write it; `PDFFinisher` adds it).
    private(set) var figureTexts: [String] = []
    /// A host reserved for examples (`base_url`'s, when it is one): links and QR codes to it are
    /// counted, and the pages carrying them marked as proofs by `proofMark`.
    var placeholderHost: String?
    /// Draws the proof marking on a page that printed a link to `placeholderHost`; nil in builds
    /// that are not proofs (such a handout is then an error, reported by the caller).
    var proofMark: ((PDFCanvas) -> Void)?
    /// The addresses on the placeholder host this document links to.
    private(set) var placeholderLinks: Set<String> = []
    private var pageHasPlaceholder = false

    convenience init(paper: Paper) throws {
        try self.init(width: paper.width, height: paper.height)
    }

    init(width: Double, height: Double) throws {
        self.width = width
        self.height = height
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        cr = cairo_create(surface)
        try check(cairo_status(cr), "creating the PDF surface")
        beginTag("Document")
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Sets title, subject, keywords and both dates. The document language, viewer preferences
    /// and XMP metadata, which cairo 1.16 cannot write, are added by `PDFFinisher`.
    func setMetadata(title: String, subject: String, keywords: String, date: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "guide")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    func endPage() {
        if pageHasPlaceholder, let proofMark {
            proofMark(self)
        }
        pageHasPlaceholder = false
        cairo_show_page(cr)
        pageNumber += 1
        pagesShown += 1
    }

    /// Pages finished so far (the PDF's page count once rendering ends).
    private(set) var pagesShown = 0

    /// Finishes the document and returns its bytes.
    func finish() throws -> Data {
        while let open = openTags.last { endTag(open) }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing the PDF")
        return sink.data
    }

    // MARK: Links and navigation

    // MARK: Structure

    /// Begins a structure element (`P`, `H1`, `L`, `LI`, `Figure` …) around what is drawn next.
    func beginTag(_ name: String) {
        cairo_tag_begin(cr, name, nil)
        openTags.append(name)
    }

    /// Ends the innermost element if it is `name`; a mismatched end is ignored rather than
    /// leaving cairo in an error state (the tree stays well nested).
    func endTag(_ name: String) {
        guard openTags.last == name else { return }
        cairo_tag_end(cr, name)
        openTags.removeLast()
    }

    /// Draws a figure (a QR code) as a `Figure` element with alternative text.
    func figure(alt: String, _ draw: () -> Void) {
        beginTag("Figure")
        figureTexts.append(alt)
        draw()
        endTag("Figure")
    }

    // MARK: Links and navigation

    /// Notes a link to the placeholder host, which makes this page a proof.
    func notePlaceholder(_ url: String) {
        guard let host = placeholderHost, URLHost.of(url) == host else { return }
        placeholderLinks.insert(url)
        pageHasPlaceholder = true
    }

    /// Makes the rectangles clickable. Anchors not in this document get no link.
    func link(_ target: LinkTarget, rects: [Rect]) {
        guard !rects.isEmpty else { return }
        let area = rects.map { "\($0.x) \($0.y) \($0.width) \($0.height)" }.joined(separator: " ")
        let destination: String
        switch target {
        case .url(let url):
            notePlaceholder(url)
            destination = "uri='\(Self.quoted(url))'"
        case .anchor(let anchor):
            guard knownAnchors.contains(anchor) else { return }
            destination = "dest='\(Self.quoted(anchor))'"
        }
        // A link is a structure element of its own (with the annotation as its object reference).
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(area)] \(destination)")
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    /// A named destination at a point of the current page, target of internal links and outline entries.
    func destination(_ name: String, y: Double) {
        cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.quoted(name))' x=0 y=\(y)")
        cairo_tag_end(cr, CAIRO_TAG_DEST)
    }

    /// Adds a bookmark pointing at a destination; level 1 entries are top level.
    func outline(_ title: String, level: Int, destination: String) {
        let parent =
            level > 1 ? outlineParents[level - 1] ?? Int32(CAIRO_PDF_OUTLINE_ROOT) : Int32(CAIRO_PDF_OUTLINE_ROOT)
        let id = cairo_pdf_surface_add_outline(
            surface, parent, title, "dest='\(Self.quoted(destination))'", cairo_pdf_outline_flags_t(rawValue: 0))
        outlineParents[level] = id
    }

    /// Escapes a string for a single-quoted cairo tag attribute.
    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    // MARK: Shapes

    func setColor(_ color: RGB) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }

    func fill(_ rect: Rect, _ color: RGB) {
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    /// Adds a rectangle to the current path; `fillPath` paints them all at once.
    func addRectangle(_ rect: Rect) {
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
    }

    func fillPath() {
        cairo_fill(cr)
    }

    func stroke(_ rect: Rect, width lineWidth: Double, _ color: RGB) {
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    /// A straight line between two points.
    func segment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width lineWidth: Double, _ color: RGB) {
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    /// Draws with the origin moved (imposing a card several times on a sheet).
    func translated(x: Double, y: Double, _ draw: () -> Void) {
        cairo_save(cr)
        cairo_translate(cr, x, y)
        draw()
        cairo_restore(cr)
    }

    func line(fromX x0: Double, toX x1: Double, y: Double, width lineWidth: Double, _ color: RGB) {
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_move_to(cr, x0, y)
        cairo_line_to(cr, x1, y)
        cairo_stroke(cr)
    }

    private func check(_ status: cairo_status_t, _ doing: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw HandoutError.cairo("cairo failed \(doing): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
