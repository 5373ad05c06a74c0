import Diagnostics
import Foundation
import GuideModel
import Markdown

/// The things a translation must carry over unchanged from its source body:
/// phone numbers, e-mail addresses, URLs and references, with where each is.
struct BodyTokens {
    private(set) var items: [(kind: String, value: String, range: SourceRange)] = []
    private var keys: Set<String> = []

    init(_ file: EntryFile) {
        for occurrence in file.body.links where !occurrence.isImage {
            let dest = occurrence.link.destination
            let range = occurrence.link.destinationRange ?? occurrence.link.range
            if Reference.looksLikeReference(dest) {
                add("reference", dest, range)
            } else if dest.hasPrefix("mailto:") {
                add("e-mail address", String(dest.dropFirst(7)), range)
            } else if dest.hasPrefix("tel:") {
                add("phone number", Self.digits(String(dest.dropFirst(4))), range)
            } else if dest.contains("://") {
                add("URL", dest, range)
            }
        }
        scanText(file)
    }

    func contains(_ kind: String, _ value: String) -> Bool { keys.contains(kind + "\u{0}" + value) }

    private mutating func add(_ kind: String, _ value: String, _ range: SourceRange) {
        guard keys.insert(kind + "\u{0}" + value).inserted else { return }
        items.append((kind, value, range))
    }

    /// Phone numbers and e-mail addresses written as plain text, found by a
    /// byte scanner (a regular expression per line was most of `guide check`'s time).
    private mutating func scanText(_ file: EntryFile) {
        var text = file.bodyText
        text.withUTF8 { scan($0, firstLine: file.bodyLine) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        var line = firstLine
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            let previous: UInt8 = i > lineStart ? bytes[i - 1] : 0x20
            if b == UInt8(ascii: "@"), let (start, end) = Self.email(around: i, in: bytes, lineStart: lineStart) {
                add(
                    "e-mail address", String(decoding: bytes[start..<end], as: UTF8.self),
                    Self.range(bytes, lineStart: lineStart, start: start, end: end, line: line))
                i = end
                continue
            }
            if (Self.isDigit(b) || b == UInt8(ascii: "+")) && !Self.isWordByte(previous) {
                let end = Self.phoneEnd(from: i, in: bytes)
                let written = bytes[i..<end]
                let digits = written.filter(Self.isDigit).count
                if digits >= 7, !Self.isISODate(written) {
                    add(
                        "phone number", Self.digits(String(decoding: written, as: UTF8.self)),
                        Self.range(bytes, lineStart: lineStart, start: i, end: end, line: line))
                }
                i = max(end, i + 1)
                continue
            }
            i += 1
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 || b == UInt8(ascii: "_")
    }

    /// The end of a run of digits and separators (space, parentheses, dot, hyphen) ending in a digit.
    private static func phoneEnd(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = start + 1
        var lastDigit = isDigit(bytes[start]) ? start + 1 : start
        while i < bytes.count {
            let b = bytes[i]
            if isDigit(b) {
                lastDigit = i + 1
            } else if !(b == 0x20 || b == 0x28 || b == 0x29 || b == 0x2E || b == 0x2D) {
                break
            }
            i += 1
        }
        return lastDigit
    }

    private static func isISODate(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let a = Array(s)
        return a.count == 10 && a[4] == 0x2D && a[7] == 0x2D
            && a.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }
    }

    /// The e-mail address around an `@`, if the text there is shaped like one.
    private static func email(around at: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int) -> (Int, Int)? {
        func local(_ b: UInt8) -> Bool { isWordByte(b) && b < 0x80 || b == 0x2E || b == 0x25 || b == 0x2B || b == 0x2D }
        func domain(_ b: UInt8) -> Bool {
            (isWordByte(b) && b < 0x80 && b != UInt8(ascii: "_")) || b == 0x2E || b == 0x2D
        }
        var start = at
        while start > lineStart, local(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count, domain(bytes[end]) { end += 1 }
        while end > at + 1, bytes[end - 1] == 0x2E { end -= 1 }
        let host = bytes[(at + 1)..<end]
        guard start < at, let dot = host.lastIndex(of: 0x2E), end - dot > 2 else { return nil }
        return (start, end)
    }

    private static func range(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, start: Int, end: Int, line: Int)
        -> SourceRange
    {
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
        let length = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.count
        return SourceRange(line: line, column: column, length: length)
    }

    /// A phone number reduced to `+` and digits, so `809-200-7393` and `809 200 7393` compare equal.
    static func digits(_ s: String) -> String {
        String(s.filter { $0.isASCII && ($0.isNumber || $0 == "+") })
    }
}
