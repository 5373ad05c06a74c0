import Foundation
import GuideModel
import Loader
import Mustache
import Schema
import Synchronization
import Templating
import XCTest

@testable import SiteEmitter

/// Every page of the sample site, and every card and the service worker the
/// site renders with its templates, rendered by our renderer and by
/// swift-mustache (the reference: its public API only), byte for byte alike.
///
/// swift-mustache and the spec disagree only where our templates do not go,
/// all about indentation (no partial or block of ours is indented): swift-
/// mustache fails the spec's "Intrinsic indentation" and "Nested block
/// reindentation" tests, indents a partial's token that follows a line end
/// an interpolated value wrote, and indents the later lines of a block that
/// does not stand alone by the whitespace before it. We follow the spec.
final class ReferenceRendererTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One render the site asked for.
    struct Render: Sendable {
        let template: String
        let context: [String: TemplateValue]
    }

    final class Recorder: Sendable {
        private let recorded = Mutex<[Render]>([])
        var renders: [Render] { recorded.withLock { $0 } }
        func record(_ template: String, _ context: [String: TemplateValue]) {
            recorded.withLock { $0.append(Render(template: template, context: context)) }
        }
    }

    func testEveryPageRendersAsSwiftMustacheRendersIt() throws {
        let recorder = Recorder()
        let (site, pages) = try Self.sampleSite(recorder: recorder)
        var recording = site
        recording.recorder = { recorder.record($0, $1) }
        for page in pages { _ = recording.render(page.template, page.context()) }
        XCTAssertGreaterThan(pages.count, 600, "the sample site's pages")

        let reference = try Self.referenceLibrary()
        var compared: [String: Int] = [:]
        var mismatches: [String] = []
        for render in recorder.renders {
            let ours = site.render(render.template, render.context)
            let theirs = reference.render(
                Self.mustacheObject(TemplateObject(render.context)), withTemplate: render.template)
            compared[render.template, default: 0] += 1
            if ours != theirs {
                mismatches.append("\(render.template): \(Self.firstDifference(ours, theirs ?? "(nil)"))")
            }
        }
        let total = compared.values.reduce(0, +)
        print(
            "Compared with swift-mustache: \(total) renders (\(pages.count) pages), "
                + compared.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for template in SiteTemplates.pages where template != "partials/contact" {
            XCTAssertNotNil(compared[template], "\(template) rendered and compared")
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(5).joined(separator: "\n"))
    }

    /// The sample guide's site as `SiteEmitter.emit` plans it: its templates
    /// and every page (the service worker too), with half of the handouts published.
    static func sampleSite(recorder: Recorder) throws -> (SiteTemplates, [PlannedPage]) {
        let content = repository.appendingPathComponent("Content")
        let guide = ContentLoader(root: content, displayRoot: content.path).load().guide
        let today = try XCTUnwrap(FullDate("2026-12-06"))
        var context = EmitContext(
            guide: guide, folder: FileManager.default.temporaryDirectory,
            templates: repository.appendingPathComponent("Templates"), drafts: false, sourceDate: nil, today: today)
        var published: [PublishedHandout] = []
        for (index, handout) in guide.handouts.enumerated() {
            for language in handout.languages where (index + published.count) % 2 == 0 {
                published.append(
                    PublishedHandout(
                        id: handout.id, language: language, fileName: "\(handout.id).\(language).pdf",
                        bytes: 150_000 + 70_000 * index, pages: 2 + index))
            }
        }
        XCTAssertFalse(published.isEmpty)
        context.publishedHandouts = published
        let design = SiteEmitter.Design(loading: context, global: SiteInputs(context))
        XCTAssertEqual(design.problems.filter { $0.severity == .error }, [])
        let templates = try XCTUnwrap(design.templates)
        var recording = templates
        recording.recorder = { recorder.record($0, $1) }
        let model = SiteModel(guide: guide, drafts: false)
        let builder = PageBuilder(
            model: model, strings: design.strings, settings: design.settings, templates: recording,
            today: today, publishedHandouts: published)
        var fingerprints: [Reference: String] = [:]
        for entry in guide.allEntries { fingerprints[entry.reference] = entry.fingerprint }
        let dependencies = SiteDependencies(entries: guide.allEntries, fingerprints: fingerprints)
        var pages = SiteEmitter().plan(model: model, builder: builder, dependencies: dependencies)
        let languages: TemplateValue = .list(model.languages.map { ["code": .string($0)] })
        pages.append(
            PlannedPage(path: "sw.js", template: "sw", dependencies: .none) {
                ["version": "0123abcd", "languages": languages]
            })
        return (templates, pages)
    }

    /// The site's templates as swift-mustache parses them.
    static func referenceLibrary() throws -> MustacheLibrary {
        let folder = repository.appendingPathComponent("Templates/site")
        var library = MustacheLibrary()
        for relative in SiteTemplates.files(in: folder, extension: "mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            library.register(try MustacheTemplate(string: text), named: String(relative.dropLast(".mustache".count)))
        }
        return library
    }

    /// A context as swift-mustache reads it: dictionaries, arrays and plain
    /// values, with the `has_<name>` keys `TemplateObject` answers (a name
    /// the object sets itself wins).
    static func mustacheObject(_ object: TemplateObject) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in object.values {
            switch value {
            case .string(let text): result["has_" + key] = !text.isEmpty
            case .list(let items): result["has_" + key] = !items.isEmpty
            default: break
            }
        }
        for (key, value) in object.values { result[key] = mustacheValue(value) }
        return result
    }

    static func mustacheValue(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag
        case .int(let number): return number
        case .decimal(let number): return number
        case .list(let items): return items.map(mustacheValue)
        case .object(let object): return mustacheObject(object)
        }
    }

    /// Where two renders part: line number and both lines.
    static func firstDifference(_ ours: String, _ theirs: String) -> String {
        let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let own = index < a.count ? String(a[index]) : "(end)"
            let reference = index < b.count ? String(b[index]) : "(end)"
            return "line \(index + 1): ours \(own) | swift-mustache \(reference)"
        }
        return "same lines"
    }
}
