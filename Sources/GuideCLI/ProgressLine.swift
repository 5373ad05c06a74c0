import Foundation
import Glibc
import Synchronization

/// One line on standard error saying what a long command is doing, redrawn
/// in place. It appears only when standard error is a terminal and the
/// command has run for more than a second; piped output stays quiet.
final class ProgressLine: Sendable {
    private struct Line {
        var phase = ""
        var shown = false
        var finished = false
    }

    private let line = Mutex(Line())
    private let started = Date()
    let enabled: Bool

    init(enabled: Bool = ProgressLine.isTerminal) {
        self.enabled = enabled
        guard enabled else { return }
        let thread = Thread { [self] in
            usleep(1_000_000)
            while draw() { usleep(100_000) }
        }
        thread.name = "guide: progress"
        thread.start()
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// What the command is doing now ("checking Content/", "writing site" …).
    func set(_ phase: String) {
        line.withLock { $0.phase = phase }
    }

    /// Seconds since the command started.
    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Clears the line; nothing is drawn after this.
    func finish() {
        line.withLock { line in
            if line.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            line.finished = true
        }
    }

    /// Draws the line; false once finished.
    private func draw() -> Bool {
        let elapsed = elapsed
        return line.withLock { line in
            guard !line.finished else { return false }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line.phase) … \(String(format: "%.1f", elapsed)) s".utf8))
            line.shown = true
            return true
        }
    }
}
