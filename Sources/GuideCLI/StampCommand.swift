import ArgumentParser
import Foundation
import GuideModel
import Loader

/// `guide stamp`: records the source hash in translations a translator has
/// brought up to date, or (with --source) in every translation of an entry
/// after a source edit that needs no re-translation.
struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp", abstract: "Record the current source hash in reviewed translations.")

    @OptionGroup var paths: PathOptions

    @Flag(help: "The files are source files: stamp every translation of each (after a typo-only edit).")
    var source = false

    @Argument(help: "Translation files (or, with --source, source files).")
    var files: [String]

    func run() throws {
        let loaded = ContentLoader(root: try paths.contentFolder(), displayRoot: paths.content).load()
        let guide = loaded.guide
        let byPath = Dictionary(
            guide.allEntries.flatMap { e in e.files.values.map { ($0.path, e) } },
            uniquingKeysWith: { a, _ in a })
        var targets: [EntryFile] = []
        for path in files {
            let normalised = Self.normalise(path, contentRoot: paths.content)
            guard let entry = byPath[normalised], let file = entry.files.values.first(where: { $0.path == normalised })
            else {
                throw EnvironmentError(
                    "\(path) is not an entry file of \(paths.content) (or it has errors: run `guide check`)")
            }
            let isSource = file.language == guide.config.sourceLanguage
            if source {
                guard isSource else { throw EnvironmentError("\(path) is a translation; --source takes source files") }
                targets += entry.languages.filter { $0 != file.language }.compactMap { entry.files[$0] }
            } else {
                guard !isSource else {
                    throw EnvironmentError("\(path) is the source file; to re-stamp its translations use --source")
                }
                targets.append(file)
            }
        }
        for file in targets {
            guard let entry = guide.entry(file.reference), let hash = guide.sourceHash(of: entry) else {
                throw EnvironmentError("\(file.path) has no source file to stamp against")
            }
            // Quoted: an unquoted hash such as 1234e567 would read as a YAML number.
            let url = URL(fileURLWithPath: file.path)
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let updated = FrontMatterEditor.setting("source_hash", to: "\"\(hash)\"", in: text) else {
                throw EnvironmentError("\(file.path) has no front matter to stamp")
            }
            if updated != text { try Data(updated.utf8).write(to: url, options: .atomic) }
            print("stamped \(file.path) (\(hash))")
        }
    }

    /// `./Content//x.md` and `Content/x.md` name the same file.
    static func normalise(_ path: String, contentRoot: String) -> String {
        let root = URL(fileURLWithPath: contentRoot).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return path }
        return contentRoot + String(full.dropFirst(root.count))
    }
}
