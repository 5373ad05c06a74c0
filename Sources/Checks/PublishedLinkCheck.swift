import Diagnostics
import GuideModel
import Markdown

/// A published text that links to an entry readers will not find: a draft
/// (left out of the build), or an entry not shown in the text's language (no
/// translation, no fallback allowed, or review text left out by
/// `review_text`). Outputs drop such a link, so an indicator whose protocol
/// went back to draft would silently lose its "What to do" link; this check
/// says so at the link instead: an error for a draft, a warning for a
/// language (a guide adding a language translates over time).
struct PublishedLinkCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let guide = context.guide
        guard guide.isPublished(entry.entry, drafts: context.drafts) else { return [] }
        let shown = guide.config.languageCodes.compactMap {
            guide.localized(entry.entry, in: $0, drafts: context.drafts)
        }
        var out: [Diagnostic] = []
        for file in entry.files where entry.isValid(file) {
            // The languages whose readers see this file's text; the source
            // file's other fields (its references among them) show in every language.
            let readers = shown.filter { $0.file === file }.map(\.language)
            let fieldReaders = file === entry.source ? shown.map(\.language) : readers
            var path: [String] = []
            ReferenceCheck.walk(file.frontMatter, path: &path) { text, path in
                guard !fieldReaders.isEmpty else { return }
                if let d = problem(
                    text, file: file, at: file.positions.valueRange(path), readers: fieldReaders, context)
                {
                    out.append(d)
                }
            }
            guard !readers.isEmpty else { continue }
            for occurrence in file.body.links where !occurrence.isImage {
                let link = occurrence.link
                if let d = problem(
                    link.destination, file: file, at: link.destinationRange ?? link.range, readers: readers, context)
                {
                    out.append(d)
                }
            }
        }
        return out
    }

    private func problem(
        _ text: String, file: EntryFile, at range: SourceRange, readers: [String],
        _ context: CheckContext
    ) -> Diagnostic? {
        guard Reference.looksLikeReference(text), let reference = Reference(parsing: text),
            let target = context.guide.entry(reference.entry)
        else { return nil }
        let guide = context.guide
        if !guide.isPublished(target, drafts: context.drafts) {
            return .error(
                "reference.unpublished", file: file.path, at: range,
                "\"\(reference.entry)\" is a draft, left out of the build: this link would be missing from every page",
                help: "publish \(reference.entry), or remove the link until it is published")
        }
        let missing = readers.filter { guide.localized(target, in: $0, drafts: context.drafts) == nil }
        guard !missing.isEmpty else { return nil }
        // A warning: the guide chose to show no fallback, and a language being
        // added gets its translations over time; every build says what is missing.
        return .warning(
            "reference.unpublished", file: file.path, at: range,
            "\"\(reference.entry)\" is not shown in \(missing.joined(separator: ", ")): this link would be missing there",
            help: "translate \(reference.entry) into \(missing.joined(separator: ", ")), or allow fallback for "
                + "\(reference.type.rawValue) in guide.yml")
    }
}
