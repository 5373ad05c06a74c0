import Foundation
import Synchronization
import XCTest

/// A temporary copy of the sample guide (Content/ and Templates/) and a way to
/// run the built `guide` binary in it.
final class SampleCopy: Sendable {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `guide` executable next to the test bundle in `.build/<configuration>/`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["GUIDE_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [
            Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle(for: SampleCopy.self).bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("guide")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repository.appendingPathComponent(".build/debug/guide")
    }()

    let root: URL

    init(templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guide-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Content"),
            to: root.appendingPathComponent("Content"))
        let templatesFolder = Self.repository.appendingPathComponent("Templates")
        if templates, FileManager.default.fileExists(atPath: templatesFolder.path) {
            try FileManager.default.copyItem(at: templatesFolder, to: root.appendingPathComponent("Templates"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: url(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }

    /// Replaces the first occurrence of `old` in a file (failing the test if it is not there).
    func edit(
        _ relative: String, replacing old: String, with new: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let text = try read(relative)
        XCTAssertTrue(text.contains(old), "\(relative) does not contain \(old)", file: file, line: line)
        guard let range = text.range(of: old) else { return }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `guide` with `arguments` in the copy's folder.
    @discardableResult
    func guide(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try Self.run(Self.binary, arguments, in: root, environment: environment)
    }

    /// Runs git in the copy's folder, failing on a non-zero exit.
    func git(_ arguments: [String]) throws {
        let result = try Self.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments, in: root)
        XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
    }

    static func run(
        _ executable: URL, _ arguments: [String], in folder: URL,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let errData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errData.data.withLock { $0 = data }
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.data.withLock { $0 }, as: UTF8.self))
    }
}

/// Data filled in by another thread.
final class DataBox: Sendable {
    let data = Mutex(Data())
}
