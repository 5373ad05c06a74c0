/// The hand-written part of `guide.schema.json` (see `BundleSchema`).
enum BundleSchemaText {
    static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:guide-bundle:schema:1",
  "title": "Reference guide on human trafficking: JSON bundle",
  "description": "Describes both kinds of bundle file: guide.json (kind \"guide\": every entry in every language) and guide.<lang>.json (kind \"language\": one language, fallbacks resolved). Field meanings and the versioning policy are in docs/bundle.md. Objects are open: consumers must ignore members they do not know, which later minor versions may add.",
  "oneOf": [
    { "$ref": "#/$defs/guideBundle" },
    { "$ref": "#/$defs/languageBundle" }
  ],
  "$defs": {
    "glossaryTerms": {
      "description": "A concept's terms in one language: the one to use, the others a text may use, and those to avoid with the reason (in the source language).",
      "type": "object",
      "properties": {
        "preferred": { "type": "string", "minLength": 1 },
        "variants": { "type": "array", "items": { "type": "string" } },
        "forbidden": {
          "type": "array",
          "items": { "type": "object", "properties": { "term": { "type": "string" }, "reason": { "type": "string" } }, "required": ["term"] }
        },
        "note": { "description": "A note for translators, in the source language (e.g. pending native review).", "type": "string" }
      },
      "required": ["preferred", "variants", "forbidden"]
    },
    "glossaryConceptAllLanguages": {
      "type": "object",
      "properties": {
        "id": { "$ref": "#/$defs/id" },
        "entry": { "description": "The ref of the entry that explains the concept.", "type": "string" },
        "note": { "description": "What the concept means, in the source language.", "type": "string" },
        "terms": { "description": "Per language code.", "type": "object", "additionalProperties": { "$ref": "#/$defs/glossaryTerms" } }
      },
      "required": ["id", "terms"]
    },
    "glossaryConceptOneLanguage": {
      "description": "A concept with its terms in the file's language (the members of glossaryTerms), its id, entry and the source language's term.",
      "type": "object",
      "properties": {
        "id": { "$ref": "#/$defs/id" },
        "entry": { "description": "The ref of the entry that explains the concept.", "type": "string" },
        "source_term": { "description": "The source language's preferred term.", "type": "string" },
        "preferred": { "$ref": "#/$defs/glossaryTerms/properties/preferred" },
        "variants": { "$ref": "#/$defs/glossaryTerms/properties/variants" },
        "forbidden": { "$ref": "#/$defs/glossaryTerms/properties/forbidden" },
        "note": { "$ref": "#/$defs/glossaryTerms/properties/note" }
      },
      "required": ["id", "preferred", "variants", "forbidden"]
    },
    "guideBundle": {
      "description": "guide.json: every published entry, every declared language.",
      "type": "object",
      "properties": {
        "format_version": { "$ref": "#/$defs/formatVersion" },
        "kind": { "const": "guide" },
        "version": { "$ref": "#/$defs/guideVersion" },
        "source_language": { "$ref": "#/$defs/languageTag" },
        "base_url": { "$ref": "#/$defs/baseURL" },
        "title": { "description": "The guide's title per language (fallbacks applied).", "$ref": "#/$defs/localizedText" },
        "description": { "description": "The guide's description per language (fallbacks applied).", "$ref": "#/$defs/localizedText" },
        "languages": { "$ref": "#/$defs/languages" },
        "countries": { "type": "array", "items": { "$ref": "#/$defs/countryAllLanguages" } },
        "roles": { "type": "array", "items": { "$ref": "#/$defs/termAllLanguages" } },
        "touchpoints": { "type": "array", "items": { "$ref": "#/$defs/termAllLanguages" } },
        "categories": { "type": "array", "items": { "$ref": "#/$defs/termAllLanguages" } },
        "glossary": { "description": "Since 1.1, when the guide has a termbase: its concepts with their terms per language.", "type": "array", "items": { "$ref": "#/$defs/glossaryConceptAllLanguages" } },
        "entries": { "type": "array", "items": { "$ref": "#/$defs/guideEntry" } },
        "content_hash": { "$ref": "#/$defs/contentHash" },
        "generated_at": { "$ref": "#/$defs/generatedAt" }
      },
      "required": ["format_version", "kind", "version", "source_language", "base_url", "languages", "countries", "roles", "touchpoints", "categories", "entries", "content_hash"]
    },
    "languageBundle": {
      "description": "guide.<lang>.json: the entries a reader of one language sees, with fallbacks resolved and marked. Entries with nothing to show in the language are left out.",
      "type": "object",
      "properties": {
        "format_version": { "$ref": "#/$defs/formatVersion" },
        "kind": { "const": "language" },
        "language": { "description": "The language this file is for.", "$ref": "#/$defs/languageTag" },
        "version": { "$ref": "#/$defs/guideVersion" },
        "source_language": { "$ref": "#/$defs/languageTag" },
        "base_url": { "$ref": "#/$defs/baseURL" },
        "title": { "description": "The guide's title in this language (or its fallback).", "type": "string" },
        "description": { "description": "The guide's description in this language (or its fallback).", "type": "string" },
        "languages": { "$ref": "#/$defs/languages" },
        "countries": { "type": "array", "items": { "$ref": "#/$defs/countryOneLanguage" } },
        "roles": { "type": "array", "items": { "$ref": "#/$defs/termOneLanguage" } },
        "touchpoints": { "type": "array", "items": { "$ref": "#/$defs/termOneLanguage" } },
        "categories": { "type": "array", "items": { "$ref": "#/$defs/termOneLanguage" } },
        "glossary": { "description": "Since 1.1, when the guide has a termbase: its concepts that have terms in this language.", "type": "array", "items": { "$ref": "#/$defs/glossaryConceptOneLanguage" } },
        "entries": { "type": "array", "items": { "$ref": "#/$defs/languageEntry" } },
        "content_hash": { "$ref": "#/$defs/contentHash" },
        "generated_at": { "$ref": "#/$defs/generatedAt" }
      },
      "required": ["format_version", "kind", "language", "version", "source_language", "base_url", "languages", "countries", "roles", "touchpoints", "categories", "entries", "content_hash"]
    },

    "formatVersion": {
      "description": "The version of this format (semver). Read a file only if you know its major version; ignore members you do not know.",
      "type": "string",
      "pattern": "^1\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"
    },
    "guideVersion": {
      "description": "The guide's own content version from guide.yml (semver), set by the editors.",
      "type": "string",
      "minLength": 1
    },
    "baseURL": {
      "description": "Where the guide's site is published, ending in / (empty when not set). Entry pages are <base_url><lang>/<type>/<id>/.",
      "type": "string",
      "pattern": "^($|https?://.*/$)"
    },
    "contentHash": {
      "description": "sha256: and the SHA-256, in lowercase hex, of the canonical JSON (sorted keys, no white space) of what it covers.",
      "type": "string",
      "pattern": "^sha256:[0-9a-f]{64}$"
    },
    "generatedAt": {
      "description": "When the bundle was built, in UTC (ISO 8601), present only when the build set SOURCE_DATE_EPOCH; otherwise absent so that the same content gives byte-identical files.",
      "type": "string",
      "format": "date-time",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
    },
    "languageTag": {
      "description": "A BCP 47 language tag declared by the guide (en, es, pap, pap-AW …).",
      "type": "string",
      "pattern": "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
    },
    "id": {
      "description": "An entry, role, touchpoint or category id: lowercase kebab-case. Stable: an id is never reused for something else.",
      "type": "string",
      "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
    },
    "entryType": {
      "description": "The kind of entry: concepts, indicators, protocols or helplines (later minor versions may add kinds; skip entries of kinds you do not know).",
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]*$"
    },
    "entryRef": {
      "description": "The stable reference to an entry: <type>/<id>.",
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]*/[a-z0-9]+(-[a-z0-9]+)*$"
    },
    "localizedText": {
      "type": "object",
      "propertyNames": { "$ref": "#/$defs/languageTag" },
      "additionalProperties": { "type": "string" }
    },
    "languages": {
      "description": "The declared languages, in the guide's order.",
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "code": { "$ref": "#/$defs/languageTag" },
          "name": { "description": "The language's name in itself.", "type": "string" },
          "fallback": { "description": "Languages tried, in order, when a translation is missing; the source language comes last in any case.", "type": "array", "items": { "$ref": "#/$defs/languageTag" } },
          "dir": { "description": "Writing direction.", "enum": ["ltr", "rtl"] }
        },
        "required": ["code", "name", "fallback", "dir"]
      }
    },
    "termAllLanguages": {
      "description": "A role, touchpoint or category with its name in every language.",
      "type": "object",
      "properties": {
        "id": { "$ref": "#/$defs/id" },
        "names": { "$ref": "#/$defs/localizedText" }
      },
      "required": ["id"]
    },
    "termOneLanguage": {
      "description": "A role, touchpoint or category with its name in the file's language (or its fallback, or the id when no name is given).",
      "type": "object",
      "properties": {
        "id": { "$ref": "#/$defs/id" },
        "name": { "type": "string" }
      },
      "required": ["id", "name"]
    },
    "countryAllLanguages": {
      "type": "object",
      "properties": {
        "code": { "$ref": "#/$defs/countryCode" },
        "names": { "$ref": "#/$defs/localizedText" },
        "languages": { "description": "Languages used in the country.", "type": "array", "items": { "$ref": "#/$defs/languageTag" } }
      },
      "required": ["code", "languages"]
    },
    "countryOneLanguage": {
      "type": "object",
      "properties": {
        "code": { "$ref": "#/$defs/countryCode" },
        "name": { "type": "string" },
        "languages": { "description": "Languages used in the country.", "type": "array", "items": { "$ref": "#/$defs/languageTag" } }
      },
      "required": ["code", "name", "languages"]
    },
    "countryCode": {
      "description": "ISO 3166-1 alpha-2.",
      "type": "string",
      "pattern": "^[A-Z]{2}$"
    },

    "entryCore": {
      "description": "What an entry is in every language.",
      "type": "object",
      "properties": {
        "type": { "$ref": "#/$defs/entryType" },
        "id": { "$ref": "#/$defs/id" },
        "ref": { "$ref": "#/$defs/entryRef" },
        "data": { "$ref": "#/$defs/data" },
        "channels": { "description": "Helplines only: every channel, as in data.channels, with e164 and uri added.", "type": "array", "items": { "$ref": "#/$defs/channel" } },
        "contact_point": { "$ref": "#/$defs/contactPoint" }
      },
      "required": ["type", "id", "ref", "data"],
      "allOf": [
        {
          "if": { "properties": { "type": { "const": "indicators" } }, "required": ["type"] },
          "then": { "properties": { "data": { "required": ["category", "touchpoints", "observers", "strength"] } } }
        },
        {
          "if": { "properties": { "type": { "const": "protocols" } }, "required": ["type"] },
          "then": { "properties": { "data": { "required": ["roles"] } } }
        },
        {
          "if": { "properties": { "type": { "const": "helplines" } }, "required": ["type"] },
          "then": {
            "required": ["channels", "contact_point"],
            "properties": { "data": { "required": ["country", "purpose", "channels", "verified_on", "source"] } }
          }
        }
      ]
    },
    "data": {
      "description": "The entry's language-independent front-matter fields as the editors wrote them (typed). Which fields an entry has depends on its type; fields added to the guide's content schemas appear here too.",
      "type": "object",
      "additionalProperties": true,
      "properties": {
        "sources": { "description": "Public sources the entry is based on.", "type": "array", "items": { "$ref": "#/$defs/source" } },
        "tags": { "type": "array", "items": { "type": "string" } },
        "jurisdictions": { "description": "Countries the entry applies to; absent means all.", "type": "array", "items": { "$ref": "#/$defs/countryCode" } },
        "related": { "description": "References to entries worth reading next.", "type": "array", "items": { "$ref": "#/$defs/referenceText" } },
        "category": { "description": "Indicators: the form of exploitation (an id from categories).", "$ref": "#/$defs/id" },
        "touchpoints": { "description": "Indicators and protocols: where in the journey (ids from touchpoints).", "type": "array", "items": { "$ref": "#/$defs/id" } },
        "observers": { "description": "Indicators: roles best placed to notice it (ids from roles).", "type": "array", "items": { "$ref": "#/$defs/id" } },
        "strength": { "description": "Indicators: weight on its own: contextual, moderate or strong.", "type": "string" },
        "control_methods": { "description": "Indicators: Human Trafficking Case Data Standard (HTCDS) method-of-control codes, e.g. WithholdsDocuments.", "type": "array", "items": { "type": "string", "pattern": "^[A-Z][A-Za-z]*$" } },
        "protocols": { "description": "Indicators: protocols to follow (references).", "type": "array", "items": { "$ref": "#/$defs/referenceText" } },
        "roles": { "description": "Protocols: roles that follow it (ids from roles).", "type": "array", "items": { "$ref": "#/$defs/id" } },
        "helplines": { "description": "Protocols: helplines it refers to (references).", "type": "array", "items": { "$ref": "#/$defs/referenceText" } },
        "country": { "description": "Helplines: the country served.", "$ref": "#/$defs/countryCode" },
        "organisation": { "description": "Helplines: who runs the line, as the source names it.", "type": "string" },
        "purpose": { "description": "Helplines: report, victim-support or emergency.", "type": "string" },
        "channels": { "description": "Helplines: channels as written.", "type": "array", "items": { "$ref": "#/$defs/channel" } },
        "languages": { "description": "Helplines: languages the line answers in, only when the source states them.", "type": "array", "items": { "$ref": "#/$defs/languageTag" } },
        "anonymous": { "description": "Helplines: true only when the source says reports can be anonymous.", "type": "boolean" },
        "verified_on": { "description": "Helplines: date of the source the channels come from (YYYY-MM-DD).", "type": "string", "format": "date" },
        "source": { "description": "Helplines: the public source of the channels.", "$ref": "#/$defs/source" }
      }
    },
    "referenceText": {
      "description": "A reference as written: <type>/<id>, optionally #<section>.",
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]*/[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$"
    },
    "source": {
      "type": "object",
      "properties": {
        "title": { "type": "string" },
        "url": { "type": "string", "format": "uri" },
        "publisher": { "type": "string" },
        "accessed": { "type": "string", "format": "date" }
      },
      "required": ["title", "url"]
    },
    "channel": {
      "description": "One way to reach a helpline.",
      "type": "object",
      "properties": {
        "type": { "description": "phone, toll-free, whatsapp, sms, email, web or messenger.", "type": "string" },
        "value": { "description": "phone, toll-free, whatsapp, sms: an E.164 number (+ and digits) or, for emergency lines, a short code such as 911. email: an address; web: a URL; messenger: an account name.", "type": "string", "minLength": 1 },
        "hours": { "description": "Opening hours as the source states them; absent when not stated (show \"not stated\", never a guess).", "type": "string" },
        "reachable_from_abroad": { "description": "Present only when the source says.", "type": "boolean" },
        "e164": { "description": "Phone-like channels (in the entry's channels): whether value is an E.164 number rather than a short code that works only inside the country.", "type": "boolean" },
        "uri": { "description": "(In the entry's channels) a link that opens the channel: tel:, sms:, https://wa.me/, mailto: or https:. Absent when there is no standard link (messenger).", "type": "string", "pattern": "^(tel:|sms:|mailto:|https?://)" }
      },
      "required": ["type", "value"]
    },
    "contactPoint": {
      "description": "Helplines: a schema.org ContactPoint (JSON-LD) built from the channels. telephone comes from the first phone or toll-free channel; availableLanguage and hoursAvailable appear only when the source states them.",
      "type": "object",
      "properties": {
        "@context": { "const": "https://schema.org" },
        "@type": { "const": "ContactPoint" },
        "telephone": { "type": "string" },
        "contactType": { "description": "The helpline's purpose: report, victim-support or emergency.", "type": "string" },
        "contactOption": { "const": "TollFree" },
        "areaServed": { "$ref": "#/$defs/countryCode" },
        "availableLanguage": { "type": "array", "items": { "$ref": "#/$defs/languageTag" } },
        "hoursAvailable": {
          "type": "object",
          "properties": {
            "@type": { "const": "OpeningHoursSpecification" },
            "description": { "type": "string" }
          },
          "required": ["@type", "description"]
        },
        "email": { "type": "string" },
        "url": { "type": "string" }
      },
      "required": ["@context", "@type", "contactType", "areaServed"]
    },

    "localized": {
      "description": "An entry as a reader of one language sees it.",
      "type": "object",
      "properties": {
        "status": {
          "description": "source: the source language; current: an up-to-date translation; outdated: a translation of an older version of the source (or never stamped); missing: no translation, the text shown is in fallback_language.",
          "enum": ["source", "current", "outdated", "missing"]
        },
        "fallback_language": { "description": "Only when status is missing: the language the text is shown in instead.", "$ref": "#/$defs/languageTag" },
        "text_language": { "description": "The language of the text (the requested one, or fallback_language). Use it for lang attributes.", "$ref": "#/$defs/languageTag" },
        "editorial_status": { "description": "The editorial status of the file shown: published, or review (written but not yet checked by an expert or native speaker; machine-drafted translations stay in review); draft only in bundles built with --drafts.", "enum": ["draft", "review", "published"] },
        "url": { "description": "The site page showing this text.", "type": "string" },
        "title": { "type": "string", "minLength": 1 },
        "summary": { "description": "One or two sentences, at most 300 characters.", "type": "string" },
        "aliases": { "description": "Concepts: other names to search for, in this language.", "type": "array", "items": { "type": "string" } },
        "strength_note": { "description": "Indicators: why the indicator has its strength, in this language.", "type": "string" },
        "trigger": { "description": "Protocols: when to use it, in this language.", "type": "string" },
        "body_html": { "description": "The body as sanitised HTML: no scripts, styles, raw HTML or event attributes; links only relative, http(s), mailto or tel. Links to entries carry data-ref=\"<type>/<id>\" and point at the site page.", "type": "string" },
        "body_text": { "description": "The body as plain text: blocks separated by blank lines, list items as - or 1.", "type": "string" },
        "sections": { "description": "Headings with a section id, in document order, each with its content (up to the next heading of the same or a higher level).", "type": "array", "items": { "$ref": "#/$defs/section" } },
        "steps": { "description": "Protocols: the numbered steps (the ordered list of the steps section), in order.", "type": "array", "items": { "$ref": "#/$defs/step" } },
        "references": { "description": "Every entry this one refers to (front matter, then body), once each, with titles in this language.", "type": "array", "items": { "$ref": "#/$defs/reference" } },
        "content_hash": { "description": "Hash of what is shown: the entry's data and this object without content_hash.", "$ref": "#/$defs/contentHash" }
      },
      "required": ["status", "text_language", "editorial_status", "url", "title", "summary", "body_html", "body_text", "sections", "references", "content_hash"],
      "allOf": [
        {
          "if": { "properties": { "status": { "const": "missing" } }, "required": ["status"] },
          "then": { "required": ["fallback_language"] },
          "else": { "properties": { "fallback_language": false } }
        }
      ]
    },
    "nothingToShow": {
      "description": "guide.json only: an entry with nothing to show in a language (its type forbids fallback).",
      "type": "object",
      "properties": {
        "status": { "const": "missing" },
        "title": false
      },
      "required": ["status"]
    },
    "section": {
      "type": "object",
      "properties": {
        "id": { "description": "The section id, the same in every language (e.g. what-to-do, steps).", "$ref": "#/$defs/id" },
        "level": { "description": "The heading level in the body (2 for ##).", "type": "integer", "minimum": 1, "maximum": 6 },
        "title": { "description": "The heading text.", "type": "string" },
        "html": { "description": "The section's content as sanitised HTML, without its heading.", "type": "string" },
        "text": { "description": "The section's content as plain text.", "type": "string" }
      },
      "required": ["id", "level", "title", "html", "text"]
    },
    "step": {
      "type": "object",
      "properties": {
        "html": { "type": "string" },
        "text": { "type": "string" }
      },
      "required": ["html", "text"]
    },
    "reference": {
      "type": "object",
      "properties": {
        "ref": { "description": "As written, with #section when it names one.", "$ref": "#/$defs/referenceText" },
        "type": { "$ref": "#/$defs/entryType" },
        "id": { "$ref": "#/$defs/id" },
        "section": { "$ref": "#/$defs/id" },
        "title": { "description": "The target entry's title in this language (or its fallback's).", "type": "string" },
        "section_title": { "description": "The named section's heading, when there is one.", "type": "string" },
        "language": { "description": "The language of title (and of the page url shows).", "$ref": "#/$defs/languageTag" },
        "url": { "description": "The target's site page for this language, with #section.", "type": "string" },
        "found_in": { "description": "Where the reference is made: body, or the front-matter field (related, protocols, helplines …).", "type": "array", "items": { "type": "string" } }
      },
      "required": ["ref", "type", "id", "title", "language", "url", "found_in"]
    }
  }
}
"""#
}
