extension GuideConfig {
    /// The host of `base_url` when it is one reserved for examples, tests or
    /// this machine (RFC 2606 and RFC 6761: `example.org`, `example.com`,
    /// `example.net` and their subdomains, the `.example`, `.test`,
    /// `.invalid` and `.localhost` names, `localhost`): a site published
    /// there does not exist, so printing a QR code or a link to it would
    /// send readers nowhere. Nil for any other host.
    public var placeholderHost: String? {
        guard let host = Self.host(of: baseURL) else { return nil }
        return Self.isPlaceholder(host) ? host : nil
    }

    static func isPlaceholder(_ host: String) -> Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        for domain in ["example.org", "example.com", "example.net"] where name == domain || name.hasSuffix("." + domain)
        {
            return true
        }
        for suffix in ["example", "test", "invalid", "localhost"] where name == suffix || name.hasSuffix("." + suffix) {
            return true
        }
        return false
    }

    /// The lower-cased host of an `http(s)://` URL, without user, port or path.
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        var rest = url[scheme.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") { return rest.isEmpty ? nil : String(rest).lowercased() }
        if let colon = rest.firstIndex(of: ":") { rest = rest[..<colon] }
        return rest.isEmpty ? nil : rest.lowercased()
    }
}
