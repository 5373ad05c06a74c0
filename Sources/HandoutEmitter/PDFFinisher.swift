import CQPDF
import Foundation

/// Rewrites the PDF cairo wrote with libqpdf, adding what cairo 1.16 cannot write and an
/// accessible PDF needs: the document language (`/Lang`), `DisplayDocTitle`, XMP metadata (title,
/// language, dates), alternative text for every `Figure`, and tab order by structure on pages
/// with links. Writing the file anew also rebuilds its cross-reference table, which cairo 1.16
/// gets wrong in files with links. The only code that talks to libqpdf.
enum PDFFinisher {
    struct Metadata {
        var title: String
        /// BCP 47 tag.
        var language: String
        var subject: String
        var keywords: String
        /// ISO 8601, from `SOURCE_DATE_EPOCH` or the content date: never the clock.
        var date: String
        /// Alternative text per `Figure` element, in document order.
        var figureTexts: [String]
    }

    static func finish(_ pdf: Data, _ metadata: Metadata) throws -> Data {
        var qpdf: qpdf_data? = qpdf_init()
        guard let q = qpdf else { throw HandoutError.pdf("libqpdf could not start") }
        defer { qpdf_cleanup(&qpdf) }
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        let read = pdf.withUnsafeBytes { bytes in
            qpdf_read_memory(
                q, "handout", bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                UInt64(bytes.count), nil)
        }
        try check(q, read, "reading cairo's PDF")

        let root = qpdf_get_root(q)
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, metadata.language))
        let preferences = qpdf_oh_new_dictionary(q)
        qpdf_oh_replace_key(q, preferences, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE))
        qpdf_oh_replace_key(q, root, "/ViewerPreferences", preferences)

        let xmp = Array(XMPPacket.packet(metadata).utf8)
        let stream = qpdf_oh_new_stream(q)
        xmp.withUnsafeBufferPointer { buffer in
            qpdf_oh_replace_stream_data(
                q, stream, buffer.baseAddress, buffer.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        }
        let streamDictionary = qpdf_oh_get_dict(q, stream)
        qpdf_oh_replace_key(q, streamDictionary, "/Type", qpdf_oh_new_name(q, "/Metadata"))
        qpdf_oh_replace_key(q, streamDictionary, "/Subtype", qpdf_oh_new_name(q, "/XML"))
        qpdf_oh_replace_key(q, root, "/Metadata", stream)

        var figures = metadata.figureTexts[...]
        if qpdf_oh_has_key(q, root, "/StructTreeRoot") == QPDF_TRUE {
            addAlternativeText(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), &figures, depth: 0)
        }
        for index in 0..<max(0, Int(qpdf_get_num_pages(q))) {
            let page = qpdf_get_page_n(q, index)
            if qpdf_oh_has_key(q, page, "/Annots") == QPDF_TRUE {
                qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"))
            }
        }

        try check(q, qpdf_init_write_memory(q), "preparing to write")
        // The file ID from the content, so the same input gives the same bytes.
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_object_stream_mode(q, qpdf_o_preserve)
        // cairo's streams are copied as they are, not decoded and compressed again.
        qpdf_set_decode_level(q, qpdf_dl_none)
        try check(q, qpdf_write(q), "writing the PDF")
        guard let buffer = qpdf_get_buffer(q) else { throw HandoutError.pdf("libqpdf wrote nothing") }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(q))
    }

    /// Depth-first through the structure tree (the order cairo wrote the tags in), giving each
    /// `Figure` element the next alternative text.
    private static func addAlternativeText(
        _ q: qpdf_data, _ node: qpdf_oh, _ texts: inout ArraySlice<String>, depth: Int
    ) {
        guard depth < 64 else { return }
        if qpdf_oh_is_array(q, node) == QPDF_TRUE {
            for index in 0..<qpdf_oh_get_array_n_items(q, node) {
                addAlternativeText(q, qpdf_oh_get_array_item(q, node, index), &texts, depth: depth + 1)
            }
            return
        }
        guard qpdf_oh_is_dictionary(q, node) == QPDF_TRUE else { return }
        if qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/S"), "/Figure") == QPDF_TRUE,
            let text = texts.popFirst()
        {
            qpdf_oh_replace_key(q, node, "/Alt", qpdf_oh_new_unicode_string(q, text))
        }
        // Only structure elements have kids to follow; object references (/OBJR) lead to annotations.
        guard qpdf_oh_has_key(q, node, "/K") == QPDF_TRUE,
            qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/Type"), "/OBJR") != QPDF_TRUE
        else { return }
        addAlternativeText(q, qpdf_oh_get_key(q, node, "/K"), &texts, depth: depth + 1)
    }

    private static func check(_ q: qpdf_data, _ code: QPDF_ERROR_CODE, _ doing: String) throws {
        _ = code
        guard qpdf_has_error(q) == QPDF_TRUE else { return }
        let error = qpdf_get_error(q)
        let text = error.flatMap { qpdf_get_error_full_text(q, $0) }.map { String(cString: $0) } ?? "unknown error"
        throw HandoutError.pdf("libqpdf failed \(doing): \(text)")
    }
}
