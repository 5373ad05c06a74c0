import GuideModel
import XCTest

/// What reads as a reference (`type/id`, `type/id#section`) and what does not.
final class ReferenceParsingTests: XCTestCase {
    func testReferences() {
        XCTAssertEqual(Reference(parsing: "concepts/consent"), Reference(type: .concepts, id: "consent"))
        XCTAssertEqual(
            Reference(parsing: "indicators/holds-no-documents#what-to-do"),
            Reference(type: .indicators, id: "holds-no-documents", section: "what-to-do"))
        XCTAssertEqual(Reference(parsing: "helplines/x#"), Reference(type: .helplines, id: "x", section: ""))
        XCTAssertEqual(Reference(parsing: "protocols/a#b/c")?.section, "b/c", "a slash after # belongs to the section")
        XCTAssertEqual(Reference(parsing: "concepts/consentimiento-libre-ñ")?.id, "consentimiento-libre-ñ")
    }

    func testNotReferences() {
        for text in [
            "", "consent", "Consent and coercion", "concepts/", "/consent", "concepts//consent", "concepts/a/b",
            "media/diagram.svg", "https://example.org/a", "unknown/consent", "concepts#x/y", "#concepts/x",
            "concepts/#x",
        ] {
            XCTAssertNil(Reference(parsing: text), text)
        }
    }

    /// Shaped like a reference, even if malformed: a type, then a slash.
    func testLooksLikeReference() {
        for text in ["concepts/", "concepts/consent", "indicators/a/b", "protocols/x#y", "helplines//"] {
            XCTAssertTrue(Reference.looksLikeReference(text), text)
        }
        for text in [
            "", "concepts", "concept/x", "media/diagram.svg", "/concepts/x", "https://example.org/concepts/x",
            "x#concepts/y",
        ] {
            XCTAssertFalse(Reference.looksLikeReference(text), text)
        }
    }
}
