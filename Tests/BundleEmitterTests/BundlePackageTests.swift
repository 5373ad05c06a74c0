import BundleEmitter
import Digest
import Foundation
import GuideModel
import JSON
import XCTest

/// Licence, provenance and the manifest: every data file says who publishes it,
/// under which licence, and where its schema is; `datapackage.json` lists every
/// file with its size and SHA-256, and the `frictionless` tool (PyPI) accepts it.
final class BundlePackageTests: XCTestCase {
    func testEveryFileCarriesLicenceProvenanceAndItsSchema() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build()
        let names = bundle.fileNames.filter { $0.hasPrefix("guide") && $0 != "guide.schema.json" }
        XCTAssertEqual(names.count, 7)
        let schema = try bundle.json("guide.schema.json")
        XCTAssertEqual(schema["$id"]?.stringValue, "https://guide.example.org/bundle/guide.schema.json")
        for name in names {
            let document = try bundle.json(name)
            XCTAssertEqual(document["$schema"], schema["$id"], name)
            XCTAssertEqual(
                document["licence"],
                object([
                    "id": .string("CC-BY-4.0"), "name": .string("Creative Commons Attribution 4.0 International"),
                    "url": .string("https://creativecommons.org/licenses/by/4.0/"),
                ]), name)
            XCTAssertEqual(document["contact"], .null, "the sample states no contact: \(name)")
            XCTAssertEqual(document["documentation_url"], .null, name)
            XCTAssertEqual(document["review_text"]?.stringValue, "notice", name)
        }
        XCTAssertEqual(
            try bundle.full["publisher"],
            object([
                "names": .object(
                    JSONObject(
                        ["en", "es", "nl", "pap", "ht", "pt"].map {
                            ($0, JSONValue.string("guide project (sample content, not an official publication)"))
                        })),
                "name_languages": .object(
                    JSONObject(["en", "es", "nl", "pap", "ht", "pt"].map { ($0, JSONValue.string("en")) })),
            ]), "one name for every language, written in the source language")
        XCTAssertEqual(try bundle.language("pap")["publisher"]?["name_language"]?.stringValue, "en")
    }

    func testWithoutProvenanceTheBundleSaysNotStated() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        var config = try guide.read("guide.yml")
        for key in ["publisher:", "licence:"] {
            guard let start = config.range(of: "\n" + key) else { return XCTFail("guide.yml has no \(key)") }
            let rest = config[start.upperBound...]
            let end = rest.range(of: "\n[a-z_]+:", options: .regularExpression)?.lowerBound ?? rest.endIndex
            config.removeSubrange(start.lowerBound..<end)
        }
        try guide.write("guide.yml", config)
        let bundle = try guide.build()
        for document in [try bundle.full, try bundle.language("es")] {
            XCTAssertEqual(document["licence"], .null)
            XCTAssertEqual(document["publisher"], .null)
        }
        let package = try bundle.json("datapackage.json")
        XCTAssertNil(package["licenses"], "no licence is claimed that the guide does not state")
        XCTAssertNil(package["contributors"])
    }

    func testManifestListsEveryFileWithSizeAndHash() throws {
        let guide = try TestGuide()
        defer { guide.remove() }
        let bundle = try guide.build(sourceDate: Date(timeIntervalSince1970: 1_700_000_000))
        let package = try bundle.json("datapackage.json")
        XCTAssertEqual(package["$schema"]?.stringValue, "https://datapackage.org/profiles/2.0/datapackage.json")
        XCTAssertEqual(package["version"]?.stringValue, "1.0.0")
        XCTAssertEqual(package["created"]?.stringValue, "2023-11-14T22:13:20Z")
        let resources = try XCTUnwrap(package["resources"]?.arrayValue)
        XCTAssertEqual(
            resources.compactMap { $0["path"]?.stringValue }.sorted(),
            bundle.fileNames.filter { $0 != "datapackage.json" })
        for resource in resources {
            let path = try XCTUnwrap(resource["path"]?.stringValue)
            let bytes = [UInt8](try Data(contentsOf: bundle.url(path)))
            XCTAssertEqual(resource["bytes"], .number(.integer(bytes.count)), path)
            XCTAssertEqual(resource["hash"]?.stringValue, "sha256:" + Hex.string(SHA256.hash(data: bytes)), path)
            XCTAssertEqual(
                resource["jsonSchema"]?.stringValue, path == "guide.schema.json" ? nil : "guide.schema.json", path)
            XCTAssertEqual(resource["licenses"]?.arrayValue?.first?["name"]?.stringValue, "CC-BY-4.0", path)
        }

        guard let frictionless = Processes.which("frictionless") else {
            return XCTFail(
                "frictionless is not installed: `python3 -m pip install frictionless` (scripts/setup.sh does)")
        }
        let valid = try XCTUnwrap(
            Processes.run(frictionless, ["validate", "--json", "datapackage.json"], in: bundle.folder))
        XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
        XCTAssertEqual(try JSONParser.parse(valid.stdout)["valid"], .bool(true), valid.stdout)

        // A changed byte is caught: the manifest is what a partner checks a download against.
        var text = try String(contentsOf: bundle.url("guide.es.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"1.0.1\"")
        try Data(text.utf8).write(to: bundle.url("guide.es.json"))
        let broken = try XCTUnwrap(
            Processes.run(frictionless, ["validate", "--json", "datapackage.json"], in: bundle.folder))
        XCTAssertNotEqual(broken.status, 0)
        XCTAssertTrue(broken.stdout.contains("hash-count"), broken.stdout)
    }
}
