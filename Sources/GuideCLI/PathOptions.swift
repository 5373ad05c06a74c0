import ArgumentParser
import Foundation

/// Where the guide's folders are; every command shares these.
struct PathOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: "The content folder.")
    var content = "Content"

    @Option(name: .customLong("templates"), help: "The templates folder.")
    var templates = "Templates"

    @Option(name: .customLong("output"), help: "The output folder.")
    var output = "Output"

    /// The content folder as a URL, or an environment error (exit 2) when it cannot be read.
    func contentFolder() throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.isReadableFile(atPath: content)
        else {
            throw EnvironmentError("cannot read the content folder \"\(content)\"")
        }
        return URL(fileURLWithPath: content)
    }
}

/// A problem with the command line or the machine, not the content: exit 2.
struct EnvironmentError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
