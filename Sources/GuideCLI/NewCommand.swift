import ArgumentParser
import Diagnostics
import Foundation
import GuideModel
import Loader

/// `guide new <type> <id>`: scaffolds an entry from its schema, or (with
/// `--language`) a translation stub of an existing entry.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a new entry from its schema, or a translation stub with --language.",
        discussion: """
            Writes Content/<type>/<id>.<source language>.md with every required field as a placeholder, the allowed \
            values and descriptions as comments, and the required sections as headings. With --language, writes a \
            translation stub of an existing entry instead. Never overwrites a file.
            """)

    @OptionGroup var paths: PathOptions

    @Argument(help: "The content type: concept, indicator, protocol or helpline (or the folder name: concepts …).")
    var type: String

    @Argument(help: "The entry id: lower-case kebab-case, such as holds-no-documents.")
    var id: String

    @Option(help: "Write a translation stub in this language for an existing entry.")
    var language: String?

    func validate() throws {
        guard Self.entryType(type) != nil else {
            let names = EntryType.allCases.map(\.schemaName)
            let suggestion =
                Suggestion.closest(to: type, among: names + EntryType.allCases.map(\.rawValue))
                .map { " (did you mean \"\($0)\"?)" } ?? ""
            throw ValidationError(
                "\"\(type)\" is not a content type\(suggestion); types: \(names.joined(separator: ", "))")
        }
        guard Identifier.isValid(id) else {
            throw ValidationError(
                "\"\(id)\" is not a valid id: use lower-case letters, digits and single hyphens, "
                    + "such as \(Identifier.normalised(id).split(separator: "-").filter { !$0.isEmpty }.joined(separator: "-"))"
            )
        }
    }

    static func entryType(_ name: String) -> EntryType? {
        EntryType(rawValue: name) ?? EntryType.allCases.first { $0.schemaName == name }
    }

    func run() throws {
        let type = Self.entryType(self.type)!
        let root = try paths.contentFolder()
        let loaded = ContentLoader(root: root, displayRoot: paths.content).load()
        let config = loaded.guide.config
        guard loaded.guide.configDocument != nil else {
            throw EnvironmentError(
                "cannot read \(paths.content)/guide.yml (run `guide check`); it names the source language")
        }
        if let language {
            try writeTranslation(type: type, language: language, guide: loaded.guide)
            return
        }
        let path = "\(paths.content)/\(type.rawValue)/\(id).\(config.sourceLanguage).md"
        if FileManager.default.fileExists(atPath: path) {
            throw EnvironmentError("\(path) already exists; `guide new` never overwrites a file")
        }
        let schema = try ScaffoldSchema(folder: root.appendingPathComponent("schema"))
        guard let resolved = schema.root("\(type.schemaName).schema.json") else {
            throw EnvironmentError(
                "cannot read \(paths.content)/schema/\(type.schemaName).schema.json (run `guide check`)")
        }
        let scaffold = ScaffoldEntry(schema: schema, root: resolved, type: type, path: path, config: config)
        try write(scaffold.text(), to: path)
        var message = """
            created \(path) (status: draft).
            Fill in every "" and [] (the comments list the allowed values); `guide check` lists what is still missing.
            """
        if !scaffold.optionalSections.isEmpty {
            message +=
                "\nOptional sections: " + scaffold.optionalSections.map { "{#\($0)}" }.joined(separator: ", ") + "."
        }
        message += "\nPreview drafts with `guide serve --drafts`; set status: published when it is ready.\n"
        FileHandle.standardOutput.write(Data(message.utf8))
    }

    private func writeTranslation(type: EntryType, language: String, guide: Guide) throws {
        let config = guide.config
        guard language != config.sourceLanguage else {
            throw EnvironmentError(
                "\(language) is the source language; without --language, `guide new \(self.type) \(id)` writes the source file"
            )
        }
        guard let declared = config.language(language) else {
            let suggestion =
                Suggestion.closest(to: language, among: config.languageCodes).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw EnvironmentError("language \"\(language)\" is not declared in guide.yml\(suggestion)")
        }
        guard let entry = guide.entry(Reference(type: type, id: id)), let source = guide.sourceFile(of: entry) else {
            throw EnvironmentError(
                "there is no \(type.rawValue)/\(id).\(config.sourceLanguage).md to translate "
                    + "(create it with `guide new \(type.schemaName) \(id)`, or run `guide check` if it has errors)")
        }
        let path = "\(paths.content)/\(type.rawValue)/\(id).\(language).md"
        if FileManager.default.fileExists(atPath: path) {
            throw EnvironmentError("\(path) already exists; `guide new` never overwrites a file")
        }
        let stub = ScaffoldTranslation(
            source: source, language: language, languageName: declared.name,
            translatable: guide.fieldRules[type]?.translatable ?? ["title", "summary"],
            sectionRules: guide.sectionRules[type] ?? [])
        try write(stub.text(), to: path)
        let fields = source.frontMatter.keys.filter { stub.translatable.contains($0) }
        let sourceName = config.language(config.sourceLanguage)?.name ?? config.sourceLanguage
        let message = """
            created \(path): translation stub in \(declared.name) (\(language)) of \(source.path), status: review.
            Translate \(fields.joined(separator: ", ")) and the sections (keep each {#id}).
            It has no source_hash, so it counts as unstamped (outdated) until reviewed; once translated,
            record that with `guide stamp \(path)`.
            Until then readers see the copied \(sourceName) text: set status: draft to keep it out of builds.

            """
        FileHandle.standardOutput.write(Data(message.utf8))
    }

    private func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: a file created meanwhile is never overwritten.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw EnvironmentError(
                    errno == EEXIST
                        ? "\(path) already exists; `guide new` never overwrites a file"
                        : "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            try handle.write(contentsOf: Data(text.utf8))
        } catch let error as EnvironmentError {
            throw error
        } catch {
            throw EnvironmentError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
