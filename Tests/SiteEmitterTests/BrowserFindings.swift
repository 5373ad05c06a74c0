import Foundation
import XCTest

/// What `Browser/check_site.py` found in Chromium, asserted.
struct BrowserFindings {
    let json: [String: Any]
    let port: Int
    var base: String { "http://127.0.0.1:\(port)/" }
    var exit: String { base + "exit.html" }

    func assertAll() {
        assertSearch()
        assertQuickExit()
        assertAccessibility()
        assertPhoneLayout()
        assertOffline()
        assertOtherFindings()
    }

    private func object(_ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }

    func assertSearch() {
        let search = object("search")
        func hrefs(_ key: String) -> [String] { search[key] as? [String] ?? [] }
        for key in ["http_es", "file_es"] {
            XCTAssertTrue(
                hrefs(key).contains("../../es/indicators/holds-no-documents/index.html"), "\(key): \(hrefs(key))")
        }
        XCTAssertTrue(
            hrefs("http_es_accent").contains("../../es/protocols/report-on-board/index.html"),
            "“TRIPULACION” finds “Tripulación”")
        for key in ["http_ht", "file_ht"] {
            XCTAssertTrue(hrefs(key).contains("../../ht/helplines/do-emergency/index.html"), "\(key): \(hrefs(key))")
        }
        XCTAssertEqual(hrefs("http_alias").first, "../../en/concepts/consent/index.html", "aliases are searched")
    }

    /// GOV.UK's "Exit this page" rules: only Shift on its own counts; after
    /// an exit, Back shows no page of the guide.
    func assertQuickExit() {
        let q = object("quick_exit")
        let typed = q["typing_capitals"] as? [String: Any] ?? [:]
        XCTAssertEqual(typed["value"] as? String, "UNODC Port of Spain TT CTU CMMA")
        XCTAssertEqual(typed["url"] as? String, base + "es/search/index.html", "typing capitals does not leave")
        XCTAssertEqual(q["shift_tab_3"] as? String, base + "es/search/index.html", "Shift+Tab ×3 does not leave")
        XCTAssertEqual(
            q["shift_letter_3"] as? String, base + "es/indicators/holds-no-documents/index.html", "Shift+letter ×3")
        XCTAssertEqual(
            q["interrupted"] as? String, base + "es/indicators/holds-no-documents/index.html",
            "another key resets the count")
        XCTAssertEqual(
            q["status_after_one"] as? String, "Mayús: pulse 2 veces más para salir.", "the count is announced")
        for key in ["shift_3", "mouse", "keyboard"] { XCTAssertEqual(q[key] as? String, exit, key) }
        for key in ["back_after_shift_exit", "back_after_mouse_exit", "back_after_keyboard_exit"] {
            let url = q[key] as? String ?? ""
            XCTAssertFalse(url.hasPrefix(base) && url != exit, "\(key): Back shows a page of the guide: \(url)")
        }
        XCTAssertEqual(q["first_focus"] as? String, "g-quick-exit", "the quick exit is first in tab order")
    }

    /// axe-core, every rule it ships, every page type in every language.
    func assertAccessibility() {
        let runs = json["axe"] as? [[String: Any]] ?? []
        XCTAssertGreaterThanOrEqual(runs.count, 17 * 6)
        for run in runs {
            let result = run["result"] as? [String: Any] ?? [:]
            XCTAssertNil(result["error"], "\(run["page"] ?? ""): \(result["error"] ?? "")")
            XCTAssertGreaterThan(result["rules"] as? Int ?? 0, 90, "every rule axe ships")
            let violations = result["violations"] as? [[String: Any]] ?? []
            XCTAssertEqual(
                violations.count, 0,
                "\(run["page"] ?? "") at \(run["width"] ?? "") px\(run["dark"] as? Bool == true ? ", dark" : ""): \(violations)"
            )
        }
    }

    /// At 360×800: the chrome above the title at most a quarter of the
    /// screen, the first thing to act on in the first screen, targets of
    /// 44 px for primary controls and never under 24 px, focus never under
    /// the sticky bar.
    func assertPhoneLayout() {
        for (page, value) in object("measure") {
            let m = value as? [String: Any] ?? [:]
            XCTAssertLessThanOrEqual(
                m["h1_top"] as? Double ?? 999, 200, "\(page): the title starts below a quarter of the screen")
            XCTAssertLessThanOrEqual(
                m["first_action_bottom"] as? Double ?? 999, 800, "\(page): nothing to act on in the first screen")
            XCTAssertEqual(m["under_24"] as? [String] ?? ["?"], [], "\(page): targets under 24 px")
            XCTAssertEqual(m["primary_under_44"] as? [String] ?? ["?"], [], "\(page): primary targets under 44 px")
        }
        let focus = object("focus")
        XCTAssertEqual((focus["hidden"] as? [Any])?.count, 0, "focus under the sticky bar: \(focus["hidden"] ?? "")")
        XCTAssertEqual(focus["skip_link"] as? String, "skip-link")
        let after = focus["after_skip"] as? [String: Any] ?? [:]
        XCTAssertGreaterThanOrEqual(
            after["top"] as? Double ?? 0, (after["barBottom"] as? Double ?? 999) - 1, "after the skip link: \(after)")
        XCTAssertGreaterThanOrEqual(
            after["h1Top"] as? Double ?? 0, (after["barBottom"] as? Double ?? 999) - 1,
            "the title after the skip link: \(after)")
        let transfer = object("entry_transfer")
        XCTAssertLessThan(transfer["gzip"] as? Int ?? .max, 30_000, "an entry page transfers under 30 KB: \(transfer)")
    }

    func assertOffline() {
        XCTAssertEqual(json["offline_chooser_cached_es"] as? Bool, true, "the chooser keeps the browser's language")
        XCTAssertEqual(json["offline_chooser_cached_en"] as? Bool, false, "and not the source language")
        let titles = json["offline_titles"] as? [String: String] ?? [:]
        for address in [
            "es/protocols/alert-at-gate/", "es/protocols/alert-at-gate", "es/protocols/alert-at-gate/index.html",
        ] {
            XCTAssertTrue(
                titles[address]?.contains("puerta de embarque") == true,
                "\(address) offline: \(titles[address] ?? "")")
        }
        let missing = object("offline_missing")
        XCTAssertEqual(missing["lang"] as? String, "es")
        XCTAssertTrue((missing["title"] as? String ?? "").hasPrefix("No disponible sin conexión"), "\(missing)")
        XCTAssertEqual(missing["exit"] as? Int, 1)
        let served = json["offline_served_during"] as? [String] ?? []
        XCTAssertFalse(
            served.contains { $0.hasPrefix("/es/protocols/") }, "offline pages came from the service worker: \(served)")
    }

    func assertOtherFindings() {
        let filters = object("filters")
        XCTAssertEqual(filters["form_visible"] as? Bool, true)
        let gate = filters["gate"] as? [String] ?? []
        XCTAssertFalse(gate.isEmpty)
        XCTAssertLessThan(gate.count, filters["total"] as? Int ?? 0)
        XCTAssertTrue(gate.allSatisfy { $0.split(separator: " ").contains("gate") }, "\(gate)")
        XCTAssertTrue((filters["gate_children"] as? [String] ?? []).allSatisfy { $0 == "children" })
        let notFound = object("not_found")
        XCTAssertEqual(notFound["lang"] as? String, "es")
        XCTAssertEqual(notFound["exit"] as? Int, 1)
        XCTAssertEqual(notFound["home_after_click"] as? String, base + "es/index.html")
        XCTAssertEqual(notFound["css_loaded"] as? String, "sticky")
        for url in json["requests"] as? [String] ?? [] {
            let allowed =
                url.hasPrefix(base) || url.hasPrefix("file://") || url.hasPrefix("data:") || url.hasPrefix("about:")
            XCTAssertTrue(allowed, "request to another host: \(url)")
        }
        XCTAssertGreaterThan(json["served"] as? Int ?? 0, 50)
    }
}
