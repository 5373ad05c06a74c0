#!/usr/bin/env python3
"""The sample guide's booklet as HTML + print CSS, for WeasyPrint: the same text, order and
page size as `guide build --only handouts` prints, in similar typography (Noto Sans and Noto
Serif at the sizes of Templates/handouts/style.yml), so the two renderers do comparable work.

Reads the Markdown and YAML directly (python-markdown, PyYAML). Differences from the native
booklet, kept small on purpose: no QR code on the cover, and WeasyPrint's own line breaking
and hyphenation.

    booklet_html.py --content Content --templates Templates --out DIR --date 2025-01-01
"""
import argparse
import html
import pathlib
import re

import markdown
import yaml

TYPES = ["concepts", "indicators", "protocols", "helplines"]


def read_entry(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front) or {}, body


def load(content, source_language):
    """entries[type][id][lang] = (front, body)"""
    entries = {t: {} for t in TYPES}
    for t in TYPES:
        for path in sorted((content / t).glob("*.md")):
            entry_id, lang, _ = path.name.rsplit(".", 2)
            entries[t].setdefault(entry_id, {})[lang] = read_entry(path)
    return {t: {i: v for i, v in e.items() if source_language in v and v[source_language][0].get("status") != "draft"}
            for t, e in entries.items()}


def flat_strings(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}

    def walk(value, key):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{key}.{k}" if key else k)
        else:
            out[key] = str(value)
    walk(data, "")
    return out


SECTION = re.compile(r"^(#{1,6}) (.*?)\s*\{#([a-z0-9-]+)\}\s*$", re.M)


def split_sections(body):
    """(intro, {id: (level, heading, text)}, order) from `## Heading {#id}` lines."""
    matches = list(SECTION.finditer(body))
    intro = body[: matches[0].start()] if matches else body
    sections, order = {}, []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        sections[m.group(3)] = (len(m.group(1)), m.group(2), body[m.end():end])
        order.append(m.group(3))
    return intro, sections, order


def md(text):
    # References become internal links; images print their alt text, as in the native booklet.
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"*\1*", text)
    text = re.sub(r"\]\(((?:concepts|indicators|protocols|helplines)/[a-z0-9-]+)(#[a-z0-9-]+)?\)",
                  lambda m: "](#" + m.group(1).replace("/", "--") + ")", text)
    text = SECTION.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)
    # Headings inside an entry sit below the entry's own title (h2), as in the native booklet.
    text = re.sub(r"^(#{1,5}) ", r"#\1 ", text, flags=re.M)
    return markdown.markdown(text, extensions=["tables", "sane_lists"])


def phone(value):
    digits = value[1:] if value.startswith("+") else None
    if digits and digits.isdigit():
        if digits.startswith("1") and len(digits) == 11:
            return f"+1 {digits[1:4]} {digits[4:7]} {digits[7:]}"
        if digits.startswith("297") and len(digits) == 10:
            return f"+297 {digits[3:6]} {digits[6:]}"
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=pathlib.Path, required=True)
    parser.add_argument("--templates", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--date", required=True)
    args = parser.parse_args()

    guide = yaml.safe_load((args.content / "guide.yml").read_text(encoding="utf-8"))
    source = guide["source_language"]
    fallbacks = {l["code"]: l.get("fallback", []) for l in guide["languages"]}
    names = {l["code"]: l["name"] for l in guide["languages"]}
    booklet = yaml.safe_load((args.content / "handouts/full-guide-booklet.yml").read_text(encoding="utf-8"))
    entries = load(args.content, source)
    style = yaml.safe_load((args.templates / "handouts/style.yml").read_text(encoding="utf-8"))
    sizes = style["layouts"]["booklet"]["sizes"]
    margin = style["margins"][booklet["paper"]]
    css = (pathlib.Path(__file__).parent / "booklet.css").read_text(encoding="utf-8")
    css = css.replace("$PAPER", booklet["paper"].upper() if booklet["paper"] != "letter" else "letter")
    css = css.replace("$MARGIN_TOP", f"{margin + 9}mm").replace("$MARGIN_BOTTOM", f"{margin + 8}mm")
    css = css.replace("$MARGIN", f"{margin}mm")
    css = css.replace("$SECTION_SIZE", f"{sizes['heading'] * 1.6}pt").replace("$SUBHEADING", f"{sizes['body'] * 1.1}pt")
    css = css.replace("$ENTRY_GAP", f"{sizes['body'] * 2}pt")
    for role, size in sizes.items():
        css = css.replace(f"${role.upper()}", f"{size}pt")
    args.out.mkdir(parents=True, exist_ok=True)

    for lang in booklet["languages"]:
        own = args.templates / f"handouts/strings/{lang}.yml"
        s = {**flat_strings(args.templates / f"handouts/strings/{source}.yml"),
             **(flat_strings(own) if own.exists() else {})}
        guide_title = guide["title"].get(lang, guide["title"][source])
        footer = f"{guide_title} · {guide['version']} · {args.date}"
        chain = [lang] + fallbacks.get(lang, []) + [source]

        def shown(files):
            for code in chain:
                if code in files and (code == source or files[code][0].get("status") != "draft"):
                    return code, files[code]
            return None, None

        sections = []  # (type, [(id, shown_lang, front, body, source_front)])
        for item in booklet["include"]:
            t = item["type"] if isinstance(item, dict) else item.split("/")[0]
            ids = sorted(entries[t]) if isinstance(item, dict) else [item.split("/")[1]]
            # The booklet's declared order first, then indicators strongest first, then id (as guide does).
            declared = {ref: n for n, ref in enumerate(booklet.get("order", []))}
            rank = {"strong": 0, "moderate": 1, "contextual": 2}
            ids.sort(key=lambda i: (declared.get(f"{t}/{i}", len(declared)),
                                    rank.get(entries[t][i][source][0].get("strength"), 3) if t == "indicators" else 0, i))
            rows = []
            for entry_id in ids:
                code, (front, body) = shown(entries[t][entry_id])
                rows.append((entry_id, code, front, body, entries[t][entry_id][source][0]))
            sections.append((t, rows))

        def css_string(text):
            return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        running = (f"body {{ string-set: guide {css_string(guide_title)}, footer {css_string(footer)}, "
                   f"page-word {css_string(s['page'])}; }}\n.contents {{ string-set: section {css_string(s['contents'])}; }}")
        out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
               f"<title>{html.escape(booklet['title'][lang])}</title><style>{css}\n{running}</style></head><body>",
               f'<section class="cover"><p class="guide">{html.escape(guide_title)}</p>',
               f"<h1>{html.escape(booklet['title'][lang])}</h1><p class=\"meta\">{guide['version']} · {args.date}</p></section>",
               f'<section class="contents"><h1>{html.escape(s["contents"])}</h1><ul>']
        for t, rows in sections:
            out.append(f'<li class="section"><a href="#section-{t}">{html.escape(s["sections." + t])}</a></li>')
            for entry_id, _, front, _, _ in rows:
                out.append(f'<li><a href="#{t}--{entry_id}">{html.escape(front.get("title", entry_id))}</a></li>')
        out.append("</ul></section>")

        for t, rows in sections:
            out.append(f'<section class="type" data-name="{html.escape(s["sections." + t])}">')
            out.append(f'<h1 id="section-{t}">{html.escape(s["sections." + t])}</h1>')
            for entry_id, code, front, body, src in rows:
                title = front.get("title", entry_id)
                out.append(f'<article id="{t}--{entry_id}"><h2>{html.escape(title)}</h2>')
                if code != lang:
                    notice = s["fallback"].replace("{language}", names.get(code, code))
                    out.append(f'<p class="notice">{html.escape(notice)}</p>')
                intro, secs, order = split_sections(body)
                if t == "indicators":
                    out.append(f'<p class="summary">{html.escape(front.get("summary", ""))}</p>')
                    strength = s.get("strength." + src.get("strength", ""), "")
                    note = front.get("strength_note") or src.get("strength_note")
                    out.append(f'<p class="small">{html.escape(". ".join(x for x in [strength, note] if x))}</p>')
                    todo = secs.get("what-to-do", (0, "", ""))[2].strip().split("\n\n")[0]
                    out.append(f'<div class="callout"><p><b>{html.escape(s["what_to_do"])}: </b>'
                               f'{md(todo)[3:-4]}</p></div>')
                    rest = intro + "".join(f"{'#' * secs[i][0]} {secs[i][1]}\n{secs[i][2]}" for i in order if i != "what-to-do")
                    out.append(md(rest))
                elif t == "protocols":
                    trigger = front.get("trigger") or src.get("trigger", "")
                    out.append(f'<div class="callout"><p>{html.escape(trigger)}</p></div>')
                    rest = intro + "".join(f"{'#' * secs[i][0]} {secs[i][1]}\n{secs[i][2]}"
                                           for i in order if i not in ("steps", "do", "dont"))
                    out.append(md(rest))
                    out.append(f'<h3>{html.escape(s["steps"])}</h3>{md(secs.get("steps", (0, "", ""))[2])}')
                    out.append('<div class="dodont">')
                    for key, label in (("do", s["do"]), ("dont", s["dont"])):
                        if key in secs:
                            out.append(f'<div><h3>{html.escape(label)}</h3>{md(secs[key][2])}</div>')
                    out.append("</div>")
                    # Numbers are printed once, under "Who to call"; protocols name the countries.
                    countries = []
                    for ref in src.get("helplines", []):
                        country = entries["helplines"][ref.split("/")[1]][source][0].get("country")
                        if country not in countries:
                            countries.append(country)
                    if countries:
                        out.append(f'<p><b>{html.escape(s["who_to_call"])}:</b> {html.escape(" · ".join(countries))}</p>')
                elif t == "helplines":
                    out.append(helpline_lines(src, front, s, names, False))
                    intro, secs, order = split_sections(body)
                    omitted = set(booklet.get("omit_sections", []))
                    out.append(md(intro + "".join(f"{'#' * secs[i][0]} {secs[i][1]}\n{secs[i][2]}" for i in order if i not in omitted)))
                else:
                    out.append(md(body))
                out.append("</article>")
            out.append("</section>")
        out.append("</body></html>")
        (args.out / f"booklet.{lang}.html").write_text("\n".join(out), encoding="utf-8")


def helpline_lines(src, front, s, names, show_name):
    parts = []
    if show_name:
        org = src.get("organisation")
        parts.append(f'<p><b>{html.escape(front.get("title", ""))}</b>'
                     + (f" · {html.escape(org)}" if org and org != front.get("title") else "") + "</p>")
    elif src.get("organisation"):
        parts.append(f'<p class="small">{html.escape(src["organisation"])}</p>')
    for channel in src.get("channels", []):
        kind, value = channel["type"], str(channel["value"])
        shown_value = phone(value) if kind in ("phone", "toll-free", "sms", "whatsapp") else value
        href = {"phone": "tel:" + value, "toll-free": "tel:" + value,
                "whatsapp": "https://wa.me/" + re.sub(r"\D", "", value)}.get(kind)
        value_html = f'<a href="{href}"><b>{html.escape(shown_value)}</b></a>' if href else f"<b>{html.escape(shown_value)}</b>"
        hours = channel.get("hours") or s["not_stated"]
        parts.append(f'<p>{html.escape(s.get("channels." + kind, kind))}: {value_html} ({html.escape(s["hours"])}: {html.escape(hours)})</p>')
    languages = ", ".join(names.get(code, code) for code in src.get("languages", [])) or s["not_stated"]
    parts.append(f'<p class="small">{html.escape(s["languages"])}: {html.escape(languages)}</p>')
    return "\n".join(parts)


if __name__ == "__main__":
    main()
