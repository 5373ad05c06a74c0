/// Writes an exchange document as XLIFF 1.2, the version Trados, memoQ,
/// OmegaT, Weblate, Poedit and translate-toolkit all read: one `<file>` per
/// entry (its source file as `original`, the export's version in a header
/// note), one `<trans-unit>` per unit, inline Markdown as `<bpt>`/`<ept>`
/// (paired: emphasis, links, images) and `<ph>` (code, autolinks, line
/// breaks, HTML) holding the Markdown they stand for.
public enum XLIFFWriter {
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public static func write(_ document: ExchangeDocument) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff version=\"1.2\" xmlns=\"\(namespace)\">\n"
        for entry in document.entries {
            out +=
                "  <file original=\"\(xmlEscaped(entry.sourceFile, attribute: true))\" "
                + "source-language=\"\(xmlEscaped(document.sourceLanguage, attribute: true))\" "
                + "target-language=\"\(xmlEscaped(document.targetLanguage, attribute: true))\" datatype=\"x-markdown\">\n"
            out += "    <header>\n"
            out += "      <tool tool-id=\"guide\" tool-name=\"guide\"/>\n"
            if let version = entry.version {
                out += "      <note from=\"guide\">\(xmlEscaped(version.written))</note>\n"
            }
            out += "    </header>\n"
            out += "    <body>\n"
            for unit in entry.units { out += self.unit(unit, file: entry.sourceFile) }
            out += "    </body>\n"
            out += "  </file>\n"
        }
        out += "</xliff>\n"
        return out
    }

    private static func unit(_ unit: ExchangeUnit, file: String) -> String {
        let key = xmlEscaped(unit.key, attribute: true)
        var out = "      <trans-unit id=\"\(key)\" resname=\"\(key)\""
        if let limit = unit.maxLength { out += " maxwidth=\"\(limit)\" size-unit=\"char\"" }
        out += " xml:space=\"preserve\">\n"
        out += "        <source>\(inline(unit.source))</source>\n"
        if let target = unit.target {
            let state = unit.status.map { " state=\"\($0.xliffState)\"" } ?? ""
            out += "        <target\(state)>\(inline(target))</target>\n"
        }
        if let line = unit.sourceLine {
            out +=
                "        <context-group purpose=\"location\">"
                + "<context context-type=\"sourcefile\">\(xmlEscaped(file))</context>"
                + "<context context-type=\"linenumber\">\(line)</context></context-group>\n"
        }
        for note in unit.notes {
            let from = note.hasPrefix("Term:") ? "termbase" : "guide"
            out += "        <note from=\"\(from)\">\(xmlEscaped(note))</note>\n"
        }
        out += "      </trans-unit>\n"
        return out
    }

    /// Pieces as XLIFF content with inline codes.
    static func inline(_ pieces: [Piece]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += xmlEscaped(s)
            case .open(let c): out += "<bpt id=\"\(c.id)\" ctype=\"\(ctype(c.kind))\">\(xmlEscaped(c.native))</bpt>"
            case .close(let c): out += "<ept id=\"\(c.id)\">\(xmlEscaped(c.native))</ept>"
            case .placeholder(let c):
                out += "<ph id=\"\(c.id)\" ctype=\"\(ctype(c.kind))\">\(xmlEscaped(c.native))</ph>"
            }
        }
        return out
    }

    /// XLIFF 1.2 `ctype` values: the predefined ones where they fit, `x-` otherwise.
    static func ctype(_ kind: CodeKind) -> String {
        switch kind {
        case .emphasis: return "italic"
        case .strong: return "bold"
        case .link: return "link"
        case .image: return "image"
        case .lineBreak: return "lb"
        case .strikethrough, .code, .autolink, .html: return "x-" + kind.rawValue
        }
    }

    static func kind(ctype: String?) -> CodeKind? {
        switch ctype {
        case "italic": return .emphasis
        case "bold": return .strong
        case "link": return .link
        case "image": return .image
        case "lb": return .lineBreak
        case let c?: return c.hasPrefix("x-") ? CodeKind(rawValue: String(c.dropFirst(2))) : nil
        case nil: return nil
        }
    }
}
