import BundleEmitter
import Foundation
import JSON
import Schema
import XCTest

/// Hashes cover every value a file shows for an entry, derived ones included,
/// and a consumer can recompute them with the recipe docs/bundle.md gives.
final class BundleHashTests: XCTestCase {
    /// The recipe of docs/bundle.md ("Hashes"), then every hash of a file recomputed with it.
    static let recompute = #"""
        import hashlib, json, re, sys

        def canonical(value):
            text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            escapes = {"\\b": "\\u0008", "\\f": "\\u000c", "\u2028": "\\u2028", "\u2029": "\\u2029"}
            return re.sub(r'\\\\|\\b|\\f|\u2028|\u2029', lambda m: escapes.get(m.group(0), m.group(0)), text).encode("utf-8")

        def sha256(value):
            return "sha256:" + hashlib.sha256(canonical(value)).hexdigest()

        if sys.argv[1] == "--canonical":
            sys.stdout.buffer.write(canonical(json.load(open(sys.argv[2], encoding="utf-8"))))
            sys.exit(0)
        checked = 0
        for path in sys.argv[1:]:
            bundle = json.load(open(path, encoding="utf-8"))
            if bundle["kind"] == "guide":
                top = {k: v for k, v in bundle.items() if k not in ("content_hash", "generated_at", "build_day")}
                assert sha256(top) == bundle["content_hash"], f"{path}: top-level hash"
            for entry in bundle["entries"]:
                texts = entry["languages"] if bundle["kind"] == "guide" else {bundle["language"]: entry}
                core_keys = {"type", "id", "ref", "data", "channels", "contact_point", "organization", "freshness"}
                core = {k: v for k, v in entry.items() if k != "languages" and (bundle["kind"] == "guide" or k in core_keys)}
                for code, text in texts.items():
                    if "content_hash" not in text:
                        continue
                    localized = {k: v for k, v in text.items() if k != "content_hash" and k not in core_keys}
                    assert sha256({"entry": core, "localized": localized}) == text["content_hash"], f"{path}: {entry['ref']} [{code}]"
                    checked += 1
        print(f"checked {checked}")
        """#

    func testConsumersRecomputeEveryHashWithTheDocumentedRecipe() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build(sourceDate: Date(timeIntervalSince1970: 1_700_000_000))
        let python = try XCTUnwrap(Processes.which("python3"))
        let result = try XCTUnwrap(
            Processes.run(
                python,
                [
                    "-c", Self.recompute, bundle.url("guide.json").path,
                    bundle.url("guide.pap.json").path,
                ]))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("checked "), result.stdout + result.stderr)
        XCTAssertGreaterThan(Int(result.stdout.dropFirst("checked ".count).prefix { $0.isNumber }) ?? 0, 300)
    }

    /// The recipe's escapes are guide's: what Python reads from guide's compact JSON it writes back byte for byte.
    func testTheRecipeWritesWhatGuideWrites() throws {
        let tricky: JSONValue = .array(
            [
                "a \"q\" \\ b", "\u{08}\u{0C}\u{01}\u{1F}\t\n\r", "\u{2028}\u{2029}", "\\b \\f \\\\b",
                "/ é ✓ \u{7F}", "日本",
            ].map(JSONValue.string))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hash-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = JSONWriter(sortedKeys: true, pretty: false).bytes(tricky)
        try Data(bytes).write(to: root)
        let python = try XCTUnwrap(Processes.which("python3"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.recompute, "--canonical", root.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let written = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: bytes, as: UTF8.self))
    }

    /// A value derived from the data (here a helpline's freshness on the build day) changes the
    /// entry's hash in every language, and nothing else's.
    func testDerivedValuesAreHashed() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let ref = "helplines/tt-emergency"
        // The day before and the day the helpline turns stale, from its verified_on and the guide's window.
        let staleFrom = try guide.freshnessWindow(of: ref).staleFrom
        let before = try guide.build(today: FullDate(daysSinceEpoch: staleFrom.daysSinceEpoch - 1)).full
        let after = try guide.build(today: staleFrom).full
        XCTAssertEqual(before.entry(ref)?["data"], after.entry(ref)?["data"])
        XCTAssertNotEqual(before.entry(ref)?["freshness"], after.entry(ref)?["freshness"])
        for language in ["en", "es", "nl", "pap", "ht", "pt"] {
            XCTAssertNotEqual(
                before.entry(ref, in: language)?["content_hash"], after.entry(ref, in: language)?["content_hash"],
                language)
        }
        XCTAssertNotEqual(before["content_hash"], after["content_hash"], "a stale flag flipped: the content changed")
        XCTAssertEqual(
            before.entry("concepts/consent", in: "es")?["content_hash"],
            after.entry("concepts/consent", in: "es")?["content_hash"])
        // Days on which nothing flips give the same content hash: build_day is not hashed. The day
        // after (or the first later day on which no other helpline turns stale):
        let flips = Set(after["entries"]?.arrayValue?.compactMap { $0["freshness"]?["stale_from"]?.stringValue } ?? [])
        var day = staleFrom.daysSinceEpoch
        while flips.contains(FullDate(daysSinceEpoch: day + 1).description) { day += 1 }
        let earlier =
            day == staleFrom.daysSinceEpoch ? after : try guide.build(today: FullDate(daysSinceEpoch: day)).full
        let later = try guide.build(today: FullDate(daysSinceEpoch: day + 1)).full
        let flags = { (bundle: JSONValue) in
            bundle["entries"]?.arrayValue?.compactMap { $0["freshness"]?["stale"] } ?? []
        }
        XCTAssertEqual(flags(earlier), flags(later), "no stale flag flipped")
        XCTAssertEqual(earlier["content_hash"], later["content_hash"])
    }
}
