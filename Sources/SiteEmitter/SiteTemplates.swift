import Diagnostics
import Foundation
import Mustache

/// The site's Mustache templates, read and compiled once from
/// `Templates/site/` (names are paths without `.mustache`: `pages/entry`,
/// `partials/notice`, `layout`). Problems are diagnostics at the template's
/// file and line, never crashes.
struct SiteTemplates: Sendable {
    let library: MustacheLibrary
    /// The same templates, compiled for fast rendering (nil: swift-mustache renders).
    let compiled: CompiledTemplates?

    /// Templates the emitter renders directly.
    static let pages = ["pages/root", "pages/home", "pages/entry", "pages/listing", "pages/terms", "pages/search",
                        "pages/safety", "pages/handouts", "pages/not-found", "sw",
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
                                          "no template named \"\(partial)\" (looked for \(displayFolder)/\(partial).mustache)",
                                          help: "correct the name, or create \(displayFolder)/\(partial).mustache"))
            }
        }
        for page in pages where library.getTemplate(named: page) == nil && texts[page] == nil {
            if diagnostics.contains(where: { $0.file == "\(displayFolder)/\(page).mustache" }) { continue }
            diagnostics.append(.error("site.template-missing", file: "\(displayFolder)/\(page).mustache", at: nil,
                                      "the site needs this template", help: "restore it from the project's Templates/site/"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        let compiled = CompiledTemplates.compile(library, names: texts.keys.sorted())
        return (SiteTemplates(library: library, compiled: compiled), diagnostics)
    }

    /// Values that are the same on every page of a language at one folder
    /// depth (and section, for `nav`): what templates show from them alone is
    /// rendered once per template and such values (see `CompiledTemplates.render(_:_:shared:into:)`).
    static let sharedNames = ["lang", "dir", "s", "root", "site_title", "site_short_title", "quick_exit_url", "home_href",
                              "search_href", "safety_href", "handouts_href", "language_name", "edition", "publisher",
                              "css_href", "script_src", "sw_src", "icon_href", "nav"]

    /// Appends the UTF-8 of `name` rendered with `context` to `out`.
    func render(_ name: String, _ context: [String: TemplateValue], into out: inout [UInt8]) {
        let object = TemplateObject(context)
        if let compiled {
            compiled.render(name, object, shared: Self.sharedNames, into: &out)
        } else {
            out.append(contentsOf: (library.render(object.mustacheNode, withTemplate: name) ?? "").utf8)
        }
    }

    func render(_ name: String, _ context: [String: TemplateValue]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        render(name, context, into: &out)
        return String(decoding: out, as: UTF8.self)
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
