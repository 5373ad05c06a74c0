import Diagnostics
import Dispatch
import FileSystem
import Foundation
import GuideModel
import JSON
import Parallel
import Templating

/// Writes the static site: a folder per language, every page an
/// `index.html` reached by relative links, rendered from the Mustache
/// templates in `Templates/site/` with the interface strings in
/// `Templates/strings/`. See `Templates/site/README.md` for the layout.
public struct SiteEmitter: Emitter {
    public init() {}

    public var name: String { "site" }

    public func emit(_ context: EmitContext) throws -> [Diagnostic] {
        let global = SiteInputs(context)
        let kept = context.lastBuild?.value as? Kept
        let design =
            kept.flatMap { $0.design.global == global ? $0.design : nil } ?? Design(loading: context, global: global)
        let diagnostics = design.problems
        guard let templates = design.templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return diagnostics
        }
        let (strings, settings) = (design.strings, design.settings)

        let model = SiteModel(guide: context.guide, drafts: context.drafts)
        let writer = SiteWriter(folder: context.folder, inPlace: context.inPlace)

        let entries = context.guide.allEntries
        var fingerprints: [Reference: String] = [:]
        for entry in entries { fingerprints[entry.reference] = entry.fingerprint }
        let dependencies = SiteDependencies(entries: entries, fingerprints: fingerprints)
        var record = SiteRecord(
            global: global,
            entries: Dictionary(uniqueKeysWithValues: fingerprints.map { ($0.key.description, $0.value) }))
        let reuse = Reuse(lastBuild: kept, current: record)
        let cards = reuse.cards ?? CardCache()
        cards.forget(reuse.changes.entries)
        let builder = PageBuilder(
            model: model, strings: strings, settings: settings, templates: templates, cards: cards,
            today: context.today, publishedHandouts: context.publishedHandouts)
        let pages = plan(model: model, builder: builder, dependencies: dependencies)
        if !context.inPlace {
            writer.createFolders(pages: pages.map(\.path), shared: model.languages.map { SitePaths.searchIndex($0) })
        }
        // Jobs on all cores: first the pages of entries that changed (the page an
        // editor is looking at is replaced soonest), then each language's search
        // index (the longest jobs), then every other page.
        let languages = model.languages
        let folded = SearchIndex.FoldedCache()
        let edited = pages.indices.filter {
            pages[$0].entry.map { reuse.changes.entries.contains($0.description) } ?? false
        }
        let editedSet = Set(edited)
        let jobs: [Job] =
            edited.map(Job.page) + languages.indices.map(Job.searchIndex) + [Job.sitemap]
            + pages.indices.filter { !editedSet.contains($0) }.map(Job.page)
        let results = Parallel.map(jobs.count) { index -> SiteWriter.Written? in
            switch jobs[index] {
            case .sitemap:
                return SiteMap.xml(model: model, builder: builder).map { writer.write("sitemap.xml", $0) }
            case .searchIndex(let language):
                let script = SearchIndex.script(for: languages[language], builder: builder, cache: folded)
                return writer.write(SitePaths.searchIndex(languages[language]), script)
            case .page(let number):
                let page = pages[number]
                return reuse.written(page) ?? writer.render(page, with: templates)
            }
        }
        var files: [SiteWriter.Written] = []
        files.reserveCapacity(results.count + 16)
        for (job, written) in zip(jobs, results) {
            guard let written else { continue }
            files.append(written)
            if case .page(let number) = job {
                record.files[written.path] = SiteRecord.File(
                    hash: written.hash, dependencies: pages[number].dependencies)
            }
        }
        files += try writer.copyTree(from: context.templates.appendingPathComponent("site/assets"), to: "assets")
        files.append(writer.write("robots.txt", SiteMap.robots(config: model.guide.config)))
        files += try writer.copyMedia(
            model.guide.media.sorted(), contentRoot: model.guide.contentFolder,
            displayRoot: model.guide.contentFolderDisplay)

        // Offline: a list of each language's files, and a service worker whose
        // bytes (its cache name) change whenever any output does.
        let byFolder = Dictionary(grouping: files.map(\.path), by: Self.firstComponent)
        // Shared files, less those a reader never opens offline (the sitemap can be megabytes).
        let notKept: Set<String> = ["sitemap.xml", "robots.txt", "sw.js", "404.html"]
        let shared = byFolder.filter { !model.languages.contains($0.key) }.values.joined().filter {
            !notKept.contains($0)
        }.sorted()
        for language in model.languages {
            let own = (byFolder[language] ?? []).sorted()
            let list = JSONValue.array((shared + own).map { .string($0) })
            files.append(
                writer.write(SitePaths.offlineList(language), JSONWriter(sortedKeys: true, pretty: false).string(list)))
        }
        let version = SiteWriter.version(of: files)
        let worker = templates.render(
            "sw", ["version": .string(version), "languages": .list(model.languages.map { ["code": .string($0)] })])
        files.append(writer.write("sw.js", worker))

        let problems = writer.problems
        for file in files where record.files[file.path] == nil {
            record.files[file.path] = SiteRecord.File(hash: file.hash, dependencies: nil)
        }
        if let old = reuse.recorded {
            for path in old.files.keys where record.files[path] == nil { OutputFiles.remove(path, in: context.folder) }
        }
        if problems.isEmpty { context.kept.value = Kept(record: record, cards: cards, design: design) }
        return diagnostics + problems
    }

    /// One job of the parallel part of a build.
    enum Job {
        case searchIndex(Int)
        case sitemap
        case page(Int)
    }

    /// What the next build in this process gets back: the record, the cards
    /// rendered (a card shows one entry: those of unchanged entries stay
    /// good) and the templates, strings and settings (good while nothing
    /// global changed).
    struct Kept: Sendable {
        let record: SiteRecord
        let cards: CardCache
        let design: Design
    }

    /// The site's templates, interface strings and settings as loaded, with
    /// the problems found in them, for one global fingerprint.
    struct Design: Sendable {
        let global: SiteInputs
        let templates: SiteTemplates?
        let strings: InterfaceStrings
        let settings: SiteSettings
        let problems: [Diagnostic]

        init(loading context: EmitContext, global: SiteInputs) {
            self.global = global
            let templatesDisplay = SiteEmitter.display(context.templates)
            let siteFolder = context.templates.appendingPathComponent("site")
            let (templates, templateProblems) = SiteTemplates.load(
                folder: siteFolder, displayFolder: "\(templatesDisplay)/site")
            let (strings, stringProblems) = InterfaceStrings.load(
                folder: context.templates.appendingPathComponent("strings"),
                displayFolder: "\(templatesDisplay)/strings",
                config: context.guide.config, configDocument: context.guide.configDocument)
            let (settings, settingProblems) = SiteSettings.load(
                folder: siteFolder, displayFolder: "\(templatesDisplay)/site")
            self.templates = templates
            self.strings = strings
            self.settings = settings
            problems = templateProblems + stringProblems + settingProblems
        }
    }

    /// Which pages of the last build in place (`guide serve`) can stand:
    /// those whose recorded dependencies and current ones name no changed
    /// entry, when nothing global changed.
    struct Reuse: Sendable {
        /// What the last build recorded (its files: those no longer made are removed).
        let recorded: SiteRecord?
        /// The same, when nothing global changed since: pages may be reused.
        let previous: SiteRecord?
        let changes: EntryChanges
        /// The last build's cards, when nothing global changed.
        let cards: CardCache?

        init(lastBuild kept: Kept?, current: SiteRecord) {
            recorded = kept?.record
            previous = recorded.flatMap { $0.global == current.global ? $0 : nil }
            cards = previous == nil ? nil : kept?.cards
            changes = previous.map { current.changes(since: $0) } ?? EntryChanges(entries: [])
        }

        /// The page as the last build wrote it, or nil when it must be rendered.
        func written(_ page: PlannedPage) -> SiteWriter.Written? {
            guard let previous, let old = previous.files[page.path], let recorded = old.dependencies,
                !page.dependencies.isStale(recorded: recorded, changes: changes)
            else { return nil }
            return SiteWriter.Written(path: page.path, hash: old.hash)
        }
    }

    /// Every page: root, then per language home, listings, entries, search
    /// (each language's pages planned on its own core).
    func plan(model: SiteModel, builder: PageBuilder, dependencies: SiteDependencies) -> [PlannedPage] {
        let root = PlannedPage(path: "index.html", template: "pages/root", dependencies: .none) {
            builder.rootPage().context
        }
        let notFound = PlannedPage(path: "404.html", template: "pages/not-found", dependencies: .none) {
            builder.notFoundPage(nil).context
        }
        let perLanguage = Parallel.map(model.languages.count) { index in
            plan(model.languages[index], model: model, builder: builder, dependencies: dependencies)
        }
        return [root, notFound] + perLanguage.joined()
    }

    /// One language's pages.
    private func plan(_ language: String, model: SiteModel, builder: PageBuilder, dependencies: SiteDependencies)
        -> [PlannedPage]
    {
        var pages: [PlannedPage] = []
        pages.append(
            PlannedPage(path: SitePaths.home(language), template: "pages/home", dependencies: .all) {
                builder.homePage(language).context
            })
        pages.append(
            PlannedPage(path: SitePaths.search(language), template: "pages/search", dependencies: .none) {
                builder.searchPage(language).context
            })
        pages.append(
            PlannedPage(path: SitePaths.safety(language), template: "pages/safety", dependencies: .none) {
                builder.safetyPage(language).context
            })
        pages.append(
            PlannedPage(path: SitePaths.handouts(language), template: "pages/handouts", dependencies: .none) {
                builder.handoutsPage(language).context
            })
        pages.append(
            PlannedPage(path: SitePaths.notFound(language), template: "pages/not-found", dependencies: .none) {
                builder.notFoundPage(language).context
            })
        pages.append(
            PlannedPage(path: SitePaths.offlinePage(language), template: "pages/not-found", dependencies: .none) {
                builder.offlinePage(language).context
            })
        for type in EntryType.allCases {
            pages.append(
                PlannedPage(
                    path: SitePaths.typeListing(language, type), template: "pages/listing",
                    dependencies: SiteDependencies.listing(type)
                ) {
                    builder.typePage(type, language).context
                })
            for shown in model.entries(of: type, in: language) {
                pages.append(
                    PlannedPage(
                        path: SitePaths.entry(language, type, shown.entry.id), template: "pages/entry",
                        dependencies: dependencies.entryPage(shown.entry.reference), entry: shown.entry.reference
                    ) {
                        builder.entryPage(shown).context
                    })
            }
        }
        for group in PageBuilder.groups {
            pages.append(
                PlannedPage(path: SitePaths.groupIndex(language, group), template: "pages/terms", dependencies: .none) {
                    builder.groupPage(group, language).context
                })
            for term in builder.terms(group) {
                pages.append(
                    PlannedPage(
                        path: SitePaths.term(language, group, term.id), template: "pages/listing",
                        dependencies: dependencies.termPage(group: group, term: term.id)
                    ) {
                        builder.termPage(group, term, language).context
                    })
            }
        }
        pages += glossaryPages(language, model: model, builder: builder)
        return pages
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

/// A page to render: where it goes, with which template, what it is made
/// from, and how to build its context.
struct PlannedPage: Sendable {
    let path: String
    let template: String
    let dependencies: PageDependencies
    /// The entry whose page this is (nil for listings and other pages).
    var entry: Reference? = nil
    let context: @Sendable () -> Context
}
