/// Field names the JSON bundle uses for each language's own data. A schema
/// that declares a translatable field with one of these names would clash
/// with them, so such a field is a diagnostic (`bundle.reserved-field`).
public enum ReservedFieldNames {
    public static let translatable: Set<String> = [
        "status", "fallback_language", "text_language", "editorial_status", "url", "body_html", "body_text",
        "sections", "steps", "references", "content_hash", "type", "id", "ref", "data", "channels",
        "contact_point", "languages", "language", "organization", "freshness", "under_review",
    ]
}
