import Templating
import XCTest

/// Rendering through plans (shared page chrome rendered once) gives the bytes
/// of rendering every page in full, whatever the pages set or leave out.
final class TemplatePlanTests: XCTestCase {
    private func templates(_ files: [String: String]) throws -> TemplateLibrary {
        TemplateLibrary(try files.mapValues { try Template(parsing: $0) })
    }

    /// The names the site shares between pages (`SiteTemplates.sharedNames`).
    static let shared = [
        "lang", "dir", "s", "root", "site_title", "site_short_title", "quick_exit_url", "home_href",
        "search_href", "safety_href", "handouts_href", "language_name", "edition", "publisher",
        "css_href", "script_src", "sw_src", "icon_href", "nav",
    ]

    func testPlansGiveTheBytesOfAFullRender() throws {
        let loaded = try templates([
            "layout": """
            <html lang="{{lang}}">
            <title>{{page_title}}</title>
            {{#languages}}<link hreflang="{{code}}" href="{{root}}{{href}}">{{/languages}}
            {{^is_root}}
            {{> partials/head}}
            {{#flag}}flag:{{flag}}{{/flag}}{{^has_extra}}no extra{{/has_extra}}
            {{/is_root}}
            {{#nav}}<a href="{{href}}"{{#current}} class="current"{{/current}}>{{label}} {{s.more}}</a>{{/nav}}
            {{$main}}default{{/main}}
              {{> partials/head}}
            </html>
            """,
            "partials/head": "<p>{{s.hello}} {{lang}}</p>\n{{#s}}{{bye}}{{/s}}\n",
            "pages/page":
                "{{< layout}}{{$main}}<main>{{title}}{{#extra}}+{{extra}}{{/extra}}</main>{{/main}}{{/layout}}",
        ])
        let s: TemplateValue = ["hello": "Hi <you>", "bye": "Bye", "more": "more"]
        let nav: TemplateValue = [
            ["href": "a/", "label": "A", "current": true], ["href": "b/", "label": "B", "current": false],
        ]
        func page(_ extra: [String: TemplateValue]) -> [String: TemplateValue] {
            var context: [String: TemplateValue] = [
                "lang": "en", "s": s, "root": "../", "nav": nav,
                "page_title": "T", "title": "Title",
                "languages": [["code": "es", "href": "es/"]],
            ]
            for (key, value) in extra { context[key] = value }
            return context
        }
        let pages: [[String: TemplateValue]] = [
            page([:]),
            page(["title": "Other & more"]),
            page(["is_root": true]),
            page(["flag": "yes"]),
            page(["extra": "x"]),
            page(["has_extra": true]),
            page(["s": ["hello": "Hola", "bye": "Adiós", "more": "más"]]),
            page(["nav": [["href": "c/", "label": "C", "current": true]]]),
            page(["lang": "es", "root": "../../"]),
            page([:]),
        ]
        for (index, context) in pages.enumerated() {
            var planned: [UInt8] = []
            loaded.render("pages/page", TemplateObject(context), shared: Self.shared, into: &planned)
            var full: [UInt8] = []
            loaded.render("pages/page", TemplateObject(context), into: &full)
            XCTAssertEqual(
                String(decoding: planned, as: UTF8.self), String(decoding: full, as: UTF8.self), "page \(index)")
        }
        var text: [UInt8] = []
        loaded.render(
            "pages/page", TemplateObject(page(["is_root": true, "flag": "on"])), shared: Self.shared, into: &text)
        XCTAssertFalse(String(decoding: text, as: UTF8.self).contains("flag:on"), "is_root hides the block")
    }
}
