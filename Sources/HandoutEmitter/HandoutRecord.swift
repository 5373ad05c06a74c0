#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPangoCairo
import CQRencode
import Foundation
import GuideModel

/// What the handout emitter remembers of a build (`Output/.cache/handouts.json`), so the next
/// build re-renders only the PDFs whose inputs changed.
///
/// A PDF is a function of its `HandoutContent` (everything it shows: entries, helplines, QR
/// payload, strings, titles, footer date), the style, `SOURCE_DATE_EPOCH`, the fonts and the
/// code that renders it. The content is cheap to build from the guide; rendering is not. So
/// each PDF is recorded with a key, a hash of its content, and every build compares keys: a
/// PDF is reused when its key is unchanged and the global inputs (`global`) are too. The
/// content covers every entry the PDF depends on, including those it only links to (their
/// translation decides the link's language) and the content date (from all entries when
/// there is no `SOURCE_DATE_EPOCH`), so no dependency list has to be kept by hand.
///
/// What did not fit is kept per PDF, so a reused PDF reports the same `handout.overflow`
/// diagnostics as a fresh one.
struct HandoutRecord: Codable, Sendable, Equatable {
    /// The version of this record's format; a record of another version means a clean build.
    static let currentFormat = 1

    struct File: Codable, Sendable, Equatable {
        /// The hash of the PDF's `HandoutContent`.
        var key: String
        /// What did not fit, as the renderer reported it.
        var problems: [FitProblem]
    }

    var format: Int
    /// A hash of the inputs every PDF depends on (see `HandoutInputs.global`).
    var global: String
    /// By file name (`<handout-id>.<lang>.pdf`).
    var files: [String: File]

    init(global: String, files: [String: File]) {
        format = Self.currentFormat
        self.global = global
        self.files = files
    }

    /// The record of the previous build, when it can be used: it decodes, has this format and
    /// was made from the same global inputs.
    static func usable(_ previous: PreviousOutput?, global: String) -> HandoutRecord? {
        guard let record = previous?.record else { return nil }
        let decoded = record.decoded(as: HandoutRecord.self)
        guard let decoded, decoded.format == currentFormat, decoded.global == global else { return nil }
        return decoded
    }

    func encoded() -> Data { OutputRecord.json(self) }
}

/// The inputs of handout PDFs, as hashes.
enum HandoutInputs {
    /// Everything every PDF depends on besides its content: the compiler, the style file, the
    /// PDF date, the pango, cairo and libqrencode versions and the installed fonts.
    static func global(styleFile: URL, sourceDateEpoch: String?) -> String {
        var parts = ["handouts", CompilerIdentity.current, sourceDateEpoch ?? "-"]
        parts.append(String(cString: pango_version_string()))
        parts.append(String(cString: cairo_version_string()))
        parts.append(qrencodeVersion)
        parts.append(ContentHash.of((try? String(contentsOf: styleFile, encoding: .utf8)) ?? "(unreadable)"))
        parts.append(FontFolders.state)
        return ContentHash.of(parts.joined(separator: "\u{0}"))
    }

    /// The key of one PDF: a hash of everything its content shows.
    static func key(_ content: HandoutContent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(content) else { return "unencodable-\(UUID().uuidString)" }
        return ContentHash.of(String(decoding: data, as: UTF8.self))
    }

    private static let qrencodeVersion: String = {
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        QRcode_APIVersion(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }()
}

/// The state of the font folders fontconfig reads, as fontconfig itself judges whether its
/// cache is stale: by the modification times of the folders (adding, removing or replacing a
/// font file changes its folder's time), and of its configuration.
enum FontFolders {
    static var state: String {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? ""
        let dataHome = environment["XDG_DATA_HOME"] ?? home + "/.local/share"
        var roots = ["/usr/share/fonts", "/usr/local/share/fonts", home + "/.fonts", dataHome + "/fonts", "/etc/fonts"]
        for variable in ["FONTCONFIG_FILE", "FONTCONFIG_PATH"] {
            if let value = environment[variable] { roots.append(value) }
        }
        var lines: [String] = []
        for root in roots { walk(root, into: &lines) }
        return lines.joined(separator: "\n")
    }

    /// `path mtime` for `path` and every folder below it (not following links to folders twice).
    private static func walk(_ path: String, into lines: inout [String], depth: Int = 0) {
        var info = stat()
        guard depth < 16, stat(path, &info) == 0 else { return }
        #if canImport(Glibc)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        lines.append("\(path) \(info.st_size) \(time.tv_sec).\(time.tv_nsec)")
        guard (info.st_mode & S_IFMT) == S_IFDIR, let items = FolderListing.items(of: path) else { return }
        let folderTypes = [UInt8(DT_DIR), UInt8(DT_LNK), UInt8(DT_UNKNOWN)]  // links and unknowns are stat-ed below
        for child in items.filter({ folderTypes.contains($0.type) }).map(\.name).sorted() {
            let childPath = path + "/" + child
            var childInfo = stat()
            guard stat(childPath, &childInfo) == 0, (childInfo.st_mode & S_IFMT) == S_IFDIR else { continue }
            walk(childPath, into: &lines, depth: depth + 1)
        }
    }
}
