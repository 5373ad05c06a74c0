import Diagnostics
import GuideModel
import Markdown

/// Links and images that outputs would drop or that would break a promise:
/// a link whose scheme is not `http`, `https`, `mailto` or `tel`
/// (`javascript:`, `data:` …) is removed from every output for safety, and
/// an image from another host would make pages load something from
/// elsewhere (SPEC: nothing in the output loads from another host). Both are
/// errors where they are written, so nothing disappears without a word.
struct LinkSafetyCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in entry.files {
            for occurrence in file.body.links {
                let link = occurrence.link
                let at = link.destinationRange ?? link.range
                let shown = String(link.destination.prefix(60))
                if !HTMLEscaping.isAllowedURL(link.destination) {
                    out.append(
                        .error(
                            "link.unsafe", file: file.path, at: at,
                            "\"\(shown)\" is not a web, e-mail or phone address; it would be removed from every output",
                            help: "link only to https://, mailto: or tel: addresses, or to entries as <type>/<id>"))
                } else if occurrence.isImage, Self.isRemote(link.destination) {
                    out.append(
                        .error(
                            "media.remote", file: file.path, at: at,
                            "image \"\(shown)\" is on another host; pages must never load anything from elsewhere",
                            help: "download it (if its licence allows), put it in Content/media/ and write media/<name>"
                        ))
                }
            }
        }
        return out
    }

    /// An absolute or scheme-relative address (`https://…`, `//host/…`).
    static func isRemote(_ destination: String) -> Bool {
        destination.hasPrefix("//") || !LinkKind.isRelative(destination) && !destination.hasPrefix("#")
    }
}
