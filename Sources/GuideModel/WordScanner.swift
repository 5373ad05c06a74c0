import Diagnostics

/// Splits text into words with their file positions, once, for term matching.
///
/// A word is a run of letters, digits and combining marks, kept folded
/// (`TermFolding`). Two words can belong to one multi-word term when only
/// blanks with at most one line end (and a block quote's `>`), or a single
/// hyphen or apostrophe, stand between them.
///
/// In Markdown, what a reader does not read as prose is skipped: link and
/// image destinations (`](…)`), autolinks (`<https://…>`), bare URLs, code
/// spans, section ids (`{#…}`) and the lines the caller excludes (code and
/// HTML blocks). Every skip moves forward, so the scan is linear in the text.
public enum WordScanner {
    public struct Word: Sendable {
        public var folded: String
        public var range: SourceRange
        /// Whether the gap before this word lets it continue a term begun by the word before.
        public var joinsPrevious: Bool
    }

    /// The words of `text`, whose first character is at `line`:`column` of its file.
    public static func words(
        in text: String, line: Int, column: Int, markdown: Bool,
        excludedLines: Set<Int> = []
    ) -> [Word] {
        var scan = Scan(Array(text.unicodeScalars), line: line, column: column, markdown: markdown)
        scan.excludedLines = excludedLines
        scan.hasBackticks = markdown && text.utf8.contains(UInt8(ascii: "`"))
        scan.run()
        return scan.words
    }

    private struct Scan {
        let s: [Unicode.Scalar]
        let markdown: Bool
        var excludedLines: Set<Int> = []
        var hasBackticks = false
        var i = 0, line: Int, column: Int
        var words: [Word] = []
        // The gap since the last word.
        var newlines = 0, blanks = 0, joiners = 0, broken = false, atLineStart = true
        /// Code spans: for a backtick run starting at an index, where its closing run ends.
        var codeSpanEnds: [Int: Int] = [:]
        var lonelyRuns: [Int: Int] = [:]

        init(_ s: [Unicode.Scalar], line: Int, column: Int, markdown: Bool) {
            self.s = s
            self.line = line
            self.column = column
            self.markdown = markdown
        }

        mutating func run() {
            if hasBackticks { findCodeSpans() }
            var lastLine = -1
            while i < s.count {
                if markdown, line != lastLine {
                    lastLine = line
                    if excludedLines.contains(line) {
                        skipLine()
                        continue
                    }
                }
                let c = s[i]
                if c == " " { // the commonest character between words
                    blanks += 1
                    column += 1
                    i += 1
                    continue
                }
                if TermFolding.isWordScalar(c) {
                    if isURLStart() {
                        skip(while: { !Self.isURLEnd($0) })
                        continue
                    }
                    word()
                    continue
                }
                if markdown, skipMarkup() { continue }
                gap(c)
                advance()
            }
        }

        mutating func advance() {
            if s[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }

        mutating func skip(while condition: (Unicode.Scalar) -> Bool) {
            while i < s.count, condition(s[i]) { advance() }
            broken = true
        }

        mutating func skip(to end: Int) {
            while i < min(end, s.count) { advance() }
            broken = true
        }

        mutating func skipLine() {
            skip(while: { $0 != "\n" })
            if i < s.count { advance() }
        }

        /// Notes a character between words.
        mutating func gap(_ c: Unicode.Scalar) {
            switch c {
            case "\n":
                newlines += 1
                atLineStart = true
            case " ", "\t", "\r": blanks += 1
            case ">" where markdown && atLineStart: blanks += 1
            case "-", "'", "\u{2019}":
                joiners += 1
                atLineStart = false
            default:
                broken = true
                atLineStart = false
            }
        }

        mutating func word() {
            let start = SourcePosition(line: line, column: column)
            // Words do not hold line ends: the column moves with the index.
            let s = self.s // one reference for the loops below
            let first = i
            var end = i
            var ascii = true
            while end < s.count, TermFolding.isWordScalar(s[end]) {
                if s[end].value >= 0x80 { ascii = false }
                end += 1
            }
            i = end
            column += end - first
            var folded = ""
            if ascii {
                var bytes = [UInt8](repeating: 0, count: end - first)
                var k = 0
                while k < bytes.count {
                    let value = s[first + k].value
                    bytes[k] = UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
                    k += 1
                }
                folded = String(decoding: bytes, as: UTF8.self)
            } else {
                for scalar in s[first..<end] { TermFolding.append(scalar, to: &folded) }
            }
            let spaced = blanks + newlines > 0
            let joins = !words.isEmpty && !broken && newlines <= 1 && (spaced ? joiners == 0 : joiners == 1)
            words.append(
                Word(
                    folded: folded, range: SourceRange(start: start, end: SourcePosition(line: line, column: column)),
                    joinsPrevious: joins))
            newlines = 0
            blanks = 0
            joiners = 0
            broken = false
            atLineStart = false
        }

        // MARK: What is not prose

        func matches(_ text: String, at index: Int, ignoringCase: Bool = false) -> Bool {
            var k = index
            for expected in text.unicodeScalars {
                guard k < s.count else { return false }
                var actual = s[k]
                if ignoringCase, actual.value >= 0x41, actual.value <= 0x5A {
                    actual = Unicode.Scalar(UInt8(actual.value + 0x20))
                }
                if actual != expected { return false }
                k += 1
            }
            return true
        }

        func isURLStart() -> Bool {
            let first = s[i].value | 0x20
            guard first == 0x68 || first == 0x77 || first == 0x6D else { return false } // h, w, m
            guard i == 0 || !TermFolding.isWordScalar(s[i - 1]) else { return false }
            return matches("http://", at: i, ignoringCase: true) || matches("https://", at: i, ignoringCase: true)
                || matches("www.", at: i, ignoringCase: true) || matches("mailto:", at: i, ignoringCase: true)
        }

        static func isURLEnd(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\n" || c == "<" || c == ">" || c == ")" || c == "]" || c == "\"" || c == "|"
        }

        /// Skips Markdown that is not prose at `i`; false when there is none.
        mutating func skipMarkup() -> Bool {
            let c = s[i]
            if c == "`" {
                if let end = codeSpanEnds[i] { skip(to: end) } else { skip(to: i + (lonelyRuns[i] ?? 1)) }
                return true
            }
            if c == "]", i + 1 < s.count, s[i + 1] == "(" {
                skipDestination()
                return true
            }
            if c == "{", matches("{#", at: i) {
                skip(to: i + 2)
                skip(while: { $0 != "}" && $0 != "\n" })
                if i < s.count, s[i] == "}" { advance() }
                return true
            }
            if c == "<" {
                // Stops at the next `<`, so no character is looked at from two of them.
                var j = i + 1
                var looksLikeLink = false
                while j < s.count, s[j] != " ", s[j] != "\t", s[j] != "\n", s[j] != "<", s[j] != ">" {
                    if s[j] == ":" || s[j] == "@" { looksLikeLink = true }
                    j += 1
                }
                if looksLikeLink, j < s.count, s[j] == ">" {
                    skip(to: j + 1)
                    return true
                }
            }
            return false
        }

        /// Skips `](destination "title")`: the destination up to a blank or its
        /// closing parenthesis, then a title on the same line.
        mutating func skipDestination() {
            skip(to: i + 2)
            if i < s.count, s[i] == "<" {
                skip(while: { $0 != ">" && $0 != "\n" })
            } else {
                var depth = 0
                while i < s.count, s[i] != " ", s[i] != "\t", s[i] != "\n" {
                    if s[i] == "(" {
                        depth += 1
                    } else if s[i] == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    advance()
                }
            }
            skip(while: { $0 == " " || $0 == "\t" })
            if i < s.count,
                let close: Unicode.Scalar = s[i] == "\"" ? "\"" : s[i] == "'" ? "'" : s[i] == "(" ? ")" : nil
            {
                advance()
                skip(while: { $0 != close && $0 != "\n" })
                if i < s.count, s[i] == close { advance() }
                skip(while: { $0 == " " || $0 == "\t" })
            }
            if i < s.count, s[i] == ")" || s[i] == ">" { advance() }
        }

        /// Pairs backtick runs into code spans: a run is closed by the next run
        /// of the same length in the same paragraph (found in one pass from the end).
        mutating func findCodeSpans() {
            var runs: [(start: Int, length: Int, paragraph: Int)] = []
            var paragraph = 0
            var k = 0
            var previousNewline = -2
            while k < s.count {
                if s[k] == "\n" {
                    if previousNewline >= 0, s[(previousNewline + 1)..<k].allSatisfy({ $0 == " " || $0 == "\t" }) {
                        paragraph += 1
                    }
                    previousNewline = k
                }
                if s[k] == "`" {
                    let start = k
                    while k < s.count, s[k] == "`" { k += 1 }
                    runs.append((start, k - start, paragraph))
                    continue
                }
                k += 1
            }
            var next: [Int: Int] = [:] // length → index in `runs` of the nearest run after
            var closer = [Int?](repeating: nil, count: runs.count)
            for r in runs.indices.reversed() {
                if let n = next[runs[r].length], runs[n].paragraph == runs[r].paragraph { closer[r] = n }
                next[runs[r].length] = r
            }
            var r = 0
            while r < runs.count {
                lonelyRuns[runs[r].start] = runs[r].length
                if let c = closer[r] {
                    codeSpanEnds[runs[r].start] = runs[c].start + runs[c].length
                    r = c + 1
                } else {
                    r += 1
                }
            }
        }
    }
}
