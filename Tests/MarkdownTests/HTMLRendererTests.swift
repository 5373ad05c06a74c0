import XCTest

@testable import Markdown

final class HTMLRendererTests: XCTestCase {
    private func html(_ markdown: String, _ renderer: HTMLRenderer = HTMLRenderer()) -> String {
        renderer.render(MarkdownParser.parse(markdown))
    }

    func testEscapesTextAndAttributes() {
        XCTAssertEqual(html("a < b & \"c\" `<x>`\n"), "<p>a &lt; b &amp; &quot;c&quot; <code>&lt;x&gt;</code></p>\n")
        XCTAssertEqual(
            html("[t](a?b=1&c='2' \"say \\\"hi\\\" <b>\")\n"),
            "<p><a href=\"a?b=1&amp;c=&#x27;2&#x27;\" title=\"say &quot;hi&quot; &lt;b&gt;\">t</a></p>\n")
        XCTAssertEqual(
            html("[t](<a b\"c>) ![é](ü.png)\n"),
            "<p><a href=\"a%20b%22c\">t</a> <img src=\"%C3%BC.png\" alt=\"é\"></p>\n")
    }

    func testEscapesStringsForHTMLAndXML() {
        XCTAssertEqual(HTMLEscaping.escape("a<b>&\"c\" 'd'"), "a&lt;b&gt;&amp;&quot;c&quot; 'd'")
        XCTAssertEqual(HTMLEscaping.escape("it's", apostrophe: true), "it&#39;s")
        XCTAssertEqual(HTMLEscaping.escape("plain text", apostrophe: true), "plain text")
    }

    func testRawHTMLIsDropped() {
        let markdown = "<script>alert(1)</script>\n\nA <b onclick=\"x\">bold</b> move.\n\n<div>\n*hi*\n</div>\n"
        XCTAssertEqual(html(markdown), "<p>A bold move.</p>\n")
    }

    func testUnsafeLinksBecomeText() {
        XCTAssertEqual(html("[click](javascript:alert(1))\n"), "<p>click</p>\n")
        XCTAssertEqual(
            html(
                "[x](JavaScript:alert(1)) [y](<java\tscript:x>) [w](java&#10;script:x) ![z](data:image/png;base64,AA)\n"
            ),
            "<p>x y w z</p>\n")
        XCTAssertEqual(html("[v](vbscript:x) [f](file:///etc/passwd)\n"), "<p>v f</p>\n")
        XCTAssertEqual(
            html("[m](mailto:a@b.org) [t](tel:+297-123) [h](https://x.org/a#b) [r](../a/b?c#d)\n"),
            "<p><a href=\"mailto:a@b.org\">m</a> <a href=\"tel:+297-123\">t</a> "
                + "<a href=\"https://x.org/a#b\">h</a> <a href=\"../a/b?c#d\">r</a></p>\n")
    }

    func testURLSafety() {
        for allowed in [
            "", "a/b", "#x", "?q", "/abs", "HTTP://x", "https://x", "mailto:a@b", "tel:1", "a/b:c",
            "café/menú", "https://exámple.org/ñ", "#sección",
        ] {
            XCTAssertTrue(HTMLEscaping.isAllowedURL(allowed), allowed)
        }
        for blocked in [
            "javascript:x", " javascript:x", "\u{1}javascript:x", "java\nscript:x", "data:x", "ftp://x", "x:y",
            "j\u{430}vascript:x", "tél:1", "\u{212A}:x",
        ] {
            XCTAssertFalse(HTMLEscaping.isAllowedURL(blocked), blocked)
        }
    }

    func testLinkResolver() {
        let renderer = HTMLRenderer(linkResolver: { destination in
            destination.hasPrefix("protocols/")
                ? "../" + destination.replacingOccurrences(of: "#", with: ".html#") : nil
        })
        XCTAssertEqual(
            html("[go](protocols/refer-at-immigration#steps) [out](https://x.org)\n", renderer),
            "<p><a href=\"../protocols/refer-at-immigration.html#steps\">go</a> <a href=\"https://x.org\">out</a></p>\n"
        )
        let unsafe = HTMLRenderer(linkResolver: { _ in "javascript:x" })
        XCTAssertEqual(html("[go](a)\n", unsafe), "<p>go</p>\n")
    }

    func testHeadingShiftAndIDPrefix() {
        let renderer = HTMLRenderer(headingLevelShift: 1, idPrefix: "s-")
        XCTAssertEqual(html("# Top {#top}\n\n###### Deep\n", renderer), "<h2 id=\"s-top\">Top</h2>\n<h6>Deep</h6>\n")
    }

    func testTaskListsAndLooseLists() {
        XCTAssertEqual(
            html("- [x] done\n- [ ] open\n"),
            """
            <ul>
            <li class="task-list-item"><input type="checkbox" disabled checked> done</li>
            <li class="task-list-item"><input type="checkbox" disabled> open</li>
            </ul>

            """)
        XCTAssertEqual(
            html("2. a\n\n   more\n3. b\n"),
            """
            <ol start="2">
            <li>
            <p>a</p>
            <p>more</p>
            </li>
            <li>
            <p>b</p>
            </li>
            </ol>

            """)
    }

    func testGoldenDocument() {
        let markdown = """
            # Señales de alerta {#signs}

            La persona **no tiene** sus documentos y *no sabe* dónde trabaja.\\
            Llame al [112](tel:112) o vea [el protocolo](protocols/refer-at-immigration#steps).

            - [x] Hablar a solas
            - [ ] Ofrecer ~~ayuda~~ apoyo
              1. primero
              2. segundo

            > Nota: <span>no</span> prometa nada.

            | País | Línea |
            |:-----|------:|
            | Aruba | `911` |
            | Curaçao | www.example.cw |

            ```text
            <no html> & más
            ```

            ---

            ![Mapa](media/map.png "Mapa de Aruba")
            """
        let renderer = HTMLRenderer(
            headingLevelShift: 1,
            linkResolver: { destination in
                destination.hasPrefix("protocols/")
                    ? "/es/" + destination.replacingOccurrences(of: "#", with: "/#") : nil
            })
        XCTAssertEqual(
            html(markdown, renderer),
            """
            <h2 id="signs">Señales de alerta</h2>
            <p>La persona <strong>no tiene</strong> sus documentos y <em>no sabe</em> dónde trabaja.<br>
            Llame al <a href="tel:112">112</a> o vea <a href="/es/protocols/refer-at-immigration/#steps">el protocolo</a>.</p>
            <ul>
            <li class="task-list-item"><input type="checkbox" disabled checked> Hablar a solas</li>
            <li class="task-list-item"><input type="checkbox" disabled> Ofrecer <del>ayuda</del> apoyo
            <ol>
            <li>primero</li>
            <li>segundo</li>
            </ol>
            </li>
            </ul>
            <blockquote>
            <p>Nota: no prometa nada.</p>
            </blockquote>
            <table>
            <thead>
            <tr>
            <th class="align-left">País</th>
            <th class="align-right">Línea</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">Aruba</td>
            <td class="align-right"><code>911</code></td>
            </tr>
            <tr>
            <td class="align-left">Curaçao</td>
            <td class="align-right"><a href="http://www.example.cw">www.example.cw</a></td>
            </tr>
            </tbody>
            </table>
            <pre><code class="language-text">&lt;no html&gt; &amp; más
            </code></pre>
            <hr>
            <p><img src="media/map.png" alt="Mapa" title="Mapa de Aruba"></p>

            """)
    }
}
