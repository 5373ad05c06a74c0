// swift-tools-version:6.0
import PackageDescription

// Linux only (built and tested on Debian 12): the sources call Glibc and Linux
// system calls (inotify, renameat2, flock) directly, so no Apple platform is listed.
let package = Package(
    name: "guide",
    products: [
        .executable(name: "guide", targets: ["guide"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The reference Mustache renderer the tests compare the site's pages with (tests only).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // System libraries (Debian packages named in each module map's README).
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CLibCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CLibYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]),

        // Foundations: values, positions, diagnostics, and the one helper for parallel loops.
        .target(name: "Parallel"),
        .target(name: "JSON"),
        .target(name: "Diagnostics", dependencies: ["JSON"]),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Diagnostics"]),
        .target(name: "Schema", dependencies: ["JSON"]),
        .target(name: "Digest", dependencies: ["CLibCrypto"]),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not expose.
        .target(name: "CFileSystem"),
        // File-level facts and operations shared by the loader, the preview and the CLI.
        .target(name: "FileSystem", dependencies: ["Parallel"]),
        .target(
            name: "GuideModel",
            dependencies: ["JSON", "Diagnostics", "Markdown", "Schema", "Digest", "Parallel"]),

        // Pipeline stages.
        // YAML with exact positions, from libyaml's events: content files and the handout style.
        .target(name: "YAML", dependencies: ["CLibYAML", "JSON", "Diagnostics", "GuideModel"]),
        .target(
            name: "Loader",
            dependencies: [
                "GuideModel", "Schema", "YAML", "FileSystem", "Parallel", "Diagnostics", "JSON", "Markdown",
            ]),
        .target(
            name: "Checks", dependencies: ["GuideModel", "Schema", "Parallel", "Diagnostics", "JSON", "Markdown"]),
        .target(
            name: "BundleEmitter",
            dependencies: [
                "GuideModel", "JSON", "Markdown", "Diagnostics", "Digest", "Schema", "FileSystem", "Parallel",
            ]),
        // Mustache templates: our parser (held to the official spec) and renderer.
        .target(name: "Templating", dependencies: ["Markdown"]),
        .target(
            name: "SiteEmitter",
            dependencies: [
                "GuideModel", "JSON", "Markdown", "Templating", "Digest", "FileSystem", "Parallel",
                "Diagnostics", "Schema",
            ]),
        .target(
            name: "HandoutEmitter",
            dependencies: [
                "GuideModel", "Markdown", "CPangoCairo", "CQRencode", "CQPDF", "YAML",
                "FileSystem", "Parallel", "Diagnostics", "JSON", "Schema",
            ]),
        // XLIFF 1.2 and gettext PO: one language out to translation tools and back into Content/.
        .target(
            name: "TranslationExchange",
            dependencies: ["GuideModel", "Markdown", "Diagnostics", "Schema", "Loader"]),
        .target(
            name: "GuideCLI",
            dependencies: [
                "Loader", "Checks", "BundleEmitter", "SiteEmitter", "HandoutEmitter", "TranslationExchange",
                "CFileSystem", "FileSystem", "Preview", "Diagnostics", "GuideModel", "JSON", "Markdown", "Schema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The preview's HTTP server and folder watcher (guide serve).
        .target(name: "Preview", dependencies: ["FileSystem"]),
        .executableTarget(name: "guide", dependencies: ["GuideCLI"]),
        // The fuzz target (one input = one content file, loaded and checked): a libFuzzer
        // target when built by scripts/fuzz.sh, else a replayer of its corpus (Fuzz/corpus).
        .executableTarget(name: "GuideFuzz", dependencies: ["Loader", "Checks", "Diagnostics"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "JSON"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Diagnostics"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Loader", "Checks", "Diagnostics", "GuideModel", "JSON", "Schema"],
            exclude: ["Fixtures"]),
        // Tools/pdfprobe.py (pdfminer.six, pikepdf) is run by the tests, not compiled.
        .testTarget(
            name: "HandoutEmitterTests",
            dependencies: ["HandoutEmitter", "Loader", "Checks", "Markdown", "Diagnostics", "GuideModel", "Schema"],
            exclude: ["Tools"]),
        .testTarget(
            name: "BundleEmitterTests",
            dependencies: [
                "BundleEmitter", "Loader", "Checks", "Diagnostics", "Digest", "GuideModel", "JSON", "Schema",
            ]),
        // Browser/drive.py (headless Chromium) is run by SiteBrowserTests, not compiled.
        .testTarget(
            name: "SiteEmitterTests",
            dependencies: ["SiteEmitter", "Loader", "Diagnostics", "GuideModel", "JSON", "Markdown", "Schema"],
            exclude: ["Browser"]),
        // The Mustache spec's JSON tests (../shared/testdata), and every page of the sample
        // site rendered by swift-mustache too, byte for byte.
        .testTarget(
            name: "TemplatingTests",
            dependencies: [
                "Templating", "SiteEmitter", "Loader", "GuideModel", "JSON", "Schema",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "TranslationExchangeTests",
            dependencies: ["TranslationExchange", "Loader", "Diagnostics", "GuideModel", "Markdown"]),
        // Runs the built `guide` binary on temporary copies of the sample guide.
        .testTarget(name: "CLITests", dependencies: ["guide"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
