/// Phone numbers as printed and as dialled. Content stores them in E.164 (`+18688004288`);
/// print groups the digits the way the country writes them, so a number can be read at a
/// glance and copied without mistakes. Only the spacing changes, never a digit: a number whose
/// country's grouping is not known here prints exactly as stored.
enum PhoneNumber {
    /// Digit groups after the country code, by country calling code, for numbers of that length.
    private static let groupings: [String: [Int: [Int]]] = [
        "1": [10: [3, 3, 4]], // NANP: Trinidad and Tobago, Dominican Republic …
        "297": [7: [3, 4]], // Aruba
        "599": [7: [3, 4], 8: [4, 4]], // Curaçao, Bonaire, Sint Eustatius, Saba
        "509": [8: [2, 2, 4]], // Haiti
        "597": [6: [3, 3], 7: [3, 4]], // Suriname
        "31": [9: [1, 8], 10: [2, 8]], // Netherlands (mobile 6 xxxxxxxx)
    ]

    /// `+1 868 800 4288` for `+18688004288`; short codes (`911`) and unknown shapes unchanged.
    static func display(_ value: String) -> String {
        guard value.hasPrefix("+"), value.dropFirst().allSatisfy(\.isASCIIDigit) else { return value }
        let digits = String(value.dropFirst())
        for codeLength in 1...3 where digits.count > codeLength {
            let code = String(digits.prefix(codeLength))
            let rest = Array(digits.dropFirst(codeLength))
            guard let groups = groupings[code]?[rest.count] else { continue }
            var parts = ["+" + code]
            var index = 0
            for size in groups {
                parts.append(String(rest[index..<index + size]))
                index += size
            }
            return parts.joined(separator: " ")
        }
        return value
    }

    /// What dialling or messaging the channel opens, or `nil` for channels with no link.
    static func link(type: String, value: String) -> String? {
        let digits = value.filter(\.isASCIIDigit)
        switch type {
        case "phone", "toll-free": return "tel:" + value.filter { $0.isASCIIDigit || $0 == "+" }
        case "sms": return "sms:" + value.filter { $0.isASCIIDigit || $0 == "+" }
        case "whatsapp": return digits.isEmpty ? nil : "https://wa.me/" + digits
        case "email": return "mailto:" + value
        case "web": return value.hasPrefix("http://") || value.hasPrefix("https://") ? value : "https://" + value
        case "messenger": return value.contains("/") ? nil : "https://m.me/" + value
        default: return nil
        }
    }

    /// Whether the channel's value is a number to print large and formatted.
    static func isNumber(type: String) -> Bool { ["phone", "toll-free", "sms", "whatsapp"].contains(type) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
