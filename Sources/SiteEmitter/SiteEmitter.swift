import Diagnostics
import Dispatch
import Foundation
import GuideModel
import JSON

/// Writes the static site: a folder per language, every page an
/// `index.html` reached by relative links, rendered from the Mustache
/// templates in `Templates/site/` with the interface strings in
/// `Templates/strings/`. See `Templates/site/README.md` for the layout.
public struct SiteEmitter: Emitter {
    public init() {}

    public var name: String { "site" }

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        let templatesDisplay = Self.display(context.templates)
        let siteFolder = context.templates.appendingPathComponent("site")
        var diagnostics: [Diagnostic] = []
        let (templates, templateProblems) = SiteTemplates.load(folder: siteFolder, displayFolder: "\(templatesDisplay)/site")
        diagnostics += templateProblems
        let (strings, stringProblems) = InterfaceStrings.load(
            folder: context.templates.appendingPathComponent("strings"), displayFolder: "\(templatesDisplay)/strings",
            config: context.guide.config, configDocument: context.guide.configDocument)
        diagnostics += stringProblems
        let (settings, settingProblems) = SiteSettings.load(folder: siteFolder, displayFolder: "\(templatesDisplay)/site")
        diagnostics += settingProblems
        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }

        let model = SiteModel(guide: context.guide, drafts: context.drafts)
        let builder = PageBuilder(model: model, strings: strings, settings: settings, templates: templates)
        let writer = SiteWriter(folder: context.folder)

        var pages = plan(model: model, builder: builder)
        pages.sort { $0.path < $1.path }
        writer.createFolders(pages: pages.map(\.path), shared: model.languages.map { SitePaths.searchIndex($0) })
        // One job per language's search index (the longest, so first), then one per page, on all cores.
        let languages = model.languages
        let folded = SearchIndex.FoldedCache()
        var results = [SiteWriter.Written?](repeating: nil, count: languages.count + pages.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: languages.count + pages.count) { index in
                if index < languages.count {
                    let script = SearchIndex.script(for: languages[index], builder: builder, cache: folded)
                    out[index] = writer.write(SitePaths.searchIndex(languages[index]), script)
                } else {
                    out[index] = writer.render(pages[index - languages.count], with: templates)
                }
            }
        }
        var files = results.compactMap { $0 }
        files += try writer.copyTree(from: siteFolder.appendingPathComponent("assets"), to: "assets")
        let mediaDisplay = model.guide.configDocument.map { ($0.path as NSString).deletingLastPathComponent } ?? ""
        files += try writer.copyMedia(model.guide.media.sorted(), contentRoot: Self.contentRoot(of: model.guide), displayRoot: mediaDisplay)

        // Offline: a list of each language's files, and a service worker whose
        // bytes (its cache name) change whenever any output does.
        let shared = files.map(\.path).filter { !model.languages.contains(Self.firstComponent($0)) }.sorted()
        for language in model.languages {
            let own = files.map(\.path).filter { $0.hasPrefix(language + "/") }.sorted()
            let list = JSONValue.array((shared + own).map { .string($0) })
            files.append(writer.write(SitePaths.offlineList(language), JSONWriter(sortedKeys: true, pretty: false).string(list)))
        }
        let version = SiteWriter.version(of: files)
        let worker = templates.render("sw", ["version": .string(version), "languages": .list(model.languages.map { ["code": .string($0)] })])
        _ = writer.write("sw.js", worker)
        return diagnostics + writer.problems
    }

    /// Every page: root, then per language home, listings, entries, search.
    func plan(model: SiteModel, builder: PageBuilder) -> [PlannedPage] {
        var pages: [PlannedPage] = [PlannedPage(path: "index.html", template: "pages/root") { builder.rootPage().context }]
        for language in model.languages {
            pages.append(PlannedPage(path: SitePaths.home(language), template: "pages/home") { builder.homePage(language).context })
            pages.append(PlannedPage(path: SitePaths.search(language), template: "pages/search") { builder.searchPage(language).context })
            for type in EntryType.allCases {
                pages.append(PlannedPage(path: SitePaths.typeListing(language, type), template: "pages/listing") {
                    builder.typePage(type, language).context
                })
                for shown in model.entries(of: type, in: language) {
                    pages.append(PlannedPage(path: SitePaths.entry(language, type, shown.entry.id), template: "pages/entry") {
                        builder.entryPage(shown).context
                    })
                }
            }
            for group in PageBuilder.groups {
                pages.append(PlannedPage(path: SitePaths.groupIndex(language, group), template: "pages/terms") {
                    builder.groupPage(group, language).context
                })
                for term in builder.terms(group) {
                    pages.append(PlannedPage(path: SitePaths.term(language, group, term.id), template: "pages/listing") {
                        builder.termPage(group, term, language).context
                    })
                }
            }
        }
        return pages
    }

    /// `Content/` as the loader read it: the folder holding `guide.yml`.
    static func contentRoot(of guide: Guide) -> URL? {
        if let path = guide.configDocument?.path {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        guard let file = guide.allEntries.first?.files.values.first else { return nil }
        return URL(fileURLWithPath: file.path).deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A folder as diagnostics show it: relative to the working folder when inside it.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    static func firstComponent(_ path: String) -> String {
        String(path.prefix { $0 != "/" })
    }
}

/// A page to render: where it goes, with which template, from which context.
struct PlannedPage: Sendable {
    let path: String
    let template: String
    let context: @Sendable () -> Context
}
