import Digest
import Foundation
import Glibc
import GuideModel
import JSON
import Parallel
import Synchronization

/// Writes `guide.json` and the language files as the entries are rendered, without building
/// the documents in memory: each entry is rendered and serialised (in parallel) into the
/// bytes it takes in each file (`EntryBytes`), and those are appended to the files in order
/// while the whole-content hash is computed from the same bytes. The output is byte for byte
/// what `JSONWriter` makes of `BundleDocuments`.
///
/// `content_hash` comes before `entries` in each file (keys are sorted) but is known only
/// after the last entry: the files get a placeholder of the same length, overwritten at the end.
struct BundleWriter {
    let parts: BundleParts
    let folder: URL

    /// Writes the files. Each is written beside its final name and renamed into place, so a
    /// file in the folder is never written through.
    func write() throws {
        let codes = parts.codes
        let fullMembers = parts.fullMembers
        var files: [StreamedFile] = []
        do {
            files.append(
                try StreamedFile(
                    folder: folder, name: BundleFormat.fullFileName,
                    members: withPlaceholders(fullMembers)))
            for code in codes {
                files.append(
                    try StreamedFile(
                        folder: folder, name: BundleFormat.languageFileName(code),
                        members: withPlaceholders(parts.languageMembers(code))))
            }
        } catch {
            for file in files { file.abandon() }
            throw error
        }
        let delivery = InOrderDelivery(hasher: ContentHasher(members: BundleParts.hashed(fullMembers)), files: files)
        let entries = parts.entries
        var renderer = parts.renderer
        renderer.hashing = false
        let rendering = renderer
        Parallel.forEach(entries.count) { index in
            delivery.deliver(EntryBytes(rendering.render(entries[index]), codes: codes), at: index)
        }
        var (hasher, written, failure) = delivery.finish()
        do {
            if let failure { throw failure }
            let contentHash = hasher.finish()
            for file in written { try file.finish(contentHash: contentHash, generatedAt: parts.generatedAt) }
        } catch {
            for file in written { file.abandon() }
            throw error
        }
    }

    /// Entries are items of the top-level `entries` array: two levels deep.
    static let entryDepth = 2

    /// The compact form of pretty `JSONWriter` output: the same bytes without the line breaks,
    /// indentation and the space after each colon. Outside strings the pretty form has no other
    /// white space, and inside strings line breaks are escaped, so dropping spaces and line
    /// feeds outside strings is exactly the difference.
    static func compact(_ pretty: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: pretty.count) { out, count in
            var n = 0
            pretty.withUnsafeBufferPointer { bytes in
                let end = bytes.count
                var i = 0
                while i < end {
                    let byte = bytes[i]
                    i += 1
                    if byte == 0x20 || byte == 0x0A { continue }
                    out[n] = byte
                    n += 1
                    guard byte == UInt8(ascii: "\"") else { continue }
                    // A string: copied as it is up to its closing quote, escapes included.
                    while i < end {
                        var j = i
                        while j < end, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "\\") { j += 1 }
                        let run = j - i
                        if run > 0 {
                            (out.baseAddress! + n).update(from: bytes.baseAddress! + i, count: run)
                            n += run
                        }
                        guard j < end else {
                            i = j
                            break
                        }
                        if bytes[j] == UInt8(ascii: "\\") {
                            out[n] = bytes[j]
                            n += 1
                            if j + 1 < end {
                                out[n] = bytes[j + 1]
                                n += 1
                            }
                            i = j + 2
                        } else {
                            out[n] = bytes[j]
                            n += 1
                            i = j + 1
                            break
                        }
                    }
                }
            }
            count = n
        }
    }

    /// `content_hash` as a placeholder of the final length.
    private func withPlaceholders(_ members: JSONObject) -> JSONObject {
        var members = members
        members["content_hash"] = .string(StreamedFile.hashPlaceholder)
        return members
    }
}

/// The top-level `content_hash`: the SHA-256 of `guide.json`'s canonical (compact, sorted)
/// form without `content_hash` and `generated_at`, fed piece by piece.
struct ContentHasher {
    private let hasher = SHA256()
    private var entries = 0
    private var tail: [UInt8] = []

    /// `members`: `guide.json`'s members but `entries`, `content_hash` and those the hash
    /// leaves out (`BundleParts.unhashedMembers`).
    init(members: JSONObject) {
        let writer = JSONWriter(sortedKeys: true, pretty: false)
        var head: [UInt8] = [UInt8(ascii: "{")]
        var afterEntries = false
        var count = 0
        for key in (members.keys + ["entries"]).sorted() {
            if key == "entries" {
                if count > 0 { head.append(UInt8(ascii: ",")) }
                writer.appendKey(key, to: &head)
                head.append(UInt8(ascii: "["))
                afterEntries = true
            } else if afterEntries {
                tail.append(UInt8(ascii: ","))
                writer.appendKey(key, to: &tail)
                writer.append(members[key]!, to: &tail, depth: 1)
            } else {
                if count > 0 { head.append(UInt8(ascii: ",")) }
                writer.appendKey(key, to: &head)
                writer.append(members[key]!, to: &head, depth: 1)
            }
            count += 1
        }
        hasher.update(data: head)
        tail.insert(UInt8(ascii: "]"), at: 0)
        tail.append(UInt8(ascii: "}"))
    }

    /// The next entry of `entries`, compact.
    mutating func add(entry compact: [UInt8]) {
        if entries > 0 { hasher.update(data: [UInt8(ascii: ",")]) }
        hasher.update(data: compact)
        entries += 1
    }

    mutating func finish() -> String {
        hasher.update(data: tail)
        return "sha256:" + Hex.string(hasher.finalize())
    }
}

/// One top-level bundle document written to disk as it is made: its members in key order,
/// with the entries appended one by one where `entries` falls in that order.
final class StreamedFile {
    private let systemWrite = Glibc.write
    static let hashPlaceholder = "sha256:" + String(repeating: "0", count: 64)
    private static let writer = JSONWriter()
    private static let flushSize = 1 << 20

    private let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var hashOffset: Int?
    private var entryCount = 0
    /// Members after `entries`, in order.
    private var tail: [(String, JSONValue)] = []

    init(folder: URL, name: String, members: JSONObject) throws {
        path = folder.appendingPathComponent(name).path
        temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        buffer.reserveCapacity(Self.flushSize + (1 << 16))
        buffer.append(UInt8(ascii: "{"))
        var afterEntries = false
        var count = 0
        for key in (members.keys + ["entries"]).sorted() {
            if afterEntries {
                tail.append((key, members[key]!))
                continue
            }
            if count > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.writer.appendNewline(to: &buffer, depth: 1)
            Self.writer.appendKey(key, to: &buffer)
            if key == "entries" {
                buffer.append(UInt8(ascii: "["))
                afterEntries = true
            } else {
                if key == "content_hash" { hashOffset = buffer.count + 1 }
                Self.writer.append(members[key]!, to: &buffer, depth: 1)
            }
            count += 1
        }
    }

    /// Appends the next entry, serialised at depth 2.
    func append(entry bytes: [UInt8]) throws {
        if entryCount > 0 { buffer.append(UInt8(ascii: ",")) }
        Self.writer.appendNewline(to: &buffer, depth: BundleWriter.entryDepth)
        buffer += bytes
        entryCount += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Closes `entries`, writes the members after it (with `generated_at`, when given), puts the
    /// hash in place of its placeholder and renames the file into place.
    func finish(contentHash: String, generatedAt: String?) throws {
        if entryCount > 0 { Self.writer.appendNewline(to: &buffer, depth: 1) }
        buffer.append(UInt8(ascii: "]"))
        var members = tail
        if let generatedAt {
            members.append(("generated_at", .string(generatedAt)))
            members.sort { $0.0 < $1.0 }
        }
        for (key, value) in members {
            buffer.append(UInt8(ascii: ","))
            Self.writer.appendNewline(to: &buffer, depth: 1)
            Self.writer.appendKey(key, to: &buffer)
            Self.writer.append(value, to: &buffer, depth: 1)
        }
        buffer += "\n}\n".utf8
        try flush()
        if let hashOffset {
            let hash = Array(contentHash.utf8)
            precondition(hash.count == Self.hashPlaceholder.utf8.count, "content hash of unexpected length")
            let written = hash.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(hashOffset)) }
            guard written == hash.count else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Removes the unfinished file.
    func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporary)
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Entries rendered on all cores, appended to the files in entry order: each
/// rendered entry is handed in with its index, and whichever thread hands in
/// the next one in order appends it, and every later one already waiting.
final class InOrderDelivery: Sendable {
    private struct State {
        var pending: [Int: EntryBytes] = [:]
        var next = 0
        var hasher: ContentHasher
        var files: [StreamedFile]
        var failure: Error?
    }

    private let state: Mutex<State>

    init(hasher: sending ContentHasher, files: sending [StreamedFile]) {
        state = Mutex(State(hasher: hasher, files: files))
    }

    func deliver(_ chunks: EntryBytes, at index: Int) {
        state.withLock { state in
            state.pending[index] = chunks
            while let ready = state.pending.removeValue(forKey: state.next) {
                state.next += 1
                guard state.failure == nil else { continue }
                do {
                    state.hasher.add(entry: ready.compact)
                    try state.files[0].append(entry: ready.full)
                    for (position, chunk) in ready.languages.enumerated() {
                        if let chunk { try state.files[position + 1].append(entry: chunk) }
                    }
                } catch {
                    state.failure = error
                }
            }
        }
    }

    /// The hash over every entry, the files handed back, and the first error, once every
    /// entry was delivered.
    func finish() -> (ContentHasher, [StreamedFile], Error?) {
        state.withLock { state in
            let result = (state.hasher, state.files, state.failure)
            state.files = []
            return result
        }
    }
}
