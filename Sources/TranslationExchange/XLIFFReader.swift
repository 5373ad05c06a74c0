import Diagnostics
import GuideModel

/// Reads an XLIFF 1.2 file written by `XLIFFWriter` and returned by a
/// translation tool: its `<file>`s (entries), `<trans-unit>`s (also inside
/// `<group>`s), their source and target with inline codes, and target states.
/// Inline codes a tool rewrote as `<g>`, `<x/>`, `<bx/>`, `<ex/>` are read by
/// their ids; `<mrk>` (segment markers) is read through.
public enum XLIFFReader {
    public static func read(_ text: String, path: String) -> (ExchangeDocument?, [Diagnostic]) {
        let root: XElement
        do {
            root = try XMLReader.parse(text)
        } catch let error as XMLError {
            return (
                nil,
                [
                    .error(
                        "translate.syntax", file: path,
                        at: SourceRange(line: error.line, column: error.column, length: 1),
                        "not well-formed XML: \(error.message)",
                        help: "the file was damaged after export: export again, or fix the XML at this place")
                ]
            )
        } catch {
            return (nil, [.error("translate.syntax", file: path, at: nil, "cannot read the XML: \(error)")])
        }
        guard root.name == "xliff", root.attribute("version") == "1.2" else {
            return (
                nil,
                [
                    .error(
                        "translate.format", file: path, at: at(root),
                        "not an XLIFF 1.2 file (root <\(root.name)>, version \(root.attribute("version") ?? "none"))",
                        help:
                            "import the XLIFF 1.2 file `guide translate export` wrote, as the translation tool saved it"
                    )
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        var entries: [ExchangeEntry] = []
        var source: String?
        var target: String?
        for file in root.elements("file") {
            guard let original = file.attribute("original"), let reference = Self.reference(original) else {
                diagnostics.append(
                    .warning(
                        "translate.unknown-unit", file: path, at: at(file),
                        "<file original=\"\(file.attribute("original") ?? "")\"> is not an entry of this guide; it is ignored"
                    ))
                continue
            }
            let fileTarget = file.attribute("target-language")
            if target == nil {
                target = fileTarget
                source = file.attribute("source-language")
            }
            guard let fileTarget, fileTarget == target else {
                diagnostics.append(
                    .error(
                        "translate.language", file: path, at: at(file),
                        "this <file> has target-language \"\(fileTarget ?? "")\", not \"\(target ?? "")\"",
                        help: "import one language per file"))
                continue
            }
            let version = file.element("header")?.elements("note").lazy.compactMap { ExportVersion(written: $0.text) }
                .first
            var entry = ExchangeEntry(reference: reference, sourceFile: original, version: version, units: [])
            entry.line = file.line
            for unit in units(in: file.element("body")) {
                guard let id = unit.attribute("id") else {
                    diagnostics.append(
                        .warning(
                            "translate.unknown-unit", file: path, at: at(unit), "<trans-unit> without an id is ignored")
                    )
                    continue
                }
                guard let sourceElement = unit.element("source") else {
                    diagnostics.append(
                        .warning(
                            "translate.unknown-unit", file: path, at: at(unit),
                            "unit \"\(id)\" has no <source>; it is ignored"))
                    continue
                }
                let targetElement = unit.element("target")
                var targetPieces = targetElement.map { pieces($0) }
                if targetPieces?.isEmpty == true { targetPieces = nil }
                var read = ExchangeUnit(
                    key: id, source: pieces(sourceElement), target: targetPieces,
                    status: targetPieces == nil ? nil : UnitStatus(xliffState: targetElement?.attribute("state")))
                read.maxLength = unit.attribute("maxwidth").flatMap(Int.init)
                read.line = unit.line
                read.sourceElementLine = sourceElement.line
                read.targetLine = targetElement?.line ?? unit.line
                read.column = unit.column
                read.sourceElementColumn = sourceElement.column
                read.targetColumn = targetElement?.column ?? unit.column
                entry.units.append(read)
            }
            entries.append(entry)
        }
        guard let target else {
            diagnostics.append(
                .error(
                    "translate.format", file: path, at: at(root), "the XLIFF file has no <file> with a target-language",
                    help: "import the XLIFF 1.2 file `guide translate export` wrote"))
            return (nil, diagnostics)
        }
        return (ExchangeDocument(sourceLanguage: source ?? "", targetLanguage: target, entries: entries), diagnostics)
    }

    /// `concepts/consent.en.md` → concepts/consent.
    static func reference(_ original: String) -> Reference? {
        let parts = original.split(separator: "/")
        guard parts.count == 2, let type = EntryType(rawValue: String(parts[0])),
            let id = parts[1].split(separator: ".").first, Identifier.isValid(String(id))
        else { return nil }
        return Reference(type: type, id: String(id))
    }

    private static func units(in element: XElement?) -> [XElement] {
        guard let element else { return [] }
        return element.elements.flatMap { child -> [XElement] in
            switch child.name {
            case "trans-unit": return [child]
            case "group": return units(in: child)
            default: return []
            }
        }
    }

    static func at(_ element: XElement) -> SourceRange {
        SourceRange(line: element.line, column: element.column, length: element.name.count + 1)
    }

    /// An element's content as pieces. Codes whose Markdown is not in the file
    /// (`<g>`, `<x/>` …) get an empty native; the import fills it in by id.
    static func pieces(_ element: XElement) -> [Piece] {
        // An <ept> has no ctype: it is of the kind its <bpt> opened.
        var kinds: [Int: CodeKind] = [:]
        return rawPieces(element).merged.map { piece in
            switch piece {
            case .open(let c):
                kinds[c.id] = c.kind
                return piece
            case .close(var c):
                c.kind = kinds[c.id] ?? c.kind
                return .close(c)
            default: return piece
            }
        }
    }

    private static func rawPieces(_ element: XElement) -> [Piece] {
        var out: [Piece] = []
        for child in element.children {
            switch child {
            case .text(let s):
                out.append(.text(s))
            case .element(let e):
                let id = e.attribute("id").flatMap(Int.init) ?? e.attribute("rid").flatMap(Int.init) ?? 0
                let kind = XLIFFWriter.kind(ctype: e.attribute("ctype"))
                switch e.name {
                case "bpt", "bx":
                    out.append(.open(InlineCode(id: id, kind: kind ?? .html, native: codeText(e))))
                case "ept", "ex":
                    out.append(.close(InlineCode(id: id, kind: kind ?? .html, native: codeText(e))))
                case "ph", "x", "it":
                    out.append(.placeholder(InlineCode(id: id, kind: kind ?? .html, native: codeText(e))))
                case "g":
                    out.append(.open(InlineCode(id: id, kind: kind ?? .html, native: "")))
                    out += rawPieces(e)
                    out.append(.close(InlineCode(id: id, kind: kind ?? .html, native: "")))
                case "mrk":
                    out += rawPieces(e)
                default:
                    // Unknown markup: keep its text, so nothing the translator wrote is lost.
                    out.append(.text(e.text))
                }
            }
        }
        return out
    }

    /// A code's native Markdown: its text, without `<sub>` (translatable sub-flows are not used here).
    private static func codeText(_ element: XElement) -> String {
        var out = ""
        for child in element.children {
            if case .text(let s) = child { out += s }
        }
        return out
    }
}
