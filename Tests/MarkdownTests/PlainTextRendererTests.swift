import XCTest

@testable import Markdown

final class PlainTextRendererTests: XCTestCase {
    private func text(_ markdown: String) -> String {
        PlainTextRenderer().render(MarkdownParser.parse(markdown))
    }

    func testReadableTextWithoutMarkup() {
        let markdown = """
            # Qué hacer {#steps}

            Llame **ya** al [112](tel:112)
            o escriba a <ayuda@example.org>.

            1. Escuche
            2. Anote:
               - nombre
               - [x] fecha

            > Cita <b>importante</b>

            | País | Línea |
            |---|---|
            | Aruba | `911` |

            ```
            code line
            ```

            ---

            <div>dropped</div>

            ![Mapa](m.png)
            """
        XCTAssertEqual(
            text(markdown),
            """
            Qué hacer

            Llame ya al 112 o escriba a ayuda@example.org.

            1. Escuche
            2. Anote:
               - nombre
               - [x] fecha

            Cita importante

            País | Línea
            Aruba | 911

            code line

            Mapa
            """)
    }

    func testLooseListsKeepBlankLines() {
        XCTAssertEqual(text("- a\n\n  more\n- b\n"), "- a\n\n  more\n\n- b")
    }
}
