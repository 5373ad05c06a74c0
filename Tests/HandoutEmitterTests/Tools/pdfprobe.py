#!/usr/bin/env python3
"""Reads handout PDFs with libraries nobody on this project wrote (pdfminer.six, pikepdf) and
prints what the tests check, as JSON: every text line with its smallest font size (from the
content stream), the structure tree's element types, figures' alternative text, /Lang,
DisplayDocTitle, the XMP title and language, and the outline.

Usage: pdfprobe.py FILE.pdf ...   (one JSON object per file, keyed by path)
"""
import json
import sys

import pikepdf
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine


def lines(path):
    pages = []
    for page in extract_pages(path, laparams=LAParams(line_margin=0.2)):
        found = []

        def walk(node):
            if isinstance(node, LTTextLine):
                chars = [c for c in node if isinstance(c, LTChar) and c.get_text().strip()]
                if chars:
                    found.append({
                        "text": node.get_text().strip(),
                        "size": round(min(c.size for c in chars), 2),
                        "fonts": sorted({c.fontname.split("+")[-1] for c in chars}),
                    })
            elif isinstance(node, LTTextContainer) or hasattr(node, "__iter__"):
                for child in node:
                    walk(child)

        walk(page)
        pages.append(found)
    return pages


def structure(pdf):
    types, figures = {}, []

    def walk(node, depth=0):
        if depth > 200:
            return
        if isinstance(node, pikepdf.Array):
            for item in node:
                walk(item, depth + 1)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        kind = node.get("/S")
        if kind is not None:
            name = str(kind)[1:]
            types[name] = types.get(name, 0) + 1
            if name == "Figure":
                alt = node.get("/Alt")
                figures.append(str(alt) if alt is not None else None)
        if node.get("/Type") == pikepdf.Name("/OBJR"):
            return
        if "/K" in node:
            walk(node["/K"], depth + 1)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None:
        walk(root)
    return types, figures


def outline(pdf):
    titles = []
    with pdf.open_outline() as tree:
        def walk(items, level):
            for item in items:
                titles.append({"title": str(item.title), "level": level})
                walk(item.children, level + 1)
        walk(tree.root, 1)
    return titles


def probe(path):
    with pikepdf.open(path) as pdf:
        types, figures = structure(pdf)
        meta = pdf.open_metadata()
        preferences = pdf.Root.get("/ViewerPreferences")
        mark = pdf.Root.get("/MarkInfo")
        return {
            "lang": str(pdf.Root.get("/Lang", "")),
            "marked": bool(mark is not None and mark.get("/Marked", False)),
            "display_doc_title": bool(preferences is not None and preferences.get("/DisplayDocTitle", False)),
            "xmp_title": meta.get("dc:title"),
            "xmp_language": sorted(meta.get("dc:language") or []),
            "structure": types,
            "figures": figures,
            "outline": outline(pdf),
            "pages": lines(path),
        }


if __name__ == "__main__":
    json.dump({path: probe(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False)
