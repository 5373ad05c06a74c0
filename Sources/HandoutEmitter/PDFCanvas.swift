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

/// A cairo PDF surface and its drawing context: pages, metadata, links, destinations, outline.
/// The only type that talks to cairo's PDF API.
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

    init(paper: Paper) throws {
        width = paper.width
        height = paper.height
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        cr = cairo_create(surface)
        try check(cairo_status(cr), "creating the PDF surface")
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Sets title, subject, keywords and both dates. Cairo 1.16 has no field for the document
    /// language, so it goes into subject and keywords where `pdfinfo` shows it.
    func setMetadata(title: String, subject: String, keywords: String, date: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "guide")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    func endPage() {
        cairo_show_page(cr)
        pageNumber += 1
    }

    /// Finishes the document and returns its bytes.
    func finish() throws -> Data {
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing the PDF")
        return sink.data
    }

    // MARK: Links and navigation

    /// Makes the rectangles clickable. Anchors not in this document get no link.
    func link(_ target: LinkTarget, rects: [Rect]) {
        guard !rects.isEmpty else { return }
        let area = rects.map { "\($0.x) \($0.y) \($0.width) \($0.height)" }.joined(separator: " ")
        let destination: String
        switch target {
        case .url(let url): destination = "uri='\(Self.quoted(url))'"
        case .anchor(let anchor):
            guard knownAnchors.contains(anchor) else { return }
            destination = "dest='\(Self.quoted(anchor))'"
        }
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
        let parent = level > 1 ? outlineParents[level - 1] ?? Int32(CAIRO_PDF_OUTLINE_ROOT) : Int32(CAIRO_PDF_OUTLINE_ROOT)
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
