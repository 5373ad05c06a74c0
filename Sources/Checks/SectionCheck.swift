import Diagnostics
import GuideModel
import Markdown

/// Sections the schema requires (`x-sections`) exist in source files and hold
/// what the schema says (the protocol's steps are one ordered list); section
/// ids are well formed and unique.
struct SectionCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        var out: [Diagnostic] = []
        for file in entry.files {
            for problem in file.body.problems where problem.kind != .tooDeep {
                let code = problem.kind == .duplicateSectionID ? "section.duplicate" : "section.id"
                out.append(
                    .error(
                        code, file: file.path, at: problem.range, problem.message,
                        help: problem.kind == .duplicateSectionID
                            ? "give each section its own id"
                            : "section ids are lower-case words joined by hyphens: {#what-to-do}"))
            }
            let isSource = file.language == guide.config.sourceLanguage
            for rule in guide.sectionRules[file.type] ?? [] {
                guard let section = file.body.section(id: rule.id) else {
                    if rule.required && isSource {
                        out.append(
                            .error(
                                "section.missing", file: file.path, at: file.bodyStart,
                                "required section \"\(rule.id)\" is missing",
                                help: "add a heading ending in {#\(rule.id)}, e.g. `## … {#\(rule.id)}`"))
                    }
                    continue
                }
                if let problem = contentProblem(section, rule) {
                    out.append(
                        .error("section.content", file: file.path, at: section.headingRange, problem.0, help: problem.1)
                    )
                } else if let limit = rule.maxLength, let long = Self.tooLong(section, limit: limit) {
                    out.append(
                        .error(
                            "section.too-long", file: file.path, at: long.range,
                            "section \"\(rule.id)\" has \(long.length) characters; it may have at most \(limit)",
                            help:
                                "shorten it by \(long.length - limit) characters: it is printed where space is fixed (pocket cards)"
                        ))
                }
            }
        }
        return out
    }

    /// The section's text length (plain text, heading excluded) when over
    /// `limit`, with the range of its content to point at.
    static func tooLong(_ section: MarkdownSection, limit: Int) -> (length: Int, range: SourceRange)? {
        let content = section.blocks.filter { if case .heading = $0.kind { return false } else { return true } }
        guard let first = content.first, let last = content.last else { return nil }
        let length = PlainTextRenderer().render(content).unicodeScalars.count
        guard length > limit else { return nil }
        return (length, SourceRange(start: first.range.start, end: last.range.end))
    }

    private func contentProblem(_ section: MarkdownSection, _ rule: SectionRule) -> (String, String)? {
        let content = section.blocks.filter { if case .heading = $0.kind { return false } else { return true } }
        switch rule.content {
        case .orderedList:
            let lists = content.filter { if case .list(let l) = $0.kind { return l.ordered } else { return false } }
            if lists.count != 1
                || content.contains(where: {
                    if case .list(let l) = $0.kind { return !l.ordered } else { return false }
                })
            {
                return (
                    "section \"\(rule.id)\" must hold exactly one numbered list (found \(lists.count))",
                    "write the steps as one list: `1. …`, `2. …`"
                )
            }
        case .bulletList:
            if !content.contains(where: { if case .list = $0.kind { return true } else { return false } }) {
                return ("section \"\(rule.id)\" must hold a list", "write it as a list: `- …`")
            }
        case .paragraph:
            if !content.contains(where: { if case .paragraph = $0.kind { return true } else { return false } }) {
                return ("section \"\(rule.id)\" must hold a paragraph", "write one short paragraph under the heading")
            }
        case .any:
            if content.isEmpty { return ("section \"\(rule.id)\" is empty", "write its content under the heading") }
        }
        return nil
    }
}
