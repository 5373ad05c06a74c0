/// One entry as a reader of one language sees it.
public struct LocalizedEntry: Sendable {
    public var entry: Entry
    /// The language the reader asked for.
    public var language: String
    /// The file shown: the translation, or the fallback language's file.
    public var file: EntryFile
    public var state: TranslationState
    /// The source language: its files are the original, never "in review".
    public var sourceLanguage: String

    /// Whether the text shown is in another language than the one asked for.
    public var isFallback: Bool { file.language != language }

    /// Whether the text shown is a translation not yet checked by a native
    /// speaker (`status: review`): readers see a notice in its language.
    public var isUnderReview: Bool { file.language != sourceLanguage && file.status == "review" }
}

extension Guide {
    /// Whether an entry goes into builds: drafts (by the source file's status)
    /// only when asked for.
    public func isPublished(_ entry: Entry, drafts: Bool) -> Bool {
        guard let source = sourceFile(of: entry) else { return false }
        return drafts || source.status != "draft"
    }

    /// Entries that go into builds, by type then id.
    public func publishedEntries(drafts: Bool) -> [Entry] {
        allEntries.filter { isPublished($0, drafts: drafts) }
    }

    /// The entry in `language`: its translation (a draft translation counts as
    /// missing unless `drafts`), or the fallback; nil when there is nothing to show.
    /// A translation in `review` is shown, replaced by its fallback, or left
    /// out as `guide.yml`'s `review_text` says.
    public func localized(_ entry: Entry, in language: String, drafts: Bool) -> LocalizedEntry? {
        let source = config.sourceLanguage
        func usable(_ file: EntryFile) -> Bool {
            file.language == source || drafts || file.status != "draft"
        }
        if let file = entry.files[language], usable(file) {
            let shown = LocalizedEntry(
                entry: entry, language: language, file: file,
                state: translationState(of: entry, in: language), sourceLanguage: source)
            switch shown.isUnderReview ? config.reviewText : .notice {
            case .notice: return shown
            case .omit: return nil
            case .fallback: break
            }
        }
        let chain = (config.fallbackAllowed[entry.type] ?? true) ? config.fallbackChain(for: language) : []
        for candidate in chain {
            guard let file = entry.files[candidate], usable(file) else { continue }
            let shown = LocalizedEntry(
                entry: entry, language: language, file: file, state: .missing(fallback: candidate),
                sourceLanguage: source)
            if shown.isUnderReview, config.reviewText != .notice { continue }
            return shown
        }
        return nil
    }

    /// The name of a role, touchpoint, category or country in `language`,
    /// falling back like entries do, then to the id itself.
    public func name(of term: GuideConfig.Term, in language: String) -> String {
        for code in [language] + config.fallbackChain(for: language) {
            if let name = term.names[code] { return name }
        }
        return term.id
    }
}
