import Foundation
import XCTest

/// Runs poppler and zbar tools on rendered PDFs: independent checks of what readers and phone
/// cameras see.
/// What `Tools/pdfprobe.py` reads from a PDF with pdfminer.six and pikepdf.
struct PDFProbe: Decodable {
    struct Line: Decodable {
        var text: String
        /// The smallest font size of the line's characters, from the content stream.
        var size: Double
        var fonts: [String]
    }
    struct OutlineEntry: Decodable {
        var title: String
        var level: Int
    }
    var lang: String
    var marked: Bool
    var displayDocTitle: Bool
    var xmpTitle: String?
    var xmpLanguage: [String]
    /// Structure element types and how many of each.
    var structure: [String: Int]
    /// Alternative text of each `Figure` element (nil where it has none).
    var figures: [String?]
    var outline: [OutlineEntry]
    /// Text lines per page.
    var pages: [[Line]]

    enum CodingKeys: String, CodingKey {
        case lang, marked, structure, figures, outline, pages
        case displayDocTitle = "display_doc_title"
        case xmpTitle = "xmp_title"
        case xmpLanguage = "xmp_language"
    }

    var lines: [Line] { pages.flatMap { $0 } }
}

enum PDFTools {
    static let artifacts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/handout-artifacts")

    static func write(_ pdf: Data, name: String) throws -> URL {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let url = artifacts.appendingPathComponent(name + ".pdf")
        try pdf.write(to: url)
        return url
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.hasPrefix("/") ? tool : "/usr/bin/" + tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `pdfinfo` fields by name.
    static func info(_ url: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [url.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    static func text(_ url: URL) throws -> String { try run("pdftotext", ["-enc", "UTF-8", url.path, "-"]) }

    /// The `emb` column of every font `pdffonts` lists.
    static func fontsEmbedded(_ url: URL) throws -> [Bool] {
        let lines = try run("pdffonts", [url.path]).split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let columns = line.split(separator: " ")
            // name type [encoding words] emb sub uni object ID: emb is the fifth from the end.
            return columns.count >= 5 && columns[columns.count - 5] == "yes"
        }
    }

    /// Renders pages at 300 dpi to PNG (`name-1.png` …) and returns the files.
    static func png(_ url: URL, name: String, first: Int = 1, last: Int? = nil) throws -> [URL] {
        let prefix = artifacts.appendingPathComponent(name).path
        var arguments = ["-r", "300", "-png", "-f", String(first)]
        if let last { arguments += ["-l", String(last)] }
        try run("pdftoppm", arguments + [url.path, prefix])
        let files = try FileManager.default.contentsOfDirectory(atPath: artifacts.path)
            .filter { $0.hasPrefix(name + "-") && $0.hasSuffix(".png") }.sorted()
        return files.map { artifacts.appendingPathComponent($0) }
    }

    /// What zbarimg decodes from an image, one payload per line.
    static func qrPayloads(_ png: URL) throws -> [String] {
        try run("zbarimg", ["--raw", "-q", png.path]).split(separator: "\n").map(String.init)
    }

    /// Compares `pdfinfo`'s "Page size" with the expected points, to a hundredth.
    static func assertPageSize(
        _ info: [String: String], width: Double, height: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let numbers = (info["Page size"] ?? "").split(separator: " ").compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 2, "page size \(info["Page size"] ?? "?")", file: file, line: line)
        guard numbers.count == 2 else { return }
        XCTAssertEqual(numbers[0], width, accuracy: 0.01, file: file, line: line)
        XCTAssertEqual(numbers[1], height, accuracy: 0.01, file: file, line: line)
    }
}
