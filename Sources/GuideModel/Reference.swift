import Markdown

/// A reference to an entry, written `<type>/<id>` or `<type>/<id>#<section>`.
public struct Reference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var type: EntryType
    public var id: String
    public var section: String?

    public init(type: EntryType, id: String, section: String? = nil) {
        self.type = type
        self.id = id
        self.section = section
    }

    /// Parses `indicators/holds-no-documents#what-to-do`. Returns `nil` for
    /// anything that is not shaped like a reference (an external URL, a media path):
    /// exactly one slash before any `#`, a type before it, an id after it.
    /// Read on the UTF-8 bytes (both separators are ASCII): most strings
    /// asked about (titles, ids, prose) are turned away at the first look.
    public init?(parsing text: String) {
        let utf8 = text.utf8
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let pathEnd = hash ?? utf8.endIndex
        guard let slash = utf8[..<pathEnd].firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let idStart = utf8.index(after: slash)
        guard idStart < pathEnd, !utf8[idStart..<pathEnd].contains(UInt8(ascii: "/")),
            let type = EntryType(rawValue: String(text[..<slash]))
        else { return nil }
        self.init(
            type: type, id: String(text[idStart..<pathEnd]),
            section: hash.map { String(text[utf8.index(after: $0)...]) })
    }

    /// Whether `text` starts like a reference (`concepts/…`), even if malformed,
    /// so checks can tell a broken reference from an ordinary relative link.
    /// Read on the UTF-8 bytes: text without a slash is turned away at once.
    public static func looksLikeReference(_ text: String) -> Bool {
        guard let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")) else { return false }
        return EntryType(rawValue: String(text[..<slash])) != nil
    }

    /// The entry this reference names, without any section.
    public var entry: Reference { Reference(type: type, id: id) }

    public var description: String {
        section.map { "\(type.rawValue)/\(id)#\($0)" } ?? "\(type.rawValue)/\(id)"
    }

    public static func < (a: Reference, b: Reference) -> Bool { a.description < b.description }
}

/// Identifier rules shared by file names, section ids and references.
public enum Identifier {
    /// `[a-z0-9]+(-[a-z0-9]+)*`
    public static func isValid(_ id: String) -> Bool { IdentifierSyntax.isValid(id) }

    /// The id a user probably meant: lower-cased, spaces and underscores as hyphens.
    public static func normalised(_ id: String) -> String {
        id.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }.reduce(into: "") { $0.append($1) }
    }
}
