import Foundation
import XCTest

/// Tools nobody here wrote that read our translation files: translate-toolkit
/// (PyPI `translate-toolkit`, through python3) and `msgfmt` (Debian `gettext`).
/// scripts/setup.sh installs both; a missing one fails the test, naming the package.
enum TranslationTools {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func require(_ name: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> String
    {
        guard let path = find(name) else {
            XCTFail("\(name) is not installed: \(package) (scripts/setup.sh installs it)", file: file, line: line)
            throw XCTSkip("missing \(name)")
        }
        return path
    }

    /// Runs a Python script with translate-toolkit in `folder`; fails the test when it is not installed.
    static func python(_ script: String, in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws
        -> SampleCopy.Result
    {
        let python = try require("python3", package: "python3")
        let check = try SampleCopy.run(
            URL(fileURLWithPath: python), ["-c", "import translate.storage.xliff, translate.storage.po"], in: folder)
        guard check.status == 0 else {
            XCTFail(
                "translate-toolkit is not installed: pip install translate-toolkit (scripts/setup.sh installs it)",
                file: file, line: line)
            throw XCTSkip("missing translate-toolkit")
        }
        return try SampleCopy.run(URL(fileURLWithPath: python), ["-c", script], in: folder)
    }

    static func msgfmtCheck(_ po: URL, file: StaticString = #filePath, line: UInt = #line) throws -> SampleCopy.Result {
        let msgfmt = try require("msgfmt", package: "apt-get install gettext", file: file, line: line)
        return try SampleCopy.run(
            URL(fileURLWithPath: msgfmt), ["--check", "--statistics", "-o", "/dev/null", po.path],
            in: po.deletingLastPathComponent())
    }
}
