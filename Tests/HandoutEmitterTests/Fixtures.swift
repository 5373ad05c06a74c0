import Foundation

@testable import HandoutEmitter

/// Sample handout content in the languages whose letters the tests check. Phone numbers use
/// the NANP fictional range 555-01xx: a test must never print a real helpline.
enum Fixtures {
    struct Language {
        let tag: String
        let title: String
        /// Words with the language's accented letters that pdftotext must find.
        let words: [String]
        let strings: InterfaceStrings
    }

    static let spanish = Language(
        tag: "es", title: "Indicadores en el mostrador",
        words: ["Qué", "niño", "pasaporte", "señal"],
        strings: InterfaceStrings(
            whatToDo: "Qué hacer", steps: "Pasos", doList: "Haga", dontList: "No haga",
            whoToCall: "A quién llamar", contents: "Contenido", page: "Página",
            notStated: "no indicado", hours: "Horario", languages: "Idiomas"))

    static let papiamento = Language(
        tag: "pap", title: "Señalnan na aeropuerto",
        words: ["Kon", "bai", "Awor", "kuminsá", "siñá"],
        strings: InterfaceStrings(
            whatToDo: "Kiko hasi", steps: "Pasonan", doList: "Hasi", dontList: "No hasi",
            whoToCall: "Ken yama", contents: "Kontenido", page: "Pagina",
            notStated: "no ta indiká", hours: "Ora", languages: "Idioma"))

    static let haitian = Language(
        tag: "ht", title: "Siy nan ayewopò a",
        words: ["Sèvis", "pòt", "kòmanse", "konnen", "lè"],
        strings: InterfaceStrings(
            whatToDo: "Sa pou fè", steps: "Etap yo", doList: "Fè", dontList: "Pa fè",
            whoToCall: "Kiyès pou rele", contents: "Tab matyè", page: "Paj",
            notStated: "pa endike", hours: "Lè", languages: "Lang"))

    static let languages = [spanish, papiamento, haitian]

    static let hotline = HelplineItem(
        anchor: "helplines/tt-counter-trafficking", source: "Content/helplines/tt-counter-trafficking.es.md",
        name: "Línea contra la trata", organisation: "Unidad de ejemplo",
        channels: [
            HelplineChannel(typeLabel: "Teléfono", value: "+1 868 555 0100", url: "tel:+18685550100", hours: "24/7"),
            HelplineChannel(typeLabel: "WhatsApp", value: "+1 868 555 0101", url: "https://wa.me/18685550101"),
        ],
        languages: ["Español", "English"])

    static let police = HelplineItem(
        anchor: "helplines/tt-police", source: "Content/helplines/tt-police.es.md",
        name: "Policía",
        channels: [HelplineChannel(typeLabel: "Teléfono", value: "+1 868 555 0199", url: "tel:+18685550199")])

    static let qrPayload = "https://guide.example.org/es/handouts/check-in/"

    /// Indicators, one protocol, one concept, helplines: body text carries the language's words.
    static func sections(_ language: Language) -> [HandoutSection] {
        let sample = language.words.joined(separator: ", ")
        let indicators = (1...4).map { number in
            HandoutItem.indicator(
                IndicatorItem(
                    anchor: "indicators/sample-\(number)",
                    source: "Content/indicators/sample-\(number).\(language.tag).md",
                    title: "\(language.words[number % language.words.count]) \(number): documentos retenidos",
                    summary: "Otra persona guarda el pasaporte del viajero. \(sample).",
                    whatToDo: "Observe y avise al supervisor; no confronte." + (number == 1 ? " \(sample)." : ""),
                    strength: "Indicador fuerte",
                    body: [
                        .paragraph([
                            Run("Vea también "), Run("el protocolo", link: .anchor("protocols/refer")),
                            Run(". \(sample)."),
                        ])
                    ]))
        }
        let steps: [[RichBlock]] = [
            [.paragraph([Run("Mantenga la calma y siga el proceso normal. \(sample).")])],
            [.paragraph([Run("Hable con el viajero a solas si es seguro.")])],
            [
                .paragraph([
                    Run("Llame a la "), Run("línea", link: .url("tel:+18685550100")), Run(" y registre los hechos."),
                ])
            ],
        ]
        let refer = HandoutItem.protocol(
            ProtocolItem(
                anchor: "protocols/refer", source: "Content/protocols/refer.\(language.tag).md",
                title: "Referir en el mostrador", trigger: "Cuando observa uno o más indicadores. \(sample).",
                steps: steps, dos: [[Run("Anote hora y vuelo")], [Run("Proteja la privacidad")]],
                donts: [[Run("No confronte al acompañante")], [Run("No intente un rescate")]],
                helplines: [hotline]))
        let concept = HandoutItem.concept(
            ConceptItem(
                anchor: "concepts/trafficking", source: "Content/concepts/trafficking.\(language.tag).md",
                title: "Trata de personas",
                body: [
                    .paragraph([Run("Acto, medios y "), Run("finalidad", bold: true), Run(". \(sample).")]),
                    .list(
                        ordered: false,
                        items: [
                            [.paragraph([Run("Acto")])],
                            [
                                .paragraph([Run("Medios")]),
                                .list(ordered: true, items: [[.paragraph([Run("Engaño")])]]),
                            ],
                        ]),
                    .table(
                        header: [[Run("Trata")], [Run("Tráfico")]],
                        rows: [[[Run("Explotación")], [Run("Cruce de frontera")]]]),
                    .callout([.paragraph([Run("Traducción pendiente de revisión.", italic: true)])]),
                ]))
        return [
            HandoutSection(title: "Conceptos", items: [concept]),
            HandoutSection(title: "Indicadores", items: indicators),
            HandoutSection(title: "Protocolos", items: [refer]),
            HandoutSection(title: "Líneas de ayuda", items: [.helpline(hotline), .helpline(police)]),
        ]
    }

    static func content(
        _ language: Language, layout: HandoutLayout, paper: Paper,
        sections: [HandoutSection]? = nil
    ) -> HandoutContent {
        HandoutContent(
            title: language.title, language: language.tag, layout: layout, paper: paper,
            guideTitle: "Guía de referencia", version: "1.2.0", contentDate: "2025-03-14",
            qrPayload: qrPayload, qrCaption: "guide.example.org", strings: language.strings,
            sections: sections ?? self.sections(language))
    }

    /// Indicators and helplines, as a pocket card includes them; a CR80 card holds fewer.
    static func cardSections(_ language: Language, indicators: Int = 4, helplines: [HelplineItem] = [hotline, police])
        -> [HandoutSection]
    {
        var all = sections(language)
        all[1].items = Array(all[1].items.prefix(indicators))
        return [all[1], HandoutSection(title: "Líneas", items: helplines.map(HandoutItem.helpline))]
    }

    static var style: HandoutStyle {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try HandoutStyle.load(contentsOf: root.appendingPathComponent("Templates/handouts/style.yml"))
        }
    }
}
