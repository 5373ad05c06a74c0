import Diagnostics
import Foundation
import XCTest

/// Mistakes that cannot (or should not) be committed as fixture files: bad
/// bytes, byte-order marks, CRLF, tabs, huge and special files. Each case
/// builds the base guide, changes it in code and compares the golden lines
/// (`file:line:column: severity [code]`) written here.
final class ByteLevelFixtureTests: XCTestCase {
    struct Case: Sendable {
        var name: String
        var expected: String
        var setup: @Sendable (FixtureGuide) throws -> Void
    }

    /// The base indicator's source file with `strength` replaced (line 8, value at column 11).
    static func indicator(strength: String = "moderate") -> String {
        """
        ---
        title: Someone else holds the traveller's documents
        summary: A companion keeps the traveller's passport or ID and hands it over at each step.
        status: published
        category: general
        touchpoints: [check-in]
        observers: [airline-agent]
        strength: \(strength)
        strength_note: Families often keep documents together; it matters most with other signs.
        control_methods: [WithholdsDocuments]
        protocols: [protocols/alert-at-check-in]
        ---
        Notice who holds and hands over the passport.

        ## What to do {#what-to-do}

        Note what you saw and tell your supervisor discreetly.

        """
    }

    static let indicatorPath = "indicators/holds-no-documents.en.md"
    static let exploitation = "concepts/exploitation.en.md"

    static let cases: [Case] = [
        Case(
            name: "invalid UTF-8 in a body",
            expected: """
                Content/concepts/exploitation.en.md:6:23: error [file.encoding]

                """
        ) { g in
            var bytes = Array(
                "---\ntitle: Exploitation\nsummary: The purpose of trafficking.\nstatus: published\n---\n".utf8)
            bytes += Array("Exploitation — a café ".utf8) + [0xC3, 0x28] + Array(" is the purpose.\n".utf8)
            try g.write(exploitation, Data(bytes))
        },
        Case(
            name: "byte-order mark, then an enum error",
            expected: """
                Content/indicators/holds-no-documents.en.md:1:1: warning [file.bom]
                Content/indicators/holds-no-documents.en.md:8:11: error [schema.enum]

                """
        ) { g in
            try g.write(indicatorPath, Data([0xEF, 0xBB, 0xBF] + Array(indicator(strength: "strnog").utf8)))
        },
        Case(
            name: "CRLF line ends, then an enum error",
            expected: """
                Content/indicators/holds-no-documents.en.md:8:11: error [schema.enum]

                """
        ) { g in
            try g.write(indicatorPath, indicator(strength: "strnog").replacingOccurrences(of: "\n", with: "\r\n"))
        },
        Case(
            name: "tab in YAML indentation",
            expected: """
                Content/helplines/do-line.en.md:11:1: error [yaml.tab]

                """
        ) { g in
            try g.write(
                "helplines/do-line.en.md",
                """
                ---
                title: Test line
                summary: A helpline used by the tests.
                status: published
                country: DO
                organisation: Test organisation
                purpose: report
                channels:
                  - {type: phone, value: "+18092007393"}
                source:
                \ttitle: Test source
                  url: "https://example.org/source"
                verified_on: 2026-05-01
                ---
                Call +1 809 200 7393.

                """)
        },
        Case(
            name: "tab in a body before a broken link",
            expected: """
                Content/concepts/exploitation.en.md:6:21: error [reference.unresolved]

                """
        ) { g in
            try g.write(
                exploitation,
                """
                ---
                title: Exploitation
                summary: The purpose of trafficking.
                status: published
                ---
                See\tthe [indicator](indicators/holds-no-document).

                """)
        },
        Case(
            name: "empty file",
            expected: """
                Content/concepts/exploitation.en.md:1:1: error [file.empty]

                """
        ) { g in
            try g.write(exploitation, Data())
        },
        Case(
            name: "front matter without its closing ---",
            expected: """
                Content/concepts/exploitation.en.md:1:1: error [frontmatter.unclosed]

                """
        ) { g in
            try g.write(
                exploitation,
                "---\ntitle: Exploitation\nsummary: The purpose of trafficking.\nstatus: published\n\nExploitation is the purpose.\n"
            )
        },
        Case(
            name: "YAML syntax error",
            expected: """
                Content/concepts/exploitation.en.md:3:10: error [yaml.syntax]

                """
        ) { g in
            try g.write(
                exploitation,
                "---\ntitle: Exploitation\nsummary: [The purpose of trafficking.\nstatus: published\n---\nExploitation is the purpose.\n"
            )
        },
        Case(
            name: "duplicate key",
            expected: """
                Content/concepts/exploitation.en.md:5:1: error [yaml.duplicate-key]

                """
        ) { g in
            try g.write(
                exploitation,
                "---\ntitle: Exploitation\nsummary: The purpose of trafficking.\nstatus: published\nsummary: What traffickers seek.\n---\nExploitation is the purpose.\n"
            )
        },
        Case(
            name: "alias bomb (billion laughs)",
            expected: """
                Content/concepts/exploitation.en.md:9:1: error [yaml.alias-limit]

                """
        ) { g in
            var yaml = "---\ntitle: Exploitation\nsummary: The purpose of trafficking.\nstatus: published\n"
            yaml += "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
            for (name, previous) in zip("bcdefghi", "abcdefgh") {
                yaml +=
                    "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            }
            try g.write(exploitation, yaml + "---\nExploitation is the purpose.\n")
        },
        Case(
            name: "50 MB file",
            expected: """
                Content/concepts/exploitation.en.md:1:1: error [file.too-large]

                """
        ) { g in
            // Sparse: created in an instant, and must never be read.
            let url = g.content.appendingPathComponent(exploitation)
            XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("---\n".utf8)))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 50 << 20)
            try handle.close()
        },
        Case(
            name: "symbolic link to a folder that contains it",
            expected: """
                Content/concepts/again:1:1: error [file.symlink]

                """
        ) { g in
            try FileManager.default.createSymbolicLink(
                atPath: g.content.appendingPathComponent("concepts/again").path,
                withDestinationPath: "../concepts")
        },
        Case(
            name: "symbolic link that points at itself",
            expected: """
                Content/concepts/loop.en.md:1:1: error [file.symlink]

                """
        ) { g in
            try FileManager.default.createSymbolicLink(
                atPath: g.content.appendingPathComponent("concepts/loop.en.md").path,
                withDestinationPath: "loop.en.md")
        },
        Case(
            name: "FIFO",
            expected: """
                Content/concepts/exploitation.en.md:1:1: error [file.unreadable]

                """
        ) { g in
            XCTAssertEqual(mkfifo(g.content.appendingPathComponent(exploitation).path, 0o644), 0)
        },
        Case(
            name: "unknown language suffix",
            expected: """
                Content/concepts/consent.esp.md:1:1: error [file.language]

                """
        ) { g in
            let fm = FileManager.default
            try fm.moveItem(
                at: g.content.appendingPathComponent("concepts/consent.es.md"),
                to: g.content.appendingPathComponent("concepts/consent.esp.md"))
        },
        Case(
            name: "upper-case id",
            expected: """
                Content/concepts/Exploitation.en.md:1:1: error [file.id]

                """
        ) { g in
            try g.write(
                "concepts/Exploitation.en.md",
                "---\ntitle: Exploitation\nsummary: The purpose of trafficking.\nstatus: published\n---\nExploitation is the purpose.\n"
            )
        },
    ]

    /// Builds the base guide, applies the case and checks it; the caller removes the guide.
    static func run(_ c: Case) throws -> (guide: FixtureGuide, diagnostics: [Diagnostic]) {
        let guide = try FixtureGuide()
        try c.setup(guide)
        return (guide, guide.check())
    }

    func testEveryByteLevelCase() throws {
        for c in Self.cases {
            let (guide, diagnostics) = try Self.run(c)
            defer { guide.remove() }
            XCTAssertEqual(FixtureGuide.golden(diagnostics), c.expected, c.name)
        }
    }

    private func diagnostics(_ setup: @escaping @Sendable (FixtureGuide) throws -> Void) throws -> [Diagnostic] {
        let (guide, diagnostics) = try Self.run(Case(name: "", expected: "", setup: setup))
        guide.remove()
        return diagnostics
    }

    func testMessagesNameTheProblem() throws {
        let fifo = try diagnostics(Self.cases.first { $0.name == "FIFO" }!.setup)
        XCTAssertEqual(fifo.first?.message, "not a regular file")
        let bad = try diagnostics(Self.cases.first { $0.name == "invalid UTF-8 in a body" }!.setup)
        XCTAssertEqual(bad.first?.message, "file is not valid UTF-8 (byte 0xC3)")
        let huge = try diagnostics(Self.cases.first { $0.name == "50 MB file" }!.setup)
        XCTAssertEqual(huge.first?.message, "file is 50 MB; content files may be at most 1 MB")
        let duplicate = try diagnostics(Self.cases.first { $0.name == "duplicate key" }!.setup)
        XCTAssertEqual(duplicate.first?.message, "\"summary\" is set twice (first on line 3)")
        XCTAssertEqual(duplicate.first?.range, SourceRange(line: 5, column: 1, length: 7))
    }

    func testHelpSuggestsTheNearestName() throws {
        let language = try diagnostics(Self.cases.first { $0.name == "unknown language suffix" }!.setup)
        XCTAssertEqual(language.first?.help, "did you mean \"es\"? (rename the file to consent.es.md)")

        let id = try diagnostics(Self.cases.first { $0.name == "upper-case id" }!.setup)
        XCTAssertEqual(id.first?.help, "rename the file to exploitation.en.md")

        let enumeration = try diagnostics { try $0.write(Self.indicatorPath, Self.indicator(strength: "strnog")) }
        XCTAssertEqual(enumeration.first?.help, "did you mean \"strong\"?")
        XCTAssertEqual(enumeration.first?.message, "\"strnog\" is not one of contextual, moderate, strong")

        let reference = try diagnostics(Self.cases.first { $0.name == "tab in a body before a broken link" }!.setup)
        XCTAssertEqual(reference.first?.help, "did you mean \"indicators/holds-no-documents\"?")

        let unknown = try diagnostics {
            try $0.write(Self.indicatorPath, Self.indicator().replacingOccurrences(of: "observers:", with: "obsevers:"))
        }
        XCTAssertEqual(
            FixtureGuide.golden(unknown), "Content/indicators/holds-no-documents.en.md:7:1: error [field.unknown]\n")
        XCTAssertEqual(unknown.first?.help, "did you mean \"observers\"?")
    }

    /// Every code the byte-level cases expect, for the diagnostic catalogue.
    static var codes: Set<String> {
        Set(
            cases.flatMap { c in
                c.expected.split(separator: "\n").compactMap { line -> String? in
                    guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return nil }
                    return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
                }
            })
    }
}
