import Diagnostics
import GuideModel
import JSON
import Markdown

/// Every reference resolves: in front matter (any value written `<type>/<id>`)
/// and as Markdown link targets; `#section` parts name a section of the target.
struct ReferenceCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let index = context.references
        var resolutions = Resolutions(index: index)
        var out: [Diagnostic] = []
        for file in entry.files where entry.isValid(file) {
            let (filePath, positions) = (file.path, file.positions)
            var path: [String] = []
            Self.walk(file.frontMatter, path: &path) { text, path in
                guard Reference.looksLikeReference(text) else { return }
                if let d = resolutions.check(text, in: filePath, at: positions.valueRange(path)) { out.append(d) }
            }
        }
        for file in entry.files {
            let ownSections = Set(file.body.headings.compactMap(\.heading.id))
            // Images are MediaCheck's: an image path is reported there, once.
            for occurrence in file.body.links where !occurrence.isImage {
                let link = occurrence.link
                let at = link.destinationRange ?? link.range
                let dest = link.destination
                if dest.hasPrefix("#") {
                    let id = String(dest.dropFirst())
                    if !ownSections.contains(id) {
                        out.append(
                            .error(
                                "reference.section", file: file.path, at: at,
                                "this page has no section \"\(id)\"",
                                help: Suggestion.closest(to: id, among: ownSections).map { "did you mean \"#\($0)\"?" })
                        )
                    }
                } else if Reference.looksLikeReference(dest) {
                    if let d = resolutions.check(dest, in: file.path, at: at) { out.append(d) }
                } else if LinkKind.isRelative(dest), !dest.hasPrefix("media/") {
                    out.append(
                        .error(
                            "link.relative", file: file.path, at: at,
                            "\"\(dest)\" is not a reference, a media file or a web address",
                            help: index.suggestion(for: dest).map { "did you mean \"\($0)\"?" }
                                ?? "link to entries as <type>/<id>, e.g. concepts/consent"))
                }
            }
        }
        return out
    }

    static func check(_ text: String, in file: String, at range: SourceRange, index: ReferenceIndex) -> Diagnostic? {
        guard let reference = Reference(parsing: text) else {
            return .error(
                "reference.unresolved", file: file, at: range, "\"\(text)\" is not a valid reference",
                help: "write references as <type>/<id> or <type>/<id>#<section>")
        }
        switch index.resolve(reference) {
        case .resolved:
            return nil
        case .unknownEntry(let suggestion):
            return .error(
                "reference.unresolved", file: file, at: range,
                "\"\(reference.entry)\" does not exist",
                help: suggestion.map { "did you mean \"\($0)\"?" })
        case .unknownSection(let known, let suggestion):
            let list =
                known.isEmpty ? "it has no sections with ids" : "its sections are " + known.joined(separator: ", ")
            return .error(
                "reference.section", file: file, at: range,
                "\"\(reference.entry)\" has no section \"\(reference.section ?? "")\" (\(list))",
                help: suggestion.map { "did you mean \"\(reference.entry)#\($0)\"?" })
        }
    }

    /// Checks the references of one entry, each distinct text once (its
    /// translations repeat the source's references): what is wrong with a
    /// reference does not depend on the file it is written in.
    struct Resolutions {
        let index: ReferenceIndex
        private var found: [String: Diagnostic?] = [:]

        init(index: ReferenceIndex) { self.index = index }

        mutating func check(_ text: String, in file: String, at range: SourceRange) -> Diagnostic? {
            let problem: Diagnostic?
            if let known = found[text] {
                problem = known
            } else {
                problem = ReferenceCheck.check(text, in: file, at: range, index: index)
                found[text] = problem
            }
            guard var diagnostic = problem else { return nil }
            diagnostic.file = file
            diagnostic.range = range
            return diagnostic
        }
    }

    /// Calls `visit` with every string in `object` and its path.
    static func walk(_ object: JSONObject, path: inout [String], _ visit: (String, [String]) -> Void) {
        for key in object.keys {
            guard let value = object[key] else { continue }
            path.append(key)
            walk(value, path: &path, visit)
            path.removeLast()
        }
    }

    static func walk(_ value: JSONValue, path: inout [String], _ visit: (String, [String]) -> Void) {
        switch value {
        case .string(let s):
            visit(s, path)
        case .array(let items):
            for (i, item) in items.enumerated() {
                path.append(String(i))
                walk(item, path: &path, visit)
                path.removeLast()
            }
        case .object(let o):
            walk(o, path: &path, visit)
        default:
            break
        }
    }
}

/// Classifies link destinations.
enum LinkKind {
    /// True for a destination with no scheme that is not a fragment: a path
    /// relative to the page (`media/x.png`, `concepts/consent`, `../x.md`).
    static func isRelative(_ destination: String) -> Bool {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") { return false }
        if let colon = destination.firstIndex(of: ":") {
            let scheme = destination[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
            {
                return false
            }
        }
        return true
    }
}
