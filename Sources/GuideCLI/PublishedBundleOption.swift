import ArgumentParser
import Foundation
import GuideModel
import Loader

/// `--published-bundle`: the bundle partners last received, named on the
/// command line instead of in `guide.yml` (`published_bundle`).
struct PublishedBundleOption: ParsableArguments {
    @Option(
        name: .customLong("published-bundle"),
        help: ArgumentHelp(
            "The guide.json partners last received (a path or an http(s):// URL), instead of guide.yml's published_bundle: every entry it carried must still be published or have a record in tombstones.yml.",
            valueName: "path-or-url"))
    var location: String?

    /// The bundle, read now; a bundle named here that cannot be read is a usage error (exit 2).
    func read() throws -> PublishedBundle? {
        guard let location else { return nil }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        switch PublishedBundleReader.read(location, relativeTo: here, origin: .commandLine) {
        case .success(let bundle): return bundle
        case .failure(let failure): throw EnvironmentError(failure.message)
        }
    }
}
