import Foundation
import Synchronization
import XCTest

/// Standard output collected from another thread.
final class Output: Sendable {
    private let data = Mutex(Data())
    func append(_ more: Data) { data.withLock { $0 += more } }
    var text: String { String(decoding: data.withLock { $0 }, as: UTF8.self) }
}

/// A running `guide serve --port 0` on a copy of the sample guide.
struct ServeProcess {
    let process: Process
    let base: URL
    let output: Output
    let errors: Output
    let temporary: String
    let pipes: [Pipe]

    func stop() {
        if process.isRunning { process.terminate() }
        for pipe in pipes { pipe.fileHandleForReading.readabilityHandler = nil }
    }

    /// Starts the preview and waits until it prints the address it serves.
    init(_ copy: SampleCopy, _ extra: [String] = []) throws {
        let process = Process()
        process.executableURL = SampleCopy.binary
        process.arguments = ["serve", "--port", "0"] + extra
        process.currentDirectoryURL = copy.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let output = Output()
        let errors = Output()
        stdout.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        stderr.fileHandleForReading.readabilityHandler = { handle in errors.append(handle.availableData) }
        try process.run()

        // The port it picked, from its output.
        var port: String?
        let started = Date()
        while port == nil, Date().timeIntervalSince(started) < 120, process.isRunning {
            if let range = output.text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                port = String(output.text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            }
            usleep(50_000)
        }
        self.process = process
        self.base = URL(string: "http://127.0.0.1:\(port ?? "0")/")!
        self.output = output
        self.errors = errors
        self.temporary =
            output.text.components(separatedBy: "Temporary build folder: ").last?
            .components(separatedBy: "\n").first ?? ""
        self.pipes = [stdout, stderr]
        if port == nil { stop() }
        _ = try XCTUnwrap(port, "no URL printed: \(output.text)")
    }
}
