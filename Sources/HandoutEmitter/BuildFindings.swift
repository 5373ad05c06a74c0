import Diagnostics
import GuideModel

/// Problems found while building handouts, one diagnostic per handout definition and kind of
/// problem, naming every language it affects.
struct BuildFindings {
    private struct Finding {
        var definition: HandoutDefinition
        var code: String
        var severity: Severity
        var path: [String]
        var message: String
        var help: String
        var languages: [String]
    }

    private var findings: [String: Finding] = [:]
    private var order: [String] = []

    private mutating func add(
        _ definition: HandoutDefinition, language: String, code: String, severity: Severity = .error,
        at path: [String], _ message: String, help: String
    ) {
        let key = "\(definition.path)\n\(code)\n\(message)"
        if findings[key] == nil {
            order.append(key)
            findings[key] = Finding(
                definition: definition, code: code, severity: severity, path: path, message: message,
                help: help, languages: [])
        }
        findings[key]?.languages.append(language)
    }

    mutating func unrenderable(_ definition: HandoutDefinition, language: String, error: HandoutError) {
        add(
            definition, language: language, code: "handout.unrenderable", at: ["layout"],
            "cannot make the handout: \(error)",
            help: "change the handout's include, qr or paper")
    }

    /// A QR code or link to a placeholder `base_url` host outside a proof build.
    mutating func placeholder(
        _ definition: HandoutDefinition, language: String, links: [String], host: String,
        qrPayload: String?
    ) {
        let qr = qrPayload.map(links.contains) ?? false
        let shown = links.prefix(2).joined(separator: ", ") + (links.count > 2 ? " …" : "")
        add(
            definition, language: language, code: "handout.placeholder-link", at: qr ? ["qr"] : ["layout"],
            "this handout would print QR codes or links to \(host), a host reserved for examples where the guide "
                + "is not published (base_url in guide.yml): \(shown)",
            help: "set base_url to where the site is published, point qr at a helpline (qr: helplines/<id>), "
                + "or build proofs, marked as such on every page: guide build --proofs, or handouts: {proofs: true} in guide.yml"
        )
    }

    /// A proof build printed QR codes or links to the placeholder host: say which handouts are proofs.
    mutating func proof(
        _ definition: HandoutDefinition, language: String, host: String, qrPayload: String?, links: [String]
    ) {
        let qr = qrPayload.map(links.contains) ?? false
        add(
            definition, language: language, code: "handout.proof", severity: .warning, at: qr ? ["qr"] : ["layout"],
            "built as a proof: its QR codes or links lead to \(host), a placeholder base_url, and every page that prints "
                + "one is marked as a proof in the handout's language",
            help: "set base_url to where the site is published to print it for real")
    }

    /// Stale numbers where guide.yml's `handouts.stale_helplines` is `refuse` (drafts included).
    mutating func refuse(_ definition: HandoutDefinition, language: String, helplines: [String]) {
        add(
            definition, language: language, code: "handout.stale-helpline",
            at: definition.country == nil ? ["include"] : ["country"],
            "this handout would print helplines past their re-check window, which guide.yml refuses: "
                + helplines.joined(separator: ", "),
            help:
                "re-check each number against its source and update verified_on, or set handouts.stale_helplines: print"
        )
    }

    /// Characters the style's fonts lack, which pango took from another font.
    mutating func glyphs(_ definition: HandoutDefinition, language: String, _ substituted: [String: String]) {
        guard !substituted.isEmpty else { return }
        let list = substituted.keys.sorted().map {
            "\"\($0)\" (U+\(String($0.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true))) from \(substituted[$0] ?? "?")"
        }
        add(
            definition, language: language, code: "handout.glyph", severity: .warning, at: ["layout"],
            "characters not in the fonts Templates/handouts/style.yml names were set in another font: \(list.joined(separator: ", "))",
            help: "name a font that has them in style.yml (with its Debian package), or write the text without them")
    }

    var diagnostics: [Diagnostic] {
        order.compactMap { findings[$0] }.map { finding in
            let range =
                finding.path == ["include"]
                ? finding.definition.positions.keyRange(finding.path)
                : finding.definition.positions.valueRange(finding.path)
            let message = finding.message + " (in \(finding.languages.joined(separator: ", ")))"
            switch finding.severity {
            case .warning:
                return .warning(finding.code, file: finding.definition.path, at: range, message, help: finding.help)
            default: return .error(finding.code, file: finding.definition.path, at: range, message, help: finding.help)
            }
        }
    }
}
