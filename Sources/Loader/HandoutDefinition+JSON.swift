import GuideModel
import JSON

extension HandoutDefinition {
    /// Reads a handout definition's value (shape validated separately against
    /// `schema/handout.schema.json`).
    init(id: String, file: ParsedYAMLFile) {
        let o = file.value.objectValue ?? JSONObject()
        var title: [String: String] = [:]
        for (language, value) in o["title"]?.objectValue ?? JSONObject() {
            if let s = value.stringValue { title[language] = s }
        }
        let include: [Selection] = (o["include"]?.arrayValue ?? []).compactMap { item in
            if let text = item.stringValue { return Reference(parsing: text).map(Selection.entry) }
            guard let map = item.objectValue, let type = map["type"]?.stringValue.flatMap(EntryType.init(rawValue:))
            else {
                return nil
            }
            var filters: [String: [String]] = [:]
            for (key, value) in map where key != "type" {
                filters[key] = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
            }
            return .filter(type: type, filters: filters)
        }
        let qr: QRTarget? = o["qr"]?.stringValue.flatMap { text in
            text == "home" ? .home : Reference(parsing: text).map(QRTarget.entry)
        }
        self.init(
            id: id, path: file.path, value: o, positions: file.positions, title: title,
            layout: o["layout"]?.stringValue ?? "", paper: o["paper"]?.stringValue ?? "",
            languages: o["languages"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            country: o["country"]?.stringValue, include: include, qr: qr)
    }
}
