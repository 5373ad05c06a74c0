import Digest
import Foundation
import GuideModel
import JSON

/// Constants of the bundle format that consumers rely on (see docs/bundle.md).
public enum BundleFormat {
    /// The format's own version (semver). MAJOR: a field removed, renamed or
    /// changed in meaning or type; MINOR: optional fields or new values of open
    /// vocabularies added; PATCH: schema or documentation fixes only.
    public static let version = "1.1.0"
    /// The major version this build of `guide` reads (for `guide diff`).
    public static let major = 1

    public static let fullFileName = "guide.json"
    public static let schemaFileName = "guide.schema.json"
    public static func languageFileName(_ code: String) -> String { "guide.\(code).json" }

    /// `kind` of the file with every language.
    public static let guideKind = "guide"
    /// `kind` of a one-language file.
    public static let languageKind = "language"

    /// `sha256:` and the SHA-256 of `text`'s UTF-8 bytes, in lowercase hex.
    static func hash(_ text: String) -> String {
        "sha256:" + Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// The hash of a value's canonical form: sorted keys, no white space.
    static func hash(_ value: JSONValue) -> String {
        hash(JSONWriter(sortedKeys: true, pretty: false).string(value))
    }
}

/// Builds a JSON object from pairs, leaving out absent values.
func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
    var o = JSONObject()
    for (key, value) in pairs { if let value { o[key] = value } }
    return .object(o)
}

extension JSONValue {
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    static func int(_ value: Int) -> JSONValue { .number(.integer(value)) }
}

extension Optional where Wrapped == String {
    var json: JSONValue? { map(JSONValue.string) }
}
