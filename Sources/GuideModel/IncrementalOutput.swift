#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What an emitter remembers of one build, so the next build can re-render
/// only what changed: which inputs each output file was made from.
///
/// `guide build` saves `data` to `Output/.cache/<name>.json`; `guide serve`
/// keeps the record in memory and hands it back (`decoded`), so the
/// emitter need not decode it again.
public final class OutputRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var storedData: Data?
    private var encode: (@Sendable () -> Data)?
    private var storedDecoded: (any Sendable)?

    /// An empty record: the emitter fills it with `set`.
    public init() {}

    /// A record read back from disk.
    public init(data: Data) { storedData = data }

    /// Stores what the emitter built from (`decoded`) and how to encode it;
    /// encoding waits until someone asks for `data`.
    public func set(_ decoded: any Sendable, encode: @escaping @Sendable () -> Data) {
        lock.lock(); defer { lock.unlock() }
        storedDecoded = decoded
        self.encode = encode
        storedData = nil
    }

    /// The record in this process's memory, when the emitter set it here.
    public var decoded: (any Sendable)? {
        lock.lock(); defer { lock.unlock() }
        return storedDecoded
    }

    /// The record as bytes (nil when the emitter recorded nothing).
    public var data: Data? {
        lock.lock(); defer { lock.unlock() }
        if storedData == nil, let encode { storedData = encode() }
        return storedData
    }

    /// A JSON record as `T`: the value kept in memory, else decoded from `data`.
    public func decoded<T: Decodable>(as type: T.Type) -> T? {
        decoded as? T ?? data.flatMap { try? JSONDecoder().decode(T.self, from: $0) }
    }

    /// A record's JSON, keys sorted (the same record, the same bytes).
    public static func json(_ record: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(record)) ?? Data()
    }
}

/// The last build of one output, for an incremental build.
public struct PreviousOutput: Sendable {
    /// The folder holding the previous output. When it is not the folder
    /// being written, it is read only: unchanged files are linked from it.
    public var folder: URL
    public var record: OutputRecord

    public init(folder: URL, record: OutputRecord) {
        self.folder = folder
        self.record = record
    }
}

/// File operations for incremental builds.
public enum OutputFiles {
    /// Makes `relative` in `folder` the same file as in `previous` (a hard
    /// link; a copy where links are not possible). False when the previous
    /// file is missing: the caller renders it again.
    public static func reuse(_ relative: String, from previous: URL, into folder: URL) -> Bool {
        let source = previous.path + "/" + relative
        let target = folder.path + "/" + relative
        if link(source, target) == 0 { return true }
        switch errno {
        case ENOENT:
            guard access(source, F_OK) == 0 else { return false }
            createParent(of: target)
        case EEXIST:
            unlink(target)
        default:
            break
        }
        if link(source, target) == 0 { return true }
        return (try? FileManager.default.copyItem(atPath: source, toPath: target)) != nil
    }

    /// Replaces a file in a folder that is being served (`guide serve`):
    /// written beside it, then renamed over it, so a reader sees the old
    /// bytes or the new, never a part. Returns 0 or the `errno`.
    public static func replace(_ path: String, with bytes: [UInt8]) -> Int32 {
        let temporary = path + ".partial-\(getpid())"
        let error = write(temporary, bytes)
        if error != 0 { unlink(temporary); return error }
        return rename(temporary, path) == 0 ? 0 : errno
    }

    /// Writes a new file (truncating one that exists). Returns 0 or the `errno`.
    public static func write(_ path: String, _ bytes: [UInt8]) -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            createParent(of: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { raw -> Int32 in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #else
                let written = Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// A file of the previous build kept in this one: already in place when
    /// building in place, else linked from `previous` (`reuse`).
    public static func keep(_ relative: String, from previous: URL, into folder: URL, inPlace: Bool) -> Bool {
        inPlace ? FileManager.default.fileExists(atPath: folder.path + "/" + relative) : reuse(relative, from: previous, into: folder)
    }

    /// In a folder updated in place: removes the files at its top level that
    /// this build did not make (outputs or languages no longer defined).
    public static func removeFiles(in folder: URL, except kept: Set<String>) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !kept.contains(name) {
            remove(name, in: folder)
        }
    }

    /// Removes a file and then its folders, up to `root`, as they empty.
    public static func remove(_ relative: String, in root: URL) {
        unlink(root.path + "/" + relative)
        var folder = (relative as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(root.path + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    static func createParent(of path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
    }
}

/// Identifies the running `guide` executable (its size and modification
/// time): an output made by another build of the compiler is never reused.
public enum CompilerIdentity {
    public static let current: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 else { return "unknown" }
        #if canImport(Glibc)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        return "\(info.st_size)-\(time.tv_sec)-\(time.tv_nsec)"
    }()
}
