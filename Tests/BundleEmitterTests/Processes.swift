import Foundation
import Synchronization
import XCTest

/// Runs programs for end-to-end tests and finds the built `guide`.
enum Processes {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`; nil when it cannot be started.
    static func run(
        _ executable: String, _ arguments: [String], in folder: URL? = nil,
        environment: [String: String]? = nil
    ) -> Result? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return nil }
        // Read both pipes while the process runs, so a large output cannot block it.
        final class Box: Sendable { let data = Mutex(Data()) }
        let outData = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            outData.data.withLock { $0 = data }
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData.data.withLock { $0 }, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The first program called `name` on PATH.
    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The `guide` executable SwiftPM built next to this test bundle.
    static func guideExecutable(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle(for: Marker.self).bundleURL.deletingLastPathComponent())
        candidates.append(TestGuide.repository.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let path = folder.appendingPathComponent("guide").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        XCTFail(
            "the guide executable was not found in \(candidates.map(\.path)); run `swift build` first",
            file: file, line: line)
        throw XCTSkip("no guide executable")
    }

    private final class Marker {}
}
