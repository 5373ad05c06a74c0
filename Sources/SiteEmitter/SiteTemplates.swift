import Diagnostics
import Foundation
import Templating

/// The site's Mustache templates, read and parsed once from
/// `Templates/site/` (names are paths without `.mustache`: `pages/entry`,
/// `partials/notice`, `layout`). Problems are diagnostics at the template's
/// file and line, never crashes.
struct SiteTemplates: Sendable {
    let library: TemplateLibrary
    /// Tests only: told each template rendered and its context (see
    /// TemplatingTests' comparison with the reference renderer).
    var recorder: (@Sendable (String, [String: TemplateValue]) -> Void)? = nil

    /// Templates the emitter renders directly.
    static let pages = [
        "pages/root", "pages/home", "pages/entry", "pages/listing", "pages/terms", "pages/search",
        "pages/safety", "pages/handouts", "pages/not-found", "sw",
        "partials/card", "partials/contact",
    ]

    static func load(folder: URL, displayFolder: String) -> (SiteTemplates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsed: [String: Template] = [:]
        var unparsed: Set<String> = []
        for relative in files(in: folder, extension: "mustache") {
            let name = String(relative.dropLast(".mustache".count))
            let display = "\(displayFolder)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                diagnostics.append(.error("site.template", file: display, at: nil, "cannot read the template"))
                unparsed.insert(name)
                continue
            }
            do {
                parsed[name] = try Template(parsing: String(decoding: data, as: UTF8.self))
            } catch let error as TemplateSyntaxError {
                let at = SourceRange(line: error.line, column: error.column, length: 1)
                diagnostics.append(
                    .error(
                        "site.template", file: display, at: at, "template syntax: \(error.message)",
                        help: "check the {{…}} tag here"))
                unparsed.insert(name)
            } catch {
                diagnostics.append(.error("site.template", file: display, at: nil, "template syntax: \(error)"))
                unparsed.insert(name)
            }
        }
        // Partials and parents that name a template that does not exist.
        for name in parsed.keys.sorted() {
            for tag in parsed[name]!.partialTags where parsed[tag.name] == nil && !unparsed.contains(tag.name) {
                diagnostics.append(
                    .error(
                        "site.template", file: "\(displayFolder)/\(name).mustache",
                        at: SourceRange(line: tag.line, column: tag.column, length: tag.length),
                        "no template named \"\(tag.name)\" (looked for \(displayFolder)/\(tag.name).mustache)",
                        help: "correct the name, or create \(displayFolder)/\(tag.name).mustache"))
            }
        }
        for page in pages where parsed[page] == nil && !unparsed.contains(page) {
            diagnostics.append(
                .error(
                    "site.template-missing", file: "\(displayFolder)/\(page).mustache", at: nil,
                    "the site needs this template", help: "restore it from the project's Templates/site/"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (SiteTemplates(library: TemplateLibrary(parsed)), diagnostics)
    }

    /// Values that are the same on every page of a language at one folder
    /// depth (and section, for `nav`): what templates show from them alone is
    /// rendered once per template and such values (see `TemplateLibrary.render(_:_:shared:into:)`).
    static let sharedNames = [
        "lang", "dir", "s", "root", "site_title", "site_short_title", "quick_exit_url", "home_href",
        "search_href", "safety_href", "handouts_href", "language_name", "edition", "publisher",
        "css_href", "script_src", "sw_src", "icon_href", "nav",
    ]

    /// Appends the UTF-8 of `name` rendered with `context` to `out`.
    func render(_ name: String, _ context: [String: TemplateValue], into out: inout [UInt8]) {
        recorder?(name, context)
        library.render(name, TemplateObject(context), shared: Self.sharedNames, into: &out)
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
}
