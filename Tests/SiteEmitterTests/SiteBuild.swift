import Diagnostics
import Foundation
import GuideModel
import Loader
import Schema
import SiteEmitter
import Synchronization
import XCTest

/// A site built for a test: a copy of the sample guide (optionally changed),
/// the repository's templates (optionally changed), written to a temp folder.
final class SiteBuild: Sendable {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var site: URL { root.appendingPathComponent("site") }
    /// What the last `build` loaded and reported.
    private let last = Mutex<(guide: Guide?, diagnostics: [Diagnostic])>((nil, []))
    var guide: Guide { last.withLock { $0.guide! } }
    var diagnostics: [Diagnostic] { last.withLock { $0.diagnostics } }

    /// Copies `Content/` and `Templates/` into a fresh temp folder.
    init(name: String = "site") throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("guide-\(name)-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Content"), to: content)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: templates)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    /// Loads the guide and runs the site emitter into `site/` (emptied first).
    /// `beforeEmit` runs after loading, with the empty output folder in place.
    @discardableResult
    func build(
        drafts: Bool = false, into folder: URL? = nil, today: FullDate? = nil, handouts: [PublishedHandout] = [],
        beforeEmit: (() throws -> Void)? = nil
    ) throws -> [Diagnostic] {
        let loaded = ContentLoader(root: content, displayRoot: content.path).load()
        last.withLock { $0 = (loaded.guide, []) }
        let target = folder ?? site
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try beforeEmit?()
        var context = EmitContext(
            guide: loaded.guide, folder: target, templates: templates, drafts: drafts, sourceDate: nil,
            today: today ?? FullDate(utcDayOf: Date()))
        context.publishedHandouts = handouts
        let diagnostics = try SiteEmitter().emit(context)
        last.withLock { $0.diagnostics = diagnostics }
        return diagnostics
    }

    /// Every file of the site, as sorted paths relative to `site/`.
    func files(in folder: URL? = nil) -> [String] {
        let base = folder ?? site
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted()
    }

    func page(_ relative: String) -> String? {
        try? String(contentsOf: site.appendingPathComponent(relative), encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}

/// Small HTML reading helpers for assertions (the pages are our own, regular markup).
enum HTML {
    /// Values of an attribute anywhere in the page.
    static func attributes(_ name: String, in html: String) -> [String] {
        let pattern = "\\s\(name)=\"([^\"]*)\""
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    /// `src` of any element and `href` of `<link>`: what a browser loads by
    /// itself (a canonical or alternate `<link>` names an address, loads nothing).
    static func assetReferences(in html: String) -> [String] {
        let regex = try! NSRegularExpression(
            pattern:
                "<(link(?![^>]*rel=\"(?:canonical|alternate)\")|script|img|source|iframe|video|audio|embed|object)\\b[^>]*?\\s(?:href|src|data)=\"([^\"]*)\""
        )
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { String(html[Range($0.range(at: 2), in: html)!]) }
    }

    /// Text as a template writes a value (`{{name}}`): `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
    }
}
