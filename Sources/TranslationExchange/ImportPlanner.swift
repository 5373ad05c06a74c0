import Diagnostics
import GuideModel
import Schema

/// A translation file an import writes: its new text (LF line ends, no
/// byte-order mark), by path relative to the content folder.
public struct FileChange: Sendable {
    /// `concepts/consent.pap.md`.
    public var relativePath: String
    public var text: String
    public var isNew: Bool
    /// How many units' text changed, and the file's status.
    public var changedUnits: Int
    public var status: UnitStatus
}

/// Works out what importing an exchange document changes, without writing:
/// the translation files to write and the diagnostics (at the exchange
/// file's lines). A file is written only if all its units could be imported;
/// an unchanged file is not written at all, so an export imported back
/// unchanged leaves every byte as it was.
public struct ImportPlanner {
    let guide: Guide
    let schemas: SchemaSet
    /// The exchange file as diagnostics name it.
    let path: String
    let text: (EntryFile) -> String?

    /// `text` reads a file's text as the loader did (no byte-order mark, LF line ends).
    public init(guide: Guide, schemas: SchemaSet, path: String, text: @escaping (EntryFile) -> String?) {
        self.guide = guide
        self.schemas = schemas
        self.path = path
        self.text = text
    }

    public func plan(_ document: ExchangeDocument) -> (changes: [FileChange], diagnostics: [Diagnostic]) {
        let language = document.targetLanguage
        let firstLine = SourceRange(line: document.entries.first?.line ?? 1, column: 1, length: 1)
        let source = guide.config.sourceLanguage
        guard guide.config.languageCodes.contains(language), language != source else {
            let problem =
                language == source
                ? "is the source language, which is not translated"
                : "is not declared in guide.yml"
            return (
                [],
                [
                    .error(
                        "translate.language", file: path, at: firstLine, "target language \"\(language)\" \(problem)",
                        help:
                            "import a file exported with `guide translate export --language <language>` for a declared language"
                    )
                ]
            )
        }
        if !document.sourceLanguage.isEmpty, document.sourceLanguage != source {
            return (
                [],
                [
                    .error(
                        "translate.language", file: path, at: firstLine,
                        "the file translates from \"\(document.sourceLanguage)\", but the guide's source language is \"\(source)\"",
                        help: "export again from this guide")
                ]
            )
        }
        var changes: [FileChange] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<Reference> = []
        for exchange in document.entries {
            let at = SourceRange(line: exchange.line, column: 1, length: 1)
            guard seen.insert(exchange.reference).inserted else {
                diagnostics.append(
                    .error(
                        "translate.unknown-unit", file: path, at: at,
                        "\(exchange.reference) appears twice in this file", help: "import each entry once"))
                continue
            }
            guard let entry = guide.entry(exchange.reference),
                let slots = EntrySlots(entry: entry, language: language, guide: guide, text: text)
            else {
                diagnostics.append(
                    .warning(
                        "translate.unknown-unit", file: path, at: at,
                        "\(exchange.reference) is not an entry of this guide (or has no readable source file); it is ignored"
                    ))
                continue
            }
            var entryImport = EntryImport(
                slots: slots, exchange: exchange, format: document.format, language: language,
                path: path, maxLengths: maxLengths(entry.type), termbase: guide.termbase)
            let change = entryImport.run()
            diagnostics += entryImport.diagnostics
            if let change { changes.append(change) }
        }
        return (changes, diagnostics)
    }

    private func maxLengths(_ type: EntryType) -> [String: Int] {
        guard let registry = schemas.registry, let uri = schemas.uri(type.schemaName) else { return [:] }
        return registry.propertyAnnotations(of: uri).compactMapValues { $0["maxLength"]?.numberValue?.integerValue }
    }
}

extension Array where Element == Piece {
    /// The same text and codes (kind, and Markdown but for emphasis, which
    /// `*` and `_` write alike), whatever the codes' ids.
    func sameText(as other: [Piece]) -> Bool {
        func normal(_ c: InlineCode) -> InlineCode {
            let delimited = c.kind == .emphasis || c.kind == .strong || c.kind == .strikethrough
            return InlineCode(id: 0, kind: c.kind, native: delimited ? "" : c.native)
        }
        func normal(_ pieces: [Piece]) -> [Piece] {
            pieces.merged.map { piece in
                switch piece {
                case .text: return piece
                case .open(let c): return .open(normal(c))
                case .close(let c): return .close(normal(c))
                case .placeholder(let c): return .placeholder(normal(c))
                }
            }
        }
        return normal(self) == normal(other)
    }

    /// What a source unit says, for telling whether it changed: its text and its codes' kinds.
    var signature: String {
        merged.map { piece in
            switch piece {
            case .text(let s): return s
            case .open(let c): return "<\(c.kind.rawValue)>"
            case .close(let c): return "</\(c.kind.rawValue) \(c.kind == .link || c.kind == .image ? c.native : "")>"
            case .placeholder(let c): return "<\(c.kind.rawValue) \(c.kind == .lineBreak ? "" : c.native)/>"
            }
        }.joined()
    }
}
