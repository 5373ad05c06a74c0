import Digest
import GuideModel
import JSON

/// One entry serialised for every bundle file at once, each member value written only once.
///
/// An entry sits two levels deep in every file (an item of the top-level `entries`), so the
/// members of its core (`type`, `id`, `data` …) are written at depth 3 in `guide.json` and in
/// the language files alike, and so are the members of each language's text in its language
/// file. In `guide.json` those text members sit two levels deeper (`languages` → language
/// code): the same bytes with four more spaces after each line break, since `JSONWriter`
/// escapes line breaks inside strings. The compact forms the hashes need are the same bytes
/// without the white space outside strings (`BundleWriter.compact`).
///
/// Each language's `content_hash` is computed here from those bytes; `BundleDocuments`
/// computes it from values (`BundleFormat.hash`), and the tests hold the two to the same bytes.
struct EntryBytes {
    /// The entry in `guide.json`, pretty, at depth 2.
    var full: [UInt8]
    /// The entry in `guide.json`, compact, for the whole-content hash.
    var compact: [UInt8]
    /// The entry in each language file (in `codes` order), or nil where it has nothing to show.
    var languages: [[UInt8]?]

    /// One member: its key and its value written at depth 3, pretty and compact.
    private struct Member {
        var key: String
        var pretty: [UInt8]
        var compact: [UInt8]
    }

    private static let writer = JSONWriter()
    private static let memberDepth = 3

    /// `output` rendered without content hashes (`EntryRenderer.hashing` false).
    init(_ output: EntryRenderer.Output, codes: [String]) {
        let core = Self.members(output.core)
        var coreObject: [UInt8] = []
        Self.appendCompactObject(core.sorted { $0.key < $1.key }, to: &coreObject)
        var texts: [String: [Member]] = [:]
        languages = codes.map { code -> [UInt8]? in
            guard let localized = output.localized[code], let localized else { return nil }
            var members = Self.members(localized)
            members.append(Self.contentHash(entry: coreObject, localized: members))
            members.sort { $0.key < $1.key }
            texts[code] = members
            // Members of the text replace core members of the same name (never the case for a
            // checked guide: those names are reserved).
            let names = Set(members.map(\.key))
            var merged = core.filter { !names.contains($0.key) } + members
            merged.sort { $0.key < $1.key }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(merged.reduce(64) { $0 + $1.pretty.count + $1.key.utf8.count + 12 })
            Self.appendObject(merged, depth: 2, to: &bytes)
            return bytes
        }

        // guide.json: the core and `languages`, every declared language's text (or `nothingToShow`).
        var languagesPretty: [UInt8] = []
        var languagesCompact: [UInt8] = []
        if codes.isEmpty {
            languagesPretty = Array("{}".utf8)
            languagesCompact = languagesPretty
        } else {
            languagesPretty.append(UInt8(ascii: "{"))
            languagesCompact.append(UInt8(ascii: "{"))
            for (position, code) in codes.sorted().enumerated() {
                if position > 0 {
                    languagesPretty.append(UInt8(ascii: ","))
                    languagesCompact.append(UInt8(ascii: ","))
                }
                Self.writer.appendNewline(to: &languagesPretty, depth: 4)
                Self.writer.appendKey(code, to: &languagesPretty)
                JSONWriter(pretty: false).appendKey(code, to: &languagesCompact)
                if let members = texts[code] {
                    let deeper = members.map {
                        Member(key: $0.key, pretty: Self.indented($0.pretty), compact: $0.compact)
                    }
                    Self.appendObject(deeper, depth: 4, to: &languagesPretty)
                    Self.appendCompactObject(members, to: &languagesCompact)
                } else {
                    Self.writer.append(BundleDocuments.nothingToShow, to: &languagesPretty, depth: 4)
                    JSONWriter(pretty: false).append(BundleDocuments.nothingToShow, to: &languagesCompact, depth: 0)
                }
            }
            Self.writer.appendNewline(to: &languagesPretty, depth: 3)
            languagesPretty.append(UInt8(ascii: "}"))
            languagesCompact.append(UInt8(ascii: "}"))
        }
        var entry = core.filter { $0.key != "languages" }
        entry.append(Member(key: "languages", pretty: languagesPretty, compact: languagesCompact))
        entry.sort { $0.key < $1.key }
        var full: [UInt8] = []
        full.reserveCapacity(entry.reduce(64) { $0 + $1.pretty.count + $1.key.utf8.count + 12 })
        Self.appendObject(entry, depth: 2, to: &full)
        var compact: [UInt8] = []
        compact.reserveCapacity(entry.reduce(16) { $0 + $1.compact.count + $1.key.utf8.count + 4 })
        Self.appendCompactObject(entry, to: &compact)
        self.full = full
        self.compact = compact
    }

    /// An object's members, each value written at depth 3 (pretty and compact).
    private static func members(_ object: JSONObject) -> [Member] {
        object.keys.map { key in
            var pretty: [UInt8] = []
            writer.append(object[key]!, to: &pretty, depth: memberDepth)
            return Member(key: key, pretty: pretty, compact: BundleWriter.compact(pretty))
        }
    }

    /// `content_hash` of one language's text: of `{"entry": …, "localized": …}` in canonical form,
    /// `entry` being the entry's language-independent members (`data` and, for helplines, the
    /// derived `channels`, `contact_point`, `organization` and `freshness`).
    private static func contentHash(entry: [UInt8], localized members: [Member]) -> Member {
        var canonical: [UInt8] = []
        canonical.reserveCapacity(members.reduce(entry.count + 32) { $0 + $1.compact.count + $1.key.utf8.count + 4 })
        canonical += #"{"entry":"#.utf8
        canonical += entry
        canonical += #","localized":"#.utf8
        appendCompactObject(members.sorted { $0.key < $1.key }, to: &canonical)
        canonical.append(UInt8(ascii: "}"))
        let hash = "sha256:" + Hex.string(SHA256.hash(data: canonical))
        var pretty: [UInt8] = []
        JSONWriter.appendQuoted(hash, to: &pretty)
        return Member(key: "content_hash", pretty: pretty, compact: pretty)
    }

    /// Sorted members as a pretty object written at `depth` (members one level deeper, their
    /// values already written there).
    private static func appendObject(_ members: [Member], depth: Int, to out: inout [UInt8]) {
        if members.isEmpty {
            out += "{}".utf8
            return
        }
        out.append(UInt8(ascii: "{"))
        for (position, member) in members.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            writer.appendNewline(to: &out, depth: depth + 1)
            writer.appendKey(member.key, to: &out)
            out += member.pretty
        }
        writer.appendNewline(to: &out, depth: depth)
        out.append(UInt8(ascii: "}"))
    }

    /// Sorted members as a compact object.
    private static func appendCompactObject(_ members: [Member], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (position, member) in members.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.appendQuoted(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            out += member.compact
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A value written at depth 3 as written at depth 5: four more spaces after each line break.
    private static func indented(_ pretty: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pretty.count + pretty.count / 8)
        var start = 0
        pretty.withUnsafeBufferPointer { bytes in
            for position in 0..<bytes.count where bytes[position] == 0x0A {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...position]))
                out += [0x20, 0x20, 0x20, 0x20]
                start = position + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        return out
    }
}
