import GuideModel

/// An entry's source file and its translation in one language, read into
/// slots with the same keys.
struct EntrySlots {
    let entry: Entry
    let source: EntryFile
    let sourceText: String
    let sourceFields: [TextSlot]
    let sourceBody: [TextSlot]
    let translation: EntryFile?
    let translationText: String?
    let translationFields: [String: TextSlot]
    let translationBody: [TextSlot]
    /// The translatable fields, in the source's order.
    let fields: [String]

    /// `text` reads a file's text (no byte-order mark, LF line ends); nil
    /// when the source cannot be read.
    init?(entry: Entry, language: String, guide: Guide, text: (EntryFile) -> String?) {
        guard let source = guide.sourceFile(of: entry), let sourceText = text(source) else { return nil }
        self.entry = entry
        self.source = source
        self.sourceText = sourceText
        let fields = Self.translatableFields(of: source, in: guide)
        self.fields = fields
        let sourceSlots = SlotExtractor(file: source, text: sourceText)
        sourceFields = sourceSlots.fieldSlots(fields)
        sourceBody = sourceSlots.bodySlots()
        let translation = entry.files[language]
        let translationText = translation.flatMap(text)
        self.translation = translationText == nil ? nil : translation
        self.translationText = translationText
        if let translation, let translationText {
            let slots = SlotExtractor(file: translation, text: translationText)
            translationFields = Dictionary(slots.fieldSlots(fields).map { ($0.key, $0) }) { first, _ in first }
            translationBody = slots.bodySlots()
        } else {
            translationFields = [:]
            translationBody = []
        }
    }

    /// The source's translatable fields, in the order the source writes them.
    static func translatableFields(of source: EntryFile, in guide: Guide) -> [String] {
        let translatable = guide.fieldRules[source.type]?.translatable ?? []
        return source.frontMatter.keys.filter { translatable.contains($0) }
    }

    /// Whether the translation's body has the source's structure, block for block.
    var aligned: Bool { translation != nil && translationBody.map(\.shape) == sourceBody.map(\.shape) }

    var structure: String { ExportVersion.structure(of: sourceBody) }

    /// The translation's status, as written.
    var translationStatus: UnitStatus? { translation.map { UnitStatus(rawValue: $0.status) ?? .review } }
}
