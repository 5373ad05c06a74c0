/// One entry as a reader of one language sees it.
public struct LocalizedEntry: Sendable {
    public var entry: Entry
    /// The language the reader asked for.
    public var language: String
    /// The file shown: the translation, or the fallback language's file.
    public var file: EntryFile
    public var state: TranslationState

    /// Whether the text shown is in another language than the one asked for.
    public var isFallback: Bool { file.language != language }
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
    public func localized(_ entry: Entry, in language: String, drafts: Bool) -> LocalizedEntry? {
        if let file = entry.files[language], drafts || file.status != "draft" || language == config.sourceLanguage {
            return LocalizedEntry(entry: entry, language: language, file: file,
                                  state: translationState(of: entry, in: language))
        }
        let chain = (config.fallbackAllowed[entry.type] ?? true) ? config.fallbackChain(for: language) : []
        for candidate in chain {
            if let file = entry.files[candidate], drafts || file.status != "draft" || candidate == config.sourceLanguage {
                return LocalizedEntry(entry: entry, language: language, file: file, state: .missing(fallback: candidate))
            }
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
