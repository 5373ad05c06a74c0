import Diagnostics
import Foundation
import Mustache

/// The site's Mustache templates, read and compiled once from
/// `Templates/site/` (names are paths without `.mustache`: `pages/entry`,
/// `partials/notice`, `layout`). Problems are diagnostics at the template's
/// file and line, never crashes.
struct SiteTemplates: Sendable {
    let library: MustacheLibrary

    /// Templates the emitter renders directly.
    static let pages = ["pages/root", "pages/home", "pages/entry", "pages/listing", "pages/terms", "pages/search", "sw",
                                "partials/card", "partials/contact"]

    static func load(folder: URL, displayFolder: String) -> (SiteTemplates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        for relative in files(in: folder, extension: "mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let display = "\(displayFolder)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                diagnostics.append(.error("site.template", file: display, at: nil, "cannot read the template"))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                library.register(try MustacheTemplate(string: FastHTMLContentType.pragma + text), named: name)
                texts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "site.template", file: display,
                    at: SourceRange(line: error.context.lineNumber,
                                    column: max(error.context.columnNumber - (error.context.lineNumber == 1 ? FastHTMLContentType.pragma.count : 0), 1),
                                    length: 1),
                    "template syntax: \(describe(error.error))", help: "check the {{…}} tag here"))
            } catch {
                diagnostics.append(.error("site.template", file: display, at: nil, "template syntax: \(error)"))
            }
        }
        // Partials and parents that name a template that does not exist.
        for name in texts.keys.sorted() {
            for (line, column, partial) in partialNames(in: texts[name]!) where library.getTemplate(named: partial) == nil {
                if diagnostics.contains(where: { $0.file == "\(displayFolder)/\(partial).mustache" }) { continue }
                diagnostics.append(.error("site.template", file: "\(displayFolder)/\(name).mustache",
                                          at: SourceRange(line: line, column: column, length: partial.count + 5),
                                          "no template named \"\(partial)\" (looked for \(displayFolder)/\(partial).mustache)"))
            }
        }
        for page in pages where library.getTemplate(named: page) == nil && texts[page] == nil {
            if diagnostics.contains(where: { $0.file == "\(displayFolder)/\(page).mustache" }) { continue }
            diagnostics.append(.error("site.template-missing", file: "\(displayFolder)/\(page).mustache", at: nil,
                                      "the site needs this template", help: "restore it from the project's Templates/site/"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (SiteTemplates(library: library), diagnostics)
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(Self.node(context), withTemplate: name) ?? ""
    }

    /// The context as `TemplateNode`s, with `has_<key>` for every list and
    /// string (recursively), so templates can test for "not empty" without
    /// reaching a same-named key further up the context stack.
    static func node(_ context: [String: Any]) -> TemplateNode {
        var result = context
        for (key, value) in context {
            switch value {
            case let node as TemplateNode:
                result[key] = node
            case let list as [[String: Any]]:
                result[key] = list.map(node)
                result["has_" + key] = !list.isEmpty
            case let list as [Any]:
                result["has_" + key] = !list.isEmpty
            case let text as String:
                result["has_" + key] = !text.isEmpty
            case let object as [String: String]:
                result[key] = TemplateNode(object)
            case let object as [String: Any]:
                result[key] = node(object)
            default:
                continue
            }
        }
        return TemplateNode(result)
    }

    /// Files under `folder` with `extension`, as sorted relative paths.
    static func files(in folder: URL, extension ext: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        for case let path as String in enumerator where path.hasSuffix("." + ext) { found.append(path) }
        return found.sorted()
    }

    /// `{{> name}}` and `{{< name}}` tags with their 1-based line and column.
    static func partialNames(in text: String) -> [(Int, Int, String)] {
        var result: [(Int, Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let first = tag.first, first == ">" || first == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty, !name.hasPrefix("*") {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        result.append((index + 1, column, name))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited block"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} is not allowed"
        case .invalidConfigVariableSyntax: return "bad pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}

/// One level of a template context. A final class makes swift-mustache's
/// per-lookup protocol checks much cheaper than on `Dictionary<String, Any>`.
final class TemplateNode: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    init(_ values: [String: String]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}
