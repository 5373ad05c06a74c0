import Checks
import Diagnostics
import Foundation
import GuideModel
import Loader
import Schema
import XCTest

@testable import HandoutEmitter

/// The repository's own sample guide (`Content/`), loaded and checked the way `guide build`
/// does, and emitted by `HandoutEmitter` into a temporary folder.
enum SampleGuide {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")
    static let templates = repository.appendingPathComponent("Templates")
    /// 2025-01-01T00:00:00Z, as SOURCE_DATE_EPOCH.
    static let sourceDate = Date(timeIntervalSince1970: 1_735_689_600)
    /// The day helpline ages are measured against (`guide build --today`): fixed, so freshness does
    /// not depend on the clock, and after every date in the content, as on a real build day (guide
    /// check refuses a `verified_on` in the future). Not the source date: `guide build` never
    /// takes the build day from SOURCE_DATE_EPOCH.
    static let buildDay = FullDate(year: 2027, month: 1, day: 1) ?? FullDate(daysSinceEpoch: 0)

    /// Loads and checks a content folder; fails the test on any check error.
    static func load(_ folder: URL = content, file: StaticString = #filePath, line: UInt = #line) -> Guide {
        let loaded = ContentLoader(root: folder, displayRoot: "Content").load()
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas,
            loadDiagnostics: loaded.diagnostics, today: Date())
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors, [], "the content must pass guide check", file: file, line: line)
        return loaded.guide
    }

    /// Loads and checks a content folder made to fail guide check on purpose: the errors must be
    /// exactly of these codes (one each), and the guide is returned for an emitter to be given anyway.
    static func load(_ folder: URL, expectingErrors codes: [String], file: StaticString = #filePath, line: UInt = #line)
        -> (guide: Guide, errors: [Diagnostic])
    {
        let loaded = ContentLoader(root: folder, displayRoot: "Content").load()
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas,
            loadDiagnostics: loaded.diagnostics, today: Date())
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.code), codes, "\(errors)", file: file, line: line)
        return (loaded.guide, errors)
    }

    /// Emits handouts into a fresh temporary folder.
    static func emit(_ guide: Guide, templates: URL = templates, sourceDate: Date? = sourceDate) throws
        -> (report: HandoutEmitter.Report, folder: URL)
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handouts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let context = EmitContext(
            guide: guide, folder: folder, templates: templates, drafts: false, sourceDate: sourceDate,
            today: buildDay)
        return (try HandoutEmitter().build(context), folder)
    }

    /// A writable copy of the sample content, to break on purpose.
    static func copyOfContent() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: content, to: copy)
        return copy
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit changed nothing in \(file.lastPathComponent)")
        try Data(changed.utf8).write(to: file)
    }

    /// Text for comparisons that must survive line breaks: white space (including no-break
    /// spaces) and hyphens (pango adds one where it breaks a word) removed.
    static func squeezed(_ text: String) -> String {
        String(
            text.unicodeScalars.filter {
                !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "-" && $0 != "\u{2010}"
            }
            .map(Character.init))
    }

    /// Paper sizes in points as `pdfinfo` reports them, written out here rather than taken from the engine.
    static let pageSizes: [String: (Double, Double)] = [
        "cr80": (242.65, 153.07), "a6": (297.64, 419.53), "a4": (595.28, 841.89), "letter": (612, 792),
        "a3": (841.89, 1190.55),
    ]

    /// What a handout's QR code must open, worked out from the definition and guide.yml.
    static func expectedQR(_ definition: HandoutDefinition, language: String, guide: Guide) -> String? {
        let base = guide.config.baseURL
        switch definition.qr {
        case nil: return nil
        case .home: return "\(base)\(language)/"
        case .entry(let reference) where reference.type == .helplines:
            return guide.entry(reference).flatMap(guide.sourceFile(of:)).flatMap(dialLink)
        case .entry(let reference): return "\(base)\(language)/\(reference.type.rawValue)/\(reference.id)/"
        }
    }

    /// The `tel:` link of a helpline's first phone channel, or the wa.me link of its WhatsApp channel.
    static func dialLink(_ file: EntryFile) -> String? {
        for channel in file.frontMatter["channels"]?.arrayValue ?? [] {
            let value = channel["value"]?.stringValue ?? ""
            switch channel["type"]?.stringValue {
            case "phone", "toll-free": return "tel:" + value
            case "whatsapp": return "https://wa.me/" + value.filter(\.isNumber)
            default: continue
            }
        }
        return nil
    }

    /// Helplines a handout must print: those its country and selection name (at most its
    /// `limit: {helplines: N}`, those named in `order` first, then as `include` and the country
    /// list them), and those its protocols name; on a handout for a country, only that country's.
    static func helplines(of definition: HandoutDefinition, guide: Guide) -> [Entry] {
        let selected = guide.entries(of: definition)
        var result = selected.filter { $0.type == .helplines }
        if let country = definition.country {
            let listed = Set(result.map(\.reference))
            result += guide.helplines(of: country, drafts: false).filter { !listed.contains($0.reference) }
        }
        if let limit = definition.value["limit"]?["helplines"]?.numberValue?.integerValue {
            let order = (definition.value["order"]?.arrayValue ?? []).compactMap(\.stringValue)
            let rank = { (entry: Entry) in order.firstIndex(of: entry.reference.description) ?? order.count }
            result = Array(
                result.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
                    .map(\.element).prefix(limit))
        }
        for protocolEntry in selected where protocolEntry.type == .protocols {
            let names = guide.sourceFile(of: protocolEntry)?.strings("helplines") ?? []
            result += names.compactMap(Reference.init(parsing:)).compactMap(guide.entry)
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0.id).inserted }.filter { entry in
            definition.country.map { guide.sourceFile(of: entry)?.string("country") == $0 } ?? true
        }
    }

    /// A helpline's `verified_on`, from its source file.
    static func verifiedOn(_ anchor: String, guide: Guide) -> FullDate? {
        Reference(parsing: anchor).flatMap(guide.entry).flatMap(guide.sourceFile(of:))?.string("verified_on").flatMap(
            FullDate.init)
    }

    /// Runs Tools/pdfprobe.py (pdfminer.six and pikepdf) on PDFs: what each holds, by path.
    static func probe(_ files: [URL]) throws -> [String: PDFProbe] {
        let script = repository.appendingPathComponent("Tests/HandoutEmitterTests/Tools/pdfprobe.py")
        // The python3 on PATH, where setup.sh installs pikepdf and pdfminer.six.
        let output = try PDFTools.run("/usr/bin/env", ["python3", script.path] + files.map(\.path))
        return try JSONDecoder().decode([String: PDFProbe].self, from: Data(output.utf8))
    }

    /// Words with letters outside ASCII (ñ, è, ò …): what a font lacking the language would drop.
    static func accentedWords(_ text: String) -> [String] {
        text.split { !$0.isLetter }.map(String.init).filter { $0.unicodeScalars.contains { !$0.isASCII } }
    }
}
