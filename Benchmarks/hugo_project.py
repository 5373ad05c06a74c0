#!/usr/bin/env python3
"""Sets up a Hugo project over the same Markdown as a guide, for comparison.

Hugo reads `<id>.<lang>.md` as translations by file name, so the content
folders are copied unchanged; the layouts are minimal (an entry page and a
list page per section), i.e. Hugo does less work than `guide build`.

usage: hugo_project.py CONTENT_DIR OUT_DIR
"""
import os
import shutil
import sys

LANGS = ["en", "es", "nl", "pap", "ht", "pt"]

content, out = sys.argv[1], sys.argv[2]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(os.path.join(out, "layouts", "_default"))
for section in ["concepts", "indicators", "protocols", "helplines"]:
    shutil.copytree(os.path.join(content, section), os.path.join(out, "content", section))
config = ["baseURL = 'https://guide.example.org/'", "defaultContentLanguage = 'en'",
          "defaultContentLanguageInSubdir = true", "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']",
          "[languages]"]
for weight, lang in enumerate(LANGS, 1):
    config += [f"  [languages.{lang}]", f"    weight = {weight}"]
with open(os.path.join(out, "hugo.toml"), "w") as f:
    f.write("\n".join(config) + "\n")
page = """<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav>{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.Lang }}</a> {{ end }}</nav>
<main><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}</main></body></html>
"""
listing = """<!doctype html><html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""
for name, text in [("single.html", page), ("list.html", listing)]:
    with open(os.path.join(out, "layouts", "_default", name), "w") as f:
        f.write(text)
