import BundleEmitter
import Checks
import Diagnostics
import Foundation
import GuideModel
import JSON
import Loader
import Schema
import XCTest

/// A copy of the sample guide (`<repo>/Content`) in a temporary folder, which
/// a test may change, load, check and build the bundle from.
struct TestGuide {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleContent = repository.appendingPathComponent("Content")

    let root: URL
    var content: URL { root.appendingPathComponent("Content") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sampleContent, to: content)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { content.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws { try Data(text.utf8).write(to: url(relative)) }

    func delete(_ relative: String) throws { try FileManager.default.removeItem(at: url(relative)) }

    /// Replaces the first occurrence of `old` in a file; fails the test if it is not there.
    func replace(
        _ old: String, with new: String, in relative: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else {
            XCTFail("\(relative) does not contain \"\(old)\"", file: file, line: line)
            return
        }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    /// Removes every link to an entry (`type/id`) from the other files, as an editor does before
    /// making the entry a draft (a published text may not link to a draft: reference.unpublished):
    /// front-matter list items that name it, and Markdown links to it, whose text stays.
    /// Returns the files it changed, relative to Content/.
    @discardableResult
    func unlink(_ ref: String) throws -> [String] {
        let target = NSRegularExpression.escapedPattern(for: ref) + "(?:#[A-Za-z0-9_-]+)?"
        let quoted = "['\"]?" + target + "['\"]?"
        // In the body and in front matter: `[text](ref)` keeps `text`.
        let links = [(#"\[([^\]\n]*)\]\("# + target + #"\)"#, "$1")]
        // In front matter only: a block list item, an inline list's first item, a later one.
        let lists = [
            (#"(?m)^[ \t]*-[ \t]+"# + quoted + #"[ \t]*\n"#, ""),
            (#"(?<=\[)[ \t]*"# + quoted + #"[ \t]*(?:,[ \t]*|(?=\]))"#, ""),
            (#"[ \t]*,[ \t]*"# + quoted + #"[ \t]*(?=[,\]])"#, ""),
        ]
        func apply(_ rules: [(String, String)], to text: String) throws -> String {
            try rules.reduce(text) { text, rule in
                let expression = try NSRegularExpression(pattern: rule.0)
                return expression.stringByReplacingMatches(
                    in: text, range: NSRange(text.startIndex..., in: text),
                    withTemplate: rule.1)
            }
        }
        var changed: [String] = []
        for relative in try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted()
        where (relative.hasSuffix(".md") || relative.hasSuffix(".yml")) && !relative.hasPrefix(ref + ".") {
            let text = try read(relative)
            // Front matter: the whole of a .yml file, the part between the `---` lines of a .md file.
            var split = text.startIndex
            if relative.hasSuffix(".yml") {
                split = text.endIndex
            } else if text.hasPrefix("---\n"), let close = text.dropFirst(3).range(of: "\n---\n") {
                split = close.upperBound
            }
            let edited =
                try apply(links, to: apply(lists, to: String(text[..<split])))
                + apply(links, to: String(text[split...]))
            if edited != text {
                try write(relative, edited)
                changed.append(relative)
            }
        }
        return changed
    }

    /// Loads and checks the guide; fails the test on any error diagnostic.
    func load(file: StaticString = #filePath, line: UInt = #line) -> Guide {
        let loaded = ContentLoader(root: content, displayRoot: "Content").load()
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas,
            loadDiagnostics: loaded.diagnostics, today: Date())
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssert(
            errors.isEmpty, "the test guide has errors: \(errors.map { "\($0.file): \($0.message)" })",
            file: file, line: line)
        return loaded.guide
    }

    /// Records the current source hash in a translation, as `guide stamp` does.
    func stamp(_ relative: String) throws {
        let guide = load()
        let parts = relative.split(separator: "/")
        let name = parts[1].split(separator: ".")
        let entry = try XCTUnwrap(
            guide.entry(Reference(type: EntryType(rawValue: String(parts[0]))!, id: String(name[0]))))
        let source = try XCTUnwrap(guide.sourceFile(of: entry))
        let hash = SourceHash.of(source, translatable: guide.fieldRules[entry.type]?.translatable ?? [])
        try write(
            relative, try XCTUnwrap(FrontMatterEditor.setting("source_hash", to: "\"\(hash)\"", in: read(relative))))
    }

    /// Removes a translation's `source_hash`, so it counts as never stamped.
    func unstamp(_ relative: String) throws {
        let lines = try read(relative).components(separatedBy: "\n").filter { !$0.hasPrefix("source_hash:") }
        try write(relative, lines.joined(separator: "\n"))
    }

    /// A helpline's re-check window as the content sets it: its `verified_on`, the guide's
    /// `helpline_max_age_days`, and the first day its numbers are stale (docs/bundle.md:
    /// verified_on + max_age_days + 1).
    func freshnessWindow(of ref: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> (verifiedOn: FullDate, maxAgeDays: Int, staleFrom: FullDate)
    {
        let guide = load(file: file, line: line)
        let reference = try XCTUnwrap(Reference(parsing: ref), file: file, line: line)
        let source = try XCTUnwrap(guide.entry(reference).flatMap(guide.sourceFile(of:)), ref, file: file, line: line)
        let verifiedOn = try XCTUnwrap(
            source.string("verified_on").flatMap(FullDate.init), "\(ref): verified_on",
            file: file, line: line)
        let maxAgeDays = guide.config.helplineMaxAgeDays
        return (verifiedOn, maxAgeDays, FullDate(daysSinceEpoch: verifiedOn.daysSinceEpoch + maxAgeDays + 1))
    }

    /// The build day of test bundles unless a test picks another: fixed, so bundles do not change with the clock.
    static let buildDay = FullDate(year: 2026, month: 6, day: 1) ?? FullDate(daysSinceEpoch: 0)

    /// Builds the bundle into a new folder under the test's root and returns it.
    @discardableResult
    func build(
        drafts: Bool = false, sourceDate: Date? = nil, today: FullDate = TestGuide.buildDay,
        into name: String = UUID().uuidString, file: StaticString = #filePath, line: UInt = #line
    ) throws -> BuiltBundle {
        let folder = root.appendingPathComponent("out-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let context = EmitContext(
            guide: load(file: file, line: line), folder: folder,
            templates: root.appendingPathComponent("Templates"), drafts: drafts, sourceDate: sourceDate,
            today: today)
        let diagnostics = try BundleEmitter().emit(context)
        XCTAssert(diagnostics.isEmpty, "bundle diagnostics: \(diagnostics)", file: file, line: line)
        return BuiltBundle(folder: folder)
    }

    /// A built bundle folder.
    struct BuiltBundle {
        let folder: URL

        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

        func json(_ name: String) throws -> JSONValue {
            try JSONParser.parse([UInt8](Data(contentsOf: url(name))))
        }

        var full: JSONValue { get throws { try json("guide.json") } }

        func language(_ code: String) throws -> JSONValue { try json("guide.\(code).json") }

        var fileNames: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        }
    }
}

extension JSONValue {
    /// The entry with this ref in a bundle document.
    func entry(_ ref: String) -> JSONValue? {
        self["entries"]?.arrayValue?.first { $0["ref"]?.stringValue == ref }
    }

    /// In guide.json: an entry's object for one language.
    func entry(_ ref: String, in language: String) -> JSONValue? {
        entry(ref)?["languages"]?[language]
    }

    var refs: [String] { self["entries"]?.arrayValue?.compactMap { $0["ref"]?.stringValue } ?? [] }
}

/// A JSON object from pairs, for expected values.
func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
    var o = JSONObject()
    for (key, value) in pairs { o[key] = value }
    return .object(o)
}
