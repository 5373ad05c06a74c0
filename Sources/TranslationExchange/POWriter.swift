/// Writes an exchange document as a gettext PO file for PO-based tools
/// (Poedit, Weblate, Pootle): `msgctxt` is `<type>/<id>#<unit>`, notes and
/// the export's version are extracted comments (`#.`), the source line a
/// reference (`#:`), and a translation in review or draft is `fuzzy`.
///
/// PO has no inline codes: body texts are Markdown (links written
/// `[text](target)`), and the import checks that every link target, code
/// and autolink is still the source's. Field values are plain text.
public enum POWriter {
    /// `date` goes into PO-Revision-Date (`YYYY-MM-DD HH:MM+0000`).
    public static func write(_ document: ExchangeDocument, languageName: String, date: String) -> String {
        var out =
            "# The guide in \(languageName) (\(document.targetLanguage)), translated from \(document.sourceLanguage).\n"
        out += "# Written by `guide translate export`; bring it back with `guide translate import`.\n"
        out += "# An entry marked fuzzy is in review. Removing the fuzzy flag from an entry whose\n"
        out += "# translation you did not change approves it; a changed translation comes back in review.\n"
        out += "msgid \"\"\nmsgstr \"\"\n"
        let header = [
            "Project-Id-Version: guide", "PO-Revision-Date: \(date)", "Last-Translator: ",
            "Language-Team: \(languageName)",
            "Language: \(document.targetLanguage)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit", "X-Guide-Source-Language: \(document.sourceLanguage)",
        ]
        for field in header { out += "\"\(escaped(field))\\n\"\n" }
        for entry in document.entries {
            for unit in entry.units {
                out += "\n"
                for note in unit.notes { out += "#. \(oneLine(note))\n" }
                if let version = entry.version { out += "#. \(entry.reference) \(version.written)\n" }
                if let line = unit.sourceLine { out += "#: \(entry.sourceFile):\(line)\n" }
                if unit.target != nil, let status = unit.status, status != .published { out += "#, fuzzy\n" }
                out += "msgctxt \"\(escaped("\(entry.reference)#\(unit.key)"))\"\n"
                out += "msgid \"\(escaped(text(unit.source, key: unit.key)))\"\n"
                out += "msgstr \"\(escaped(unit.target.map { text($0, key: unit.key) } ?? ""))\"\n"
            }
        }
        return out
    }

    /// A unit's text in PO: Markdown for body texts, plain text for field values.
    static func text(_ pieces: [Piece], key: String) -> String {
        isMarkdown(key) ? pieces.markdown(in: .block) : pieces.plainText
    }

    static func isMarkdown(_ key: String) -> Bool { key.hasPrefix("body.") }

    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    private static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
