import Diagnostics
import Foundation
import GuideModel
import JSON
import Markdown

/// The text of a translation stub: the source's translatable fields copied
/// for translating, `status: review`, and the source body's headings with
/// the same section ids. `source_hash` is left out, so the stub counts as
/// unstamped (outdated) until a translator has reviewed it and stamped it.
struct ScaffoldTranslation {
    var source: EntryFile
    var language: String
    var languageName: String
    var translatable: Set<String>
    var sectionRules: [SectionRule]

    func text() -> String {
        var lines = [
            "---",
            "# \(languageName) (\(language)) translation of \(source.path): translate the text below.",
            "# Keep every {#id} after a heading as it is. When done, run `guide stamp` on this file.",
        ]
        for (key, value) in source.frontMatter where translatable.contains(key) {
            lines.append("\(key): \(Self.yaml(value))")
        }
        lines.append("status: review")
        lines += ["---", ""]
        let headings = source.body.headings
        if let first = source.body.blocks.first, headings.first.map({ $0.range != first.range }) ?? true {
            lines += ["TODO: translate the introduction of \(source.path).", ""]
        }
        let bodyLines = source.bodyText.split(separator: "\n", omittingEmptySubsequences: false)
        for occurrence in headings {
            let index = occurrence.range.start.line - source.bodyLine
            let written = index >= 0 && index < bodyLines.count ? String(bodyLines[index]) : ""
            let heading = occurrence.heading
            lines.append(
                written.hasPrefix("#")
                    ? written
                    : String(repeating: "#", count: heading.level) + " " + Self.plain(heading.inlines)
                        + (heading.id.map { " {#\($0)}" } ?? ""))
            lines.append("")
            lines += placeholder(for: heading.id)
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A placeholder keeping the section's shape: as many steps as the source's list.
    private func placeholder(for id: String?) -> [String] {
        guard let id, let rule = sectionRules.first(where: { $0.id == id }) else {
            return ["TODO: translate this section."]
        }
        let items =
            source.body.section(id: id)?.blocks.lazy.compactMap { block -> List? in
                if case .list(let list) = block.kind { return list }
                return nil
            }.first?.items.count ?? 1
        switch rule.content {
        case .orderedList: return (1...max(items, 1)).map { "\($0). TODO: translate step \($0)." }
        case .bulletList: return (1...max(items, 1)).map { _ in "- TODO: translate this item." }
        case .paragraph, .any: return ["TODO: translate this section."]
        }
    }

    /// A front-matter value as YAML flow (JSON-compatible): strings double-quoted.
    static func yaml(_ value: JSONValue) -> String {
        switch value {
        case .string: return JSONWriter(pretty: false).string(value)
        case .array(let items): return "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { yaml(.string($0.key)) + ": " + yaml($0.value) }.joined(separator: ", ") + "}"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        }
    }

    private static func plain(_ inlines: [Inline]) -> String {
        PlainTextRenderer().render([Block(.paragraph(inlines), range: SourceRange(line: 1, column: 1, length: 0))])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
