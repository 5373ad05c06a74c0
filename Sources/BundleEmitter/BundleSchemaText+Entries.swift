/// The hand-written parts of an entry's definitions in `guide.schema.json`:
/// what every entry has in every language (`localizedCommon`), the pieces of
/// its text, and a helpline's derived members. `BundleSchema+Entries` builds
/// each type's closed definitions from them and from the content schemas.
extension BundleSchemaText {
    static let entries = #"""
        {
          "$defs": {
            "entryCommon": {
              "description": "What an entry is in every language.",
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "data": { "description": "The entry's language-independent front-matter fields as the editors wrote them, held to the guide's content schema for its type." }
              },
              "required": ["type", "id", "ref", "data"]
            },
            "helplineCommon": {
              "description": "What a helpline has besides its data: values derived from it.",
              "properties": {
                "channels": { "description": "Every channel of data.channels, with e164 and uri added.", "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/derivedChannel" } },
                "contact_point": { "$ref": "#/$defs/contactPoint" },
                "organization": { "$ref": "#/$defs/organization" },
                "freshness": { "$ref": "#/$defs/freshness" }
              },
              "required": ["channels", "contact_point", "organization", "freshness"]
            },
            "localizedCommon": {
              "description": "What every entry has in each language, besides its translatable fields.",
              "properties": {
                "status": {
                  "description": "source: the source language; current: an up-to-date translation; outdated: a translation of an older version of the source (or never stamped); missing: no translation, the text shown is in fallback_language.",
                  "enum": ["source", "current", "outdated", "missing"]
                },
                "fallback_language": { "description": "Only when status is missing: the language the text is shown in instead.", "$ref": "#/$defs/languageCode" },
                "text_language": { "description": "The language of the text (the requested one, or fallback_language). Use it for lang attributes.", "$ref": "#/$defs/languageCode" },
                "editorial_status": { "description": "The editorial status of the file shown: published, or review (written but not yet checked by an expert or native speaker); draft only in bundles built with --drafts.", "enum": ["draft", "review", "published"] },
                "under_review": { "description": "True when the text shown is a translation not yet checked by a native speaker (its file is in review): tell readers so, in text_language.", "type": "boolean" },
                "body_html": { "description": "The body as sanitised HTML: no scripts, styles, raw HTML or event attributes; links only relative, http(s), mailto or tel. Links to entries carry data-ref=\"<type>/<id>\".", "type": "string" },
                "body_text": { "description": "The body as plain text: blocks separated by blank lines, list items as - or 1.", "type": "string" },
                "sections": { "description": "Headings with a section id, in document order.", "type": "array", "items": { "$ref": "#/$defs/section" } },
                "references": { "description": "Every entry this one refers to (front matter, then body), once each, with titles in this language.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/reference" } },
                "content_hash": { "description": "Hash of {\"entry\": the entry's language-independent members, \"localized\": this object without content_hash}.", "$ref": "#/$defs/contentHash" }
              },
              "required": ["status", "text_language", "editorial_status", "under_review", "url", "title", "summary", "body_html", "body_text", "sections", "references", "content_hash"],
              "allOf": [
                {
                  "if": { "properties": { "status": { "const": "missing" } }, "required": ["status"] },
                  "then": { "required": ["fallback_language"] },
                  "else": { "properties": { "fallback_language": false } }
                },
                {
                  "if": { "properties": { "under_review": { "const": true } }, "required": ["under_review"] },
                  "then": { "properties": { "editorial_status": { "const": "review" }, "status": { "not": { "const": "source" } } } }
                }
              ]
            },
            "nothingToShow": {
              "description": "guide.json only: an entry with nothing to show in a language (its type forbids fallback, or the guide omits texts in review).",
              "type": "object",
              "properties": { "status": { "const": "missing" } },
              "required": ["status"],
              "additionalProperties": false
            },
            "section": {
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/sectionId" },
                "level": { "description": "The heading level in the body (2 for ##).", "type": "integer", "minimum": 1, "maximum": 6 },
                "title": { "description": "The heading text.", "type": "string" },
                "html": { "description": "The section's content as sanitised HTML, without its heading.", "type": "string" },
                "text": { "description": "The section's content as plain text.", "type": "string" }
              },
              "required": ["id", "level", "title", "html", "text"],
              "additionalProperties": false
            },
            "step": {
              "type": "object",
              "properties": {
                "html": { "type": "string", "minLength": 1 },
                "text": { "type": "string", "minLength": 1 }
              },
              "required": ["html", "text"],
              "additionalProperties": false
            },
            "reference": {
              "type": "object",
              "properties": {
                "ref": { "description": "As written, with #section when it names one.", "$ref": "#/$defs/referenceText" },
                "type": { "$ref": "#/$defs/entryType" },
                "id": { "$ref": "#/$defs/id" },
                "section": { "$ref": "#/$defs/sectionId" },
                "title": { "description": "The target entry's title in this language (or its fallback's).", "type": "string", "minLength": 1 },
                "section_title": { "description": "The named section's heading, when there is one.", "type": "string" },
                "language": { "description": "The language of title (and of the page url shows).", "$ref": "#/$defs/languageCode" },
                "url": { "description": "The target's site page for this language, with #section.", "$ref": "#/$defs/referenceURL" },
                "found_in": { "description": "Where the reference is made: body, or the front-matter field.", "type": "array", "minItems": 1, "uniqueItems": true, "items": { "$ref": "#/$defs/foundIn" } }
              },
              "required": ["ref", "type", "id", "title", "language", "url", "found_in"],
              "allOf": [{ "$ref": "#/$defs/refMatchesType" }],
              "additionalProperties": false
            },
            "freshness": {
              "description": "How fresh the helpline's numbers are on build_day.",
              "type": "object",
              "properties": {
                "verified_on": { "description": "data.verified_on: the date of the source the channels come from.", "$ref": "#/$defs/day" },
                "max_age_days": { "description": "The guide's window, helpline_max_age_days.", "$ref": "#/$defs/maxAgeDays" },
                "stale_from": { "description": "verified_on plus max_age_days plus one: from this day on the numbers are past their re-check window. Compare it with the day you show them.", "$ref": "#/$defs/day" },
                "stale": { "description": "True when build_day is on or after stale_from: show the numbers with their verification date and a warning.", "type": "boolean" }
              },
              "required": ["verified_on", "max_age_days", "stale_from", "stale"],
              "additionalProperties": false
            },
            "contactPoint": {
              "description": "A schema.org ContactPoint (JSON-LD) built from the channels: telephone from the first phone or toll-free channel; availableLanguage and hoursAvailable only when the source states them.",
              "type": "object",
              "properties": {
                "@context": { "const": "https://schema.org" },
                "@type": { "const": "ContactPoint" },
                "telephone": { "type": "string", "pattern": "^(\\+[1-9][0-9]{6,14}|[0-9]{3,6})$" },
                "contactType": { "description": "The helpline's purpose." },
                "contactOption": { "const": "TollFree" },
                "areaServed": { "$ref": "#/$defs/countryCode" },
                "availableLanguage": { "type": "array", "minItems": 1 },
                "hoursAvailable": {
                  "type": "object",
                  "properties": {
                    "@type": { "const": "OpeningHoursSpecification" },
                    "description": { "type": "string", "minLength": 1 }
                  },
                  "required": ["@type", "description"],
                  "additionalProperties": false
                },
                "email": { "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" },
                "url": { "type": "string", "format": "uri", "pattern": "^https?://" }
              },
              "required": ["@context", "@type", "contactType", "areaServed"],
              "dependentRequired": { "contactOption": ["telephone"], "hoursAvailable": ["telephone"] },
              "additionalProperties": false
            },
            "channelLinks": {
              "description": "How e164 and uri follow from a channel's type and value.",
              "allOf": [
                {
                  "if": { "properties": { "type": { "enum": ["phone", "toll-free", "whatsapp", "sms"] } }, "required": ["type"] },
                  "then": { "required": ["e164"] },
                  "else": { "properties": { "e164": false } }
                },
                {
                  "if": { "properties": { "e164": { "const": true } }, "required": ["e164"] },
                  "then": { "properties": { "value": { "pattern": "^\\+[1-9][0-9]{6,14}$" } } }
                },
                {
                  "if": { "properties": { "e164": { "const": false } }, "required": ["e164"] },
                  "then": { "properties": { "value": { "not": { "pattern": "^\\+[1-9][0-9]{6,14}$" } } } }
                },
                {
                  "if": { "properties": { "type": { "enum": ["phone", "toll-free"] } }, "required": ["type"] },
                  "then": { "properties": { "uri": { "pattern": "^tel:\\+?[0-9]+$" } }, "required": ["uri"] }
                },
                {
                  "if": { "properties": { "type": { "const": "sms" } }, "required": ["type"] },
                  "then": { "properties": { "uri": { "pattern": "^sms:\\+?[0-9]+$" } }, "required": ["uri"] }
                },
                {
                  "if": { "properties": { "type": { "const": "whatsapp" }, "e164": { "const": true } }, "required": ["type", "e164"] },
                  "then": { "properties": { "uri": { "pattern": "^https://wa\\.me/[1-9][0-9]{6,14}$" } }, "required": ["uri"] }
                },
                {
                  "if": { "properties": { "type": { "const": "whatsapp" }, "e164": { "const": false } }, "required": ["type", "e164"] },
                  "then": { "properties": { "uri": false } }
                },
                {
                  "if": { "properties": { "type": { "const": "email" } }, "required": ["type"] },
                  "then": { "properties": { "uri": { "pattern": "^mailto:[^@\\s]+@[^@\\s]+$" } }, "required": ["uri"] }
                },
                {
                  "if": { "properties": { "type": { "const": "web" } }, "required": ["type"] },
                  "then": { "properties": { "uri": { "pattern": "^https?://" } } }
                },
                {
                  "if": { "properties": { "type": { "const": "messenger" } }, "required": ["type"] },
                  "then": { "properties": { "uri": false } }
                }
              ]
            },
            "channelLinkMembers": {
              "e164": { "description": "Phone-like channels (phone, toll-free, whatsapp, sms): whether value is an E.164 number rather than a short code that works only inside the country.", "type": "boolean" },
              "uri": { "description": "A link that opens the channel: tel:, sms:, https://wa.me/, mailto: or the web address; absent when there is no standard link (a messenger account).", "type": "string", "format": "uri" }
            }
          }
        }
        """#
}
