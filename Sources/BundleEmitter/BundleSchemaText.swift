/// The hand-written, guide-independent part of `guide.schema.json`: the two
/// file kinds and the definitions that do not depend on the guide. `BundleSchema`
/// adds what does (`$id`, the closed lists of guide.yml and the content schemas,
/// the entries by type). References to definitions this text does not hold
/// (`languageCode`, `countryCode`, `roleId`, `schemaURL` …) are made there.
enum BundleSchemaText {
    static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "Reference guide on human trafficking: JSON bundle",
          "description": "Describes both kinds of data file of one bundle: guide.json (kind \"guide\": every entry in every language) and guide.<lang>.json (kind \"language\": one language, fallbacks resolved). Made from the guide it ships with: its closed lists (languages, countries, roles, touchpoints, categories, the content schemas' enumerations) are enumerations here, and every object is closed. Validate a bundle against the schema of the same build (datapackage.json lists both with their hashes). Field meanings and the versioning policy: docs/bundle.md.",
          "type": "object",
          "properties": { "kind": { "enum": ["guide", "language"] } },
          "required": ["kind"],
          "if": { "properties": { "kind": { "const": "guide" } } },
          "then": { "$ref": "#/$defs/guideBundle" },
          "else": { "$ref": "#/$defs/languageBundle" },
          "$defs": {
            "glossaryTerms": {
              "description": "A concept's terms in one language: the one to use, the others a text may use, and those to avoid with the reason (in the source language).",
              "type": "object",
              "properties": {
                "preferred": { "type": "string", "minLength": 1 },
                "variants": { "type": "array", "items": { "type": "string" } },
                "forbidden": {
                  "type": "array",
                  "items": { "type": "object", "properties": { "term": { "type": "string", "minLength": 1 }, "reason": { "type": "string" } }, "required": ["term"], "additionalProperties": false }
                },
                "note": { "description": "A note for translators, in the source language (e.g. pending native review).", "type": "string" }
              },
              "required": ["preferred", "variants", "forbidden"],
              "additionalProperties": false
            },
            "glossaryConceptAllLanguages": {
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "entry": { "description": "The ref of the entry that explains the concept.", "$ref": "#/$defs/entryRef" },
                "note": { "description": "What the concept means, in the source language.", "type": "string" },
                "terms": { "description": "Per language code.", "type": "object", "propertyNames": { "$ref": "#/$defs/languageCode" }, "additionalProperties": { "$ref": "#/$defs/glossaryTerms" } }
              },
              "required": ["id", "terms"],
              "additionalProperties": false
            },
            "glossaryConceptOneLanguage": {
              "description": "A concept with its terms in the file's language (the members of glossaryTerms), its id, entry and the source language's term.",
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "entry": { "description": "The ref of the entry that explains the concept.", "$ref": "#/$defs/entryRef" },
                "source_term": { "description": "The source language's preferred term.", "type": "string" },
                "preferred": { "$ref": "#/$defs/glossaryTerms/properties/preferred" },
                "variants": { "$ref": "#/$defs/glossaryTerms/properties/variants" },
                "forbidden": { "$ref": "#/$defs/glossaryTerms/properties/forbidden" },
                "note": { "$ref": "#/$defs/glossaryTerms/properties/note" }
              },
              "required": ["id", "preferred", "variants", "forbidden"],
              "additionalProperties": false
            },
            "guideBundle": {
              "description": "guide.json: every published entry, every declared language.",
              "type": "object",
              "properties": {
                "$schema": { "$ref": "#/$defs/schemaURL" },
                "format_version": { "$ref": "#/$defs/formatVersion" },
                "kind": { "const": "guide" },
                "version": { "$ref": "#/$defs/guideVersion" },
                "source_language": { "$ref": "#/$defs/sourceLanguage" },
                "base_url": { "$ref": "#/$defs/baseURL" },
                "title": { "description": "The guide's title per language (fallbacks applied).", "$ref": "#/$defs/localizedText" },
                "title_languages": { "description": "The language each title is in.", "$ref": "#/$defs/textLanguages" },
                "description": { "description": "The guide's description per language (fallbacks applied).", "$ref": "#/$defs/localizedText" },
                "description_languages": { "description": "The language each description is in.", "$ref": "#/$defs/textLanguages" },
                "languages": { "$ref": "#/$defs/languages" },
                "countries": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/countryAllLanguages" } },
                "roles": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termAllLanguages" }, { "properties": { "id": { "$ref": "#/$defs/roleId" } } }] } },
                "touchpoints": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termAllLanguages" }, { "properties": { "id": { "$ref": "#/$defs/touchpointId" } } }] } },
                "categories": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termAllLanguages" }, { "properties": { "id": { "$ref": "#/$defs/categoryId" } } }] } },
                "licence": { "$ref": "#/$defs/licence" },
                "publisher": { "oneOf": [{ "$ref": "#/$defs/publisherAllLanguages" }, { "type": "null" }] },
                "contact": { "$ref": "#/$defs/contact" },
                "documentation_url": { "$ref": "#/$defs/documentationURL" },
                "review_text": { "$ref": "#/$defs/reviewText" },
                "helpline_max_age_days": { "$ref": "#/$defs/maxAgeDays" },
                "build_day": { "$ref": "#/$defs/buildDay" },
                "tombstones": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tombstoneAllLanguages" } },
                "glossary": { "description": "Since 1.1, when the guide has a termbase: its concepts with their terms per language.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/glossaryConceptAllLanguages" } },
                "entries": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/guideEntry" } },
                "content_hash": { "$ref": "#/$defs/contentHash" },
                "generated_at": { "$ref": "#/$defs/generatedAt" }
              },
              "required": ["$schema", "format_version", "kind", "version", "source_language", "base_url", "languages", "countries", "roles", "touchpoints", "categories", "licence", "publisher", "contact", "documentation_url", "review_text", "helpline_max_age_days", "build_day", "tombstones", "entries", "content_hash"],
              "dependentRequired": { "title": ["title_languages"], "description": ["description_languages"] },
              "additionalProperties": false
            },
            "languageBundle": {
              "description": "guide.<lang>.json: the entries a reader of one language sees, with fallbacks resolved and marked. Entries with nothing to show in the language are left out.",
              "type": "object",
              "properties": {
                "$schema": { "$ref": "#/$defs/schemaURL" },
                "format_version": { "$ref": "#/$defs/formatVersion" },
                "kind": { "const": "language" },
                "language": { "description": "The language this file is for.", "$ref": "#/$defs/languageCode" },
                "version": { "$ref": "#/$defs/guideVersion" },
                "source_language": { "$ref": "#/$defs/sourceLanguage" },
                "base_url": { "$ref": "#/$defs/baseURL" },
                "title": { "description": "The guide's title in this language (or its fallback).", "type": "string", "minLength": 1 },
                "title_language": { "description": "The language of title.", "$ref": "#/$defs/languageCode" },
                "description": { "description": "The guide's description in this language (or its fallback).", "type": "string", "minLength": 1 },
                "description_language": { "description": "The language of description.", "$ref": "#/$defs/languageCode" },
                "languages": { "$ref": "#/$defs/languages" },
                "countries": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/countryOneLanguage" } },
                "roles": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termOneLanguage" }, { "properties": { "id": { "$ref": "#/$defs/roleId" } } }] } },
                "touchpoints": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termOneLanguage" }, { "properties": { "id": { "$ref": "#/$defs/touchpointId" } } }] } },
                "categories": { "type": "array", "uniqueItems": true, "items": { "allOf": [{ "$ref": "#/$defs/termOneLanguage" }, { "properties": { "id": { "$ref": "#/$defs/categoryId" } } }] } },
                "licence": { "$ref": "#/$defs/licence" },
                "publisher": { "oneOf": [{ "$ref": "#/$defs/publisherOneLanguage" }, { "type": "null" }] },
                "contact": { "$ref": "#/$defs/contact" },
                "documentation_url": { "$ref": "#/$defs/documentationURL" },
                "review_text": { "$ref": "#/$defs/reviewText" },
                "helpline_max_age_days": { "$ref": "#/$defs/maxAgeDays" },
                "build_day": { "$ref": "#/$defs/buildDay" },
                "tombstones": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/tombstoneOneLanguage" } },
                "glossary": { "description": "Since 1.1, when the guide has a termbase: its concepts that have terms in this language.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/glossaryConceptOneLanguage" } },
                "entries": { "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/languageEntry" } },
                "content_hash": { "$ref": "#/$defs/contentHash" },
                "generated_at": { "$ref": "#/$defs/generatedAt" }
              },
              "required": ["$schema", "format_version", "kind", "language", "version", "source_language", "base_url", "languages", "countries", "roles", "touchpoints", "categories", "licence", "publisher", "contact", "documentation_url", "review_text", "helpline_max_age_days", "build_day", "tombstones", "entries", "content_hash"],
              "dependentRequired": { "title": ["title_language"], "description": ["description_language"] },
              "additionalProperties": false
            },

            "formatVersion": {
              "description": "The version of this format (semver). Read a file only if you know its major version; ignore members you do not know.",
              "type": "string",
              "pattern": "^1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"
            },
            "guideVersion": {
              "description": "The guide's own content version from guide.yml (semver), set by the editors as docs/bundle.md asks.",
              "type": "string",
              "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"
            },
            "contentHash": {
              "description": "sha256: and the SHA-256, in lowercase hex, of the canonical JSON (sorted keys, no white space) of what it covers.",
              "type": "string",
              "pattern": "^sha256:[0-9a-f]{64}$"
            },
            "generatedAt": {
              "description": "When the bundle was built, in UTC (ISO 8601), present only when the build set SOURCE_DATE_EPOCH.",
              "type": "string",
              "format": "date-time",
              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
            },
            "day": {
              "description": "A calendar day, YYYY-MM-DD.",
              "type": "string",
              "format": "date",
              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
            },
            "buildDay": {
              "description": "The day the build measured helpline freshness against (guide build --today, else the day it ran, UTC): each helpline's freshness.stale is true when this day is on or after its stale_from.",
              "$ref": "#/$defs/day"
            },
            "maxAgeDays": {
              "description": "helpline_max_age_days from guide.yml: how many days after verified_on a helpline's numbers are trusted without a new check.",
              "type": "integer",
              "minimum": 1
            },
            "reviewText": {
              "description": "How the guide treats translations still in review (not yet checked by a native speaker): notice (shown, with under_review true), fallback (the fallback language's text is shown instead), omit (left out in that language).",
              "enum": ["notice", "fallback", "omit"]
            },
            "id": {
              "description": "An entry, role, touchpoint or category id: lowercase kebab-case. Stable: an id is never reused for something else.",
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
            },
            "sectionId": {
              "description": "A section id, the same in every language (what-to-do, steps …).",
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
            },
            "localizedText": {
              "description": "A text per declared language.",
              "type": "object",
              "propertyNames": { "$ref": "#/$defs/languageCode" },
              "additionalProperties": { "type": "string", "minLength": 1 }
            },
            "textLanguages": {
              "description": "For each language of the text beside it, the language the text is in: that language, or the one it fell back to.",
              "type": "object",
              "propertyNames": { "$ref": "#/$defs/languageCode" },
              "additionalProperties": { "$ref": "#/$defs/languageCode" }
            },
            "languages": {
              "description": "The declared languages, in the guide's order.",
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": {
                "type": "object",
                "properties": {
                  "code": { "$ref": "#/$defs/languageCode" },
                  "name": { "description": "The language's name in itself.", "type": "string", "minLength": 1 },
                  "fallback": { "description": "Languages tried, in order, when a translation is missing; the source language comes last in any case.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/languageCode" } },
                  "dir": { "description": "Writing direction.", "enum": ["ltr", "rtl"] }
                },
                "required": ["code", "name", "fallback", "dir"],
                "additionalProperties": false
              }
            },
            "termAllLanguages": {
              "description": "A role, touchpoint or category with its name per language (fallbacks applied); names and name_languages are absent when guide.yml gives no name at all.",
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "names": { "$ref": "#/$defs/localizedText" },
                "name_languages": { "$ref": "#/$defs/textLanguages" }
              },
              "required": ["id"],
              "dependentRequired": { "names": ["name_languages"] },
              "additionalProperties": false
            },
            "termOneLanguage": {
              "description": "A role, touchpoint or category with its name in the file's language (or its fallback, named by name_language; the id, without name_language, when no language gives a name).",
              "type": "object",
              "properties": {
                "id": { "$ref": "#/$defs/id" },
                "name": { "type": "string", "minLength": 1 },
                "name_language": { "$ref": "#/$defs/languageCode" }
              },
              "required": ["id", "name"],
              "additionalProperties": false
            },
            "countryAllLanguages": {
              "type": "object",
              "properties": {
                "code": { "$ref": "#/$defs/countryCode" },
                "names": { "$ref": "#/$defs/localizedText" },
                "name_languages": { "$ref": "#/$defs/textLanguages" },
                "languages": { "description": "Languages used in the country, most used first.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/languageCode" } }
              },
              "required": ["code", "languages"],
              "dependentRequired": { "names": ["name_languages"] },
              "additionalProperties": false
            },
            "countryOneLanguage": {
              "type": "object",
              "properties": {
                "code": { "$ref": "#/$defs/countryCode" },
                "name": { "type": "string", "minLength": 1 },
                "name_language": { "$ref": "#/$defs/languageCode" },
                "languages": { "description": "Languages used in the country, most used first.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/languageCode" } }
              },
              "required": ["code", "name", "languages"],
              "additionalProperties": false
            },
            "licence": {
              "description": "The licence under which the content may be reused, from guide.yml; null when the guide states none (then no reuse is granted: ask the publisher).",
              "oneOf": [
                {
                  "type": "object",
                  "properties": {
                    "id": { "description": "SPDX identifier, e.g. CC-BY-4.0.", "type": "string", "pattern": "^[A-Za-z0-9.+-]+$" },
                    "name": { "type": "string", "minLength": 1 },
                    "url": { "description": "Where the licence text is.", "type": "string", "format": "uri", "pattern": "^https://" }
                  },
                  "required": ["id", "url"],
                  "additionalProperties": false
                },
                { "type": "null" }
              ]
            },
            "publisherAllLanguages": {
              "description": "Who publishes the guide (guide.yml publisher).",
              "type": "object",
              "properties": {
                "names": { "$ref": "#/$defs/localizedText" },
                "name_languages": { "$ref": "#/$defs/textLanguages" },
                "url": { "type": "string", "format": "uri", "pattern": "^https://" }
              },
              "required": ["names", "name_languages"],
              "additionalProperties": false
            },
            "publisherOneLanguage": {
              "description": "Who publishes the guide (guide.yml publisher), named in this language or its fallback.",
              "type": "object",
              "properties": {
                "name": { "type": "string", "minLength": 1 },
                "name_language": { "$ref": "#/$defs/languageCode" },
                "url": { "type": "string", "format": "uri", "pattern": "^https://" }
              },
              "required": ["name", "name_language"],
              "additionalProperties": false
            },
            "contact": {
              "description": "How to reach the publisher (guide.yml contact); null when the guide states none.",
              "oneOf": [
                {
                  "type": "object",
                  "properties": {
                    "email": { "type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" },
                    "url": { "type": "string", "format": "uri", "pattern": "^https://" }
                  },
                  "minProperties": 1,
                  "additionalProperties": false
                },
                { "type": "null" }
              ]
            },
            "documentationURL": {
              "description": "Where the publisher documents the bundle for partners (guide.yml documentation_url); null when the guide states none.",
              "oneOf": [
                { "type": "string", "format": "uri", "pattern": "^https://" },
                { "type": "null" }
              ]
            },
            "tombstoneAllLanguages": {
              "description": "guide.json: a published entry that was removed or renamed, with the entries that replace it and why it went, per language.",
              "type": "object",
              "properties": {
                "ref": { "$ref": "#/$defs/entryRef" },
                "type": { "$ref": "#/$defs/entryType" },
                "id": { "$ref": "#/$defs/id" },
                "removed_on": { "$ref": "#/$defs/day" },
                "replaced_by": { "description": "Entries of this bundle that take its place, best match first; empty when none does.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/entryRef" } },
                "reason": { "$ref": "#/$defs/localizedText" },
                "reason_languages": { "$ref": "#/$defs/textLanguages" }
              },
              "required": ["ref", "type", "id", "removed_on", "replaced_by"],
              "dependentRequired": { "reason": ["reason_languages"] },
              "allOf": [{ "$ref": "#/$defs/refMatchesType" }],
              "additionalProperties": false
            },
            "tombstoneOneLanguage": {
              "description": "guide.<lang>.json: a published entry that was removed or renamed, with the entries that replace it and why it went, in this language or its fallback.",
              "type": "object",
              "properties": {
                "ref": { "$ref": "#/$defs/entryRef" },
                "type": { "$ref": "#/$defs/entryType" },
                "id": { "$ref": "#/$defs/id" },
                "removed_on": { "$ref": "#/$defs/day" },
                "replaced_by": { "description": "Entries of this bundle that take its place, best match first; empty when none does.", "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/entryRef" } },
                "reason": { "type": "string", "minLength": 1 },
                "reason_language": { "$ref": "#/$defs/languageCode" }
              },
              "required": ["ref", "type", "id", "removed_on", "replaced_by"],
              "dependentRequired": { "reason": ["reason_language"] },
              "allOf": [{ "$ref": "#/$defs/refMatchesType" }],
              "additionalProperties": false
            }
          }
        }
        """#
}
