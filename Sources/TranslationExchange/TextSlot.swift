/// One translatable text of an entry file, and where it is written: a
/// translatable front-matter value (or one item of a translatable list), or a
/// body block's text (a heading, a paragraph, a list item's paragraph, a table
/// cell). Translation units are slots of the source file; importing replaces
/// slots' text in the translation file and leaves every other byte alone.
struct TextSlot: Sendable {
    enum Kind: Sendable, Equatable {
        /// A string field (`title`, `summary` …).
        case field(String)
        /// One item of a translatable list field (`aliases`).
        case listItem(field: String, index: Int)
        case heading(level: Int)
        case paragraph
        case tableHeaderCell
        case tableCell
    }

    /// The unit's key within its entry: `summary`, `aliases.1`, `body.4`.
    var key: String
    var kind: Kind
    /// Where it sits in the body's structure (`ol/li/p`, `h2#steps`, `table/td`):
    /// a translation whose body has the same shapes as its source is aligned with it.
    var shape: String
    /// The section id of the heading above it, if any.
    var section: String?
    /// Its text as pieces; nil when its Markdown could not be read into
    /// pieces (the slot is then left as written).
    var pieces: [Piece]?
    /// Its text's byte range in the file's (LF-normalised) text.
    var span: Range<Int>
    /// What to write after a hard line break to stay in the block (list indentation, `> `).
    var continuation: String
    /// The file line its text starts on.
    var line: Int

    var isField: Bool {
        switch kind {
        case .field, .listItem: return true
        default: return false
        }
    }

    var context: MarkdownContext {
        switch kind {
        case .heading: return .heading
        case .tableCell, .tableHeaderCell: return .tableCell
        default: return .block
        }
    }

    /// What it is, for a translator's note.
    var description: String {
        let place = section.map { " in section \"\($0)\"" } ?? ""
        switch kind {
        case .field(let name): return "field \(name)"
        case .listItem(let name, let index): return "\(name) item \(index + 1)"
        case .heading(let level): return "heading (level \(level))" + (section.map { " of section \"\($0)\"" } ?? "")
        case .paragraph: return (shape.contains("li/") ? "list item" : "paragraph") + place
        case .tableHeaderCell: return "table heading cell" + place
        case .tableCell: return "table cell" + place
        }
    }
}
