/// Why a handout could not be rendered at all. Content that merely does not fit is not an
/// error: it comes back as `FitProblem`s next to the PDF.
public enum HandoutError: Error, Equatable, CustomStringConvertible, Sendable {
    /// fontconfig does not have the family; `substitute` is what it would have used instead.
    case missingFont(family: String, package: String, substitute: String)
    case unsupportedPaper(layout: HandoutLayout, paper: Paper)
    /// The layout needs items the content does not have (e.g. a poster without helplines).
    case nothingToShow(layout: HandoutLayout, needs: String)
    /// libqrencode cannot encode the payload (empty, or longer than a QR code holds).
    case unencodableQR(String)
    /// A malformed `SOURCE_DATE_EPOCH` or content date.
    case invalidDate(String)
    case cairo(String)
    /// libqpdf could not read or rewrite the PDF.
    case pdf(String)

    public var description: String {
        switch self {
        case .missingFont(let family, let package, let substitute):
            "font family \"\(family)\" is not installed (fontconfig would substitute \"\(substitute)\"); "
                + "install the Debian package \(package): apt-get install \(package)"
        case .unsupportedPaper(let layout, let paper):
            "layout \(layout.rawValue) cannot be printed on \(paper.rawValue); use one of "
                + layout.supportedPapers.map(\.rawValue).joined(separator: ", ")
        case .nothingToShow(let layout, let needs):
            "layout \(layout.rawValue) needs \(needs), and the handout includes none"
        case .unencodableQR(let payload):
            "cannot make a QR code of \"\(payload.prefix(80))\" (empty or too long); use a shorter link"
        case .invalidDate(let what):
            "invalid date: \(what)"
        case .cairo(let message), .pdf(let message):
            message
        }
    }
}
