/// What a QR code on a handout opens.
public enum QRPayload {
    /// A link that dials or messages a helpline: its first phone-like channel
    /// as `tel:`, or its WhatsApp channel as a `https://wa.me/` link.
    public static func helplineLink(_ file: EntryFile) -> String? {
        for channel in file.frontMatter["channels"]?.arrayValue ?? [] {
            guard let type = channel["type"]?.stringValue, let value = channel["value"]?.stringValue else { continue }
            switch type {
            case "phone", "toll-free": return "tel:" + value
            case "whatsapp": return "https://wa.me/" + value.filter(\.isNumber)
            default: continue
            }
        }
        return nil
    }
}
