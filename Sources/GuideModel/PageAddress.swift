/// Where an entry's page is published: the one address scheme the site writes
/// and the bundle and handouts link to.
public enum PageAddress {
    /// `<lang>/<type>/<id>/`, relative to the site's root.
    public static func folder(_ reference: Reference, language: String) -> String {
        "\(language)/\(reference.type.rawValue)/\(reference.id)/"
    }

    /// `base_url` with exactly one trailing slash (an empty one stays empty).
    public static func base(_ config: GuideConfig) -> String {
        let base = config.baseURL
        return base.isEmpty || base.hasSuffix("/") ? base : base + "/"
    }

    /// `<base_url><lang>/<type>/<id>/`, and `#section` when the reference names one.
    public static func url(_ reference: Reference, language: String, config: GuideConfig) -> String {
        let page = base(config) + folder(reference, language: language)
        return reference.section.map { page + "#" + $0 } ?? page
    }
}
