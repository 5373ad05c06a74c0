import Digest
import GuideModel
import JSON

/// `datapackage.json`: the bundle as a Frictionless Data Package (v2): who
/// publishes it, under which licence, and every file with its size, SHA-256,
/// media type and schema, so a partner can check a download is whole before
/// using it (`frictionless validate datapackage.json` does).
///
/// Each data file names its JSON Schema in `jsonSchema`, the member proposed
/// for Data Package v2.1 (frictionlessdata/datapackage#1104); the standard's
/// `schema` is a Table Schema, which JSON documents do not have. Resources are
/// `"type": "json"` so that Frictionless reads them as JSON documents, not as
/// tables or as its own metadata (it takes a file called `*schema.json` for a
/// Table Schema otherwise).
enum DataPackage {
    static let profile = "https://datapackage.org/profiles/2.0/datapackage.json"

    /// One file of the bundle, as written.
    struct File {
        var name: String
        var bytes: [UInt8]
        /// The language of a language file.
        var language: String?
    }

    static func document(config: GuideConfig, baseURL: String, files: [File], generatedAt: String?) -> JSONValue {
        let provenance = config.provenance
        let source = config.sourceLanguage
        let licences: JSONValue? = provenance.licenceID.map { id in
            .array([
                object(["name": .string(id), "path": provenance.licenceURL.json, "title": provenance.licenceName.json])
            ])
        }
        let publisher = provenance.publisher(in: source, sourceLanguage: source).map { name in
            object([
                "title": .string(name), "path": provenance.publisherURL.json, "email": provenance.contactEmail.json,
                "roles": .strings(["publisher"]),
            ])
        }
        return object([
            "$schema": .string(profile),
            "name": .string(packageName(baseURL: baseURL)),
            "id": baseURL.isEmpty ? nil : .string(BundleFormat.folderURL(baseURL: baseURL)),
            "title": config.title[source].json,
            "description": config.description[source].json,
            "version": .string(config.version),
            "homepage": baseURL.isEmpty ? nil : .string(baseURL),
            "created": generatedAt.json,
            "licenses": licences,
            "contributors": publisher.map { .array([$0]) },
            "resources": .array(files.map { resource($0, config: config, licences: licences) }),
        ])
    }

    private static func resource(_ file: File, config: GuideConfig, licences: JSONValue?) -> JSONValue {
        let isSchema = file.name == BundleFormat.schemaFileName
        let title: String
        if isSchema {
            title = "JSON Schema (draft 2020-12) of the data files"
        } else if let code = file.language {
            title = "The entries as a reader of \(config.language(code)?.name ?? code) (\(code)) sees them"
        } else {
            title = "Every entry in every language"
        }
        let stem = file.name.hasSuffix(".json") ? String(file.name.dropLast(5)) : file.name
        return object([
            "name": .string(stem.lowercased().replacingOccurrences(of: ".", with: "-")),
            "path": .string(file.name),
            "title": .string(title),
            "type": .string("json"),
            "format": .string("json"),
            "mediatype": .string(isSchema ? "application/schema+json" : "application/json"),
            "encoding": .string("utf-8"),
            "bytes": .int(file.bytes.count),
            "hash": .string("sha256:" + Hex.string(SHA256.hash(data: file.bytes))),
            "jsonSchema": isSchema ? nil : .string(BundleFormat.schemaFileName),
            "licenses": licences,
        ])
    }

    /// A name that stays the same from release to release: the site's host (`guide.example.org-bundle`).
    static func packageName(baseURL: String) -> String {
        var host = baseURL
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        host = String(host.prefix { $0 != "/" && $0 != ":" }).lowercased()
        let allowed = host.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" }
        return host.isEmpty || !allowed ? "guide-bundle" : host + "-bundle"
    }
}
