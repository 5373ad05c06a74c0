import Diagnostics
import Foundation
import GuideModel

/// Images and media links point at files in `Content/media/`, and every image
/// has alt text (readers with screen readers, and printed handouts, need it).
struct MediaCheck: Check {
    func check(_ entry: EntryFiles, in context: CheckContext) -> [Diagnostic] {
        let media = context.guide.media
        var out: [Diagnostic] = []
        for file in entry.files {
            for occurrence in file.body.links {
                let link = occurrence.link
                let dest = link.destination
                let isMedia = dest.hasPrefix("media/")
                if occurrence.isImage, LinkKind.isRelative(dest), !isMedia {
                    out.append(
                        .error(
                            "media.path", file: file.path, at: link.destinationRange ?? link.range,
                            "images must be in media/ (found \"\(dest)\")",
                            help: "put the file in Content/media/ and write media/<name>"))
                } else if isMedia, !media.contains(dest) {
                    out.append(
                        .error(
                            "media.missing", file: file.path, at: link.destinationRange ?? link.range,
                            "\"\(dest)\" does not exist in Content/media/",
                            help: Suggestion.closest(to: dest, among: media).map { "did you mean \"\($0)\"?" }))
                }
                if occurrence.isImage, link.children.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
                    out.append(
                        .error(
                            "media.alt", file: file.path, at: link.range,
                            "image has no alt text",
                            help: "describe the image in the brackets: ![what it shows](\(dest))"))
                }
            }
        }
        return out
    }
}
