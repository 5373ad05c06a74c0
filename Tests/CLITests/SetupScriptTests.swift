import Foundation
import XCTest

/// `scripts/setup.sh` installs everything the code, the styles and the tests
/// name, so the README's two commands work on a fresh Debian 12 machine: every
/// system library a target links (its `.apt` provider in Package.swift), every
/// font package the handout style names (and the font is installed), and the
/// package of every external tool the tests run.
final class SetupScriptTests: XCTestCase {
    /// The Debian packages the setup script installs.
    static func installed() throws -> Set<String> {
        let script = try String(
            contentsOf: SampleCopy.repository.appendingPathComponent("scripts/setup.sh"), encoding: .utf8)
        let start = try XCTUnwrap(script.range(of: "packages=(\n"))
        let end = try XCTUnwrap(script.range(of: "\n)\n", range: start.upperBound..<script.endIndex))
        var names: Set<String> = []
        for line in script[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            names.formUnion(code.split(separator: " ").map(String.init))
        }
        return names
    }

    func testSystemLibrariesAreInstalled() throws {
        let manifest = try String(
            contentsOf: SampleCopy.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let providers = try NSRegularExpression(pattern: #"\.apt\(\[([^\]]*)\]\)"#)
        let ns = manifest as NSString
        var named: Set<String> = []
        for match in providers.matches(in: manifest, range: NSRange(location: 0, length: ns.length)) {
            for item in ns.substring(with: match.range(at: 1)).split(separator: ",") {
                named.insert(
                    item.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
        }
        XCTAssertGreaterThanOrEqual(named.count, 8, "every system library target names its Debian package")
        let installed = try Self.installed()
        for package in named.sorted() {
            XCTAssertTrue(installed.contains(package), "setup.sh does not install \(package)")
        }
    }

    func testFontsTheStyleNamesAreInstalled() throws {
        let style = try String(
            contentsOf: SampleCopy.repository.appendingPathComponent("Templates/handouts/style.yml"), encoding: .utf8)
        let entry = try NSRegularExpression(pattern: #"family:\s*([^,}]+),\s*package:\s*([a-z0-9.+-]+)"#)
        let ns = style as NSString
        let fonts = entry.matches(in: style, range: NSRange(location: 0, length: ns.length)).map {
            (
                ns.substring(with: $0.range(at: 1)).trimmingCharacters(in: .whitespaces),
                ns.substring(with: $0.range(at: 2))
            )
        }
        XCTAssertFalse(fonts.isEmpty)
        let installed = try Self.installed()
        let families = try SampleCopy.run(
            URL(fileURLWithPath: "/usr/bin/fc-list"), [":", "family"], in: SampleCopy.repository
        ).stdout
        for (family, package) in fonts {
            XCTAssertTrue(installed.contains(package), "setup.sh does not install \(package) (\(family))")
            XCTAssertTrue(
                families.split(separator: "\n").contains { $0.split(separator: ",").contains { $0 == family } },
                "font family \(family) is not installed")
        }
    }

    func testToolsTheTestsRunAreInstalled() throws {
        let installed = try Self.installed()
        let tools = [
            "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "pdffonts": "poppler-utils",
            "pdfinfo": "poppler-utils", "zbarimg": "zbar-tools", "qpdf": "qpdf", "chromium": "chromium",
            "java": "default-jre-headless", "msgfmt": "gettext",
        ]
        for (tool, package) in tools.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(installed.contains(package), "setup.sh does not install \(package), which provides \(tool)")
            XCTAssertEqual(
                try SampleCopy.run(URL(fileURLWithPath: "/usr/bin/env"), ["which", tool], in: SampleCopy.repository)
                    .status, 0,
                "\(tool) is not on the PATH")
        }
    }
}
