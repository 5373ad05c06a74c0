import Checks
import Diagnostics
import Foundation
import Loader
import Synchronization

/// The fuzz target: one input is one content file. Its first byte chooses
/// which file of a small guide it replaces (an entry in the source language
/// or a translation, each entry type, guide.yml, a handout, a schema); the
/// rest are the file's bytes. Each input is loaded and checked as `guide
/// check` would, and the diagnostics are printed (to nowhere), so the
/// loader, every check and the printer meet it.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` it is a libFuzzer target
/// (scripts/fuzz.sh); built plainly (or with `-sanitize=address`) it replays
/// files given on the command line, which is how CI runs the corpus.
enum FuzzTarget {
    /// The files an input may stand for, in the order of its first byte.
    static let slots = [
        "concepts/consent.en.md", "concepts/consent.es.md", "indicators/holds-no-documents.en.md",
        "indicators/holds-no-documents.es.md", "protocols/alert-at-check-in.en.md", "helplines/do-line.en.md",
        "guide.yml", "handouts/card.yml", "schema/indicator.schema.json", "schema/common.schema.json",
        "termbase.yml", "tombstones.yml",
    ]

    /// A private copy of the base guide (the checks' base fixture with the
    /// sample guide's schemas), made once per process.
    static let guide: (root: URL, originals: [String: Data]) = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("guide-fuzz-\(getpid())/Content")
        let fm = FileManager.default
        try? fm.removeItem(at: root)
        try! fm.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! fm.copyItem(at: repository.appendingPathComponent("Tests/ChecksTests/Fixtures/base"), to: root)
        try! fm.copyItem(
            at: repository.appendingPathComponent("Content/schema"), to: root.appendingPathComponent("schema"))
        var originals: [String: Data] = [:]
        for slot in slots { originals[slot] = fm.contents(atPath: root.appendingPathComponent(slot).path) }
        // Slots the base guide has no file for start as the sample guide's (termbase, tombstones).
        for slot in slots where originals[slot] == nil {
            if let sample = fm.contents(atPath: repository.appendingPathComponent("Content/\(slot)").path) {
                try? sample.write(to: root.appendingPathComponent(slot))
                originals[slot] = sample
            }
        }
        atexit { try? FileManager.default.removeItem(at: FuzzTarget.guide.root.deletingLastPathComponent()) }
        return (root, originals)
    }()

    /// Files unchanged since the last input are not parsed again, nor the
    /// schemas compiled again (as in `guide serve`): many times more inputs
    /// per second. Every write gets a new inode and modification time, so
    /// the cache always sees a changed file as changed.
    static let cache = LoadCache()
    static let clock = Mutex(1_000_000)

    /// Writes `data` to `url` through a new file with a modification time no file had before.
    static func write(_ data: Data, to url: URL) {
        let temporary = url.path + ".fuzz-write"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        let now = clock.withLock { clock in
            clock += 1
            return clock
        }
        var times = [timespec(tv_sec: now, tv_nsec: 0), timespec(tv_sec: now, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, temporary, &times, 0)
        _ = rename(temporary, url.path)
    }

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let selector = input.first else { return }
        let slot = slots[Int(selector) % slots.count]
        let url = guide.root.appendingPathComponent(slot)
        write(Data(input.dropFirst()), to: url)
        defer {
            if let original = guide.originals[slot] {
                write(original, to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        let loaded = ContentLoader(root: guide.root, displayRoot: "Content").load(cache: cache)
        let diagnostics = GuideChecker.run(
            guide: loaded.guide, schemas: loaded.schemas, loadDiagnostics: loaded.diagnostics,
            today: Date(timeIntervalSince1970: 1_780_000_000))
        let printer = TextDiagnosticPrinter { file, line in loaded.sources[file]?.line(line) }
        _ = printer.render(diagnostics)
        _ = JSONDiagnosticPrinter.render(diagnostics)
    }
}

/// The entry point libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
/// libFuzzer's driver (from its runtime, linked by `-sanitize=fuzzer`). SwiftPM
/// names the executable's entry point itself, so the driver is started from
/// `main` below rather than through libFuzzer's own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

@main
enum GuideFuzz {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }

    /// Runs each input (files, or every file in folders) once.
    static func replay(_ arguments: ArraySlice<String>) {
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            [UInt8](data).withUnsafeBufferPointer { FuzzTarget.run($0) }
        }
        print("replayed \(files.count) inputs")
    }
}
