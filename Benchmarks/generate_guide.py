#!/usr/bin/env python3
"""Generates a large guide for benchmarks: N entries x 6 languages.

Bodies are a few hundred words with headings, lists, tables and references,
so parsing, validation and rendering do realistic work. The schemas are the
sample guide's. Translations are stamped afterwards with `guide stamp --source`.

usage: generate_guide.py OUT_DIR [--entries 1000] [--seed 1]
"""
import argparse
import datetime
import os
import random
import shutil

LANGS = ["en", "es", "nl", "pap", "ht", "pt"]
WORDS = ("traveller passenger document passport ticket agent supervisor report signal observe note "
         "airport gate check-in counter flight crew cabin immigration officer protocol support helpline "
         "control movement debt recruiter employer contract promise journey destination companion child "
         "group luggage cash booking seat behaviour story consistent private interpreter safety referral").split()
TOUCHPOINTS = ["booking", "check-in", "security", "immigration-departure", "gate", "in-flight",
               "immigration-arrival", "customs", "arrivals", "post-arrival"]
ROLES = ["airline-agent", "gate-agent", "cabin-crew", "flight-crew", "security-screener",
         "immigration-officer", "customs-officer", "airport-police", "ground-staff", "airport-retail"]
CATEGORIES = ["general", "children", "sexual-exploitation", "labour-exploitation", "domestic-servitude",
              "begging-petty-crime"]
METHODS = ["DebtBondage", "TakesEarnings", "Threats", "FalsePromises", "RestrictsMovement", "WithholdsDocuments"]


def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def body(rng, kind, refs, lang):
    parts = [paragraph(rng, 5), ""]
    parts += [f"See [{r.split('/')[1].replace('-', ' ')}]({r}) for more." for r in refs] + [""]
    parts += ["## Details {#details}", "", paragraph(rng, 4), ""]
    parts += [f"- {sentence(rng, 8)}" for _ in range(4)] + [""]
    parts += ["| Sign | Weight |", "| --- | --- |"] + [f"| {sentence(rng, 4)} | {rng.choice(['low', 'high'])} |" for _ in range(3)] + [""]
    if kind == "protocols":
        parts += ["## Steps {#steps}", ""] + [f"{i}. {sentence(rng, 10)}" for i in range(1, 7)] + [""]
        parts += ["## Don't {#dont}", "", "- Do not confront anyone.", ""]
    parts += [paragraph(rng, 3), ""]
    if kind == "indicators":
        # Last, so no other text falls in it: at most 140 characters (section.too-long).
        parts += ["## What to do {#what-to-do}", "", "Note what you saw and tell your supervisor discreetly.", ""]
    return "\n".join(parts)


def yaml_list(values):
    return "[" + ", ".join(values) + "]"


def front_matter(rng, kind, eid, lang, refs, today):
    title = f"{eid.replace('-', ' ').capitalize()} ({lang})"
    lines = ["---", f"title: {title}", f"summary: {sentence(rng, 14)}",
             f"status: {'published' if lang == 'en' else 'review'}"]
    if kind == "concepts":
        lines.append(f"aliases: {yaml_list([rng.choice(WORDS) + ' ' + rng.choice(WORDS)])}")
    if kind == "indicators":
        lines.append(f"strength_note: {sentence(rng, 10)}")
    if kind == "protocols":
        lines.append(f"trigger: {sentence(rng, 10)}")
    if lang == "en":
        lines.append(f"related: {yaml_list(refs[:2])}")
        lines.append("sources:\n  - {title: Benchmark source, url: 'https://example.org/source'}")
        if kind == "indicators":
            lines += [f"category: {rng.choice(CATEGORIES)}",
                      f"touchpoints: {yaml_list(rng.sample(TOUCHPOINTS, 2))}",
                      f"observers: {yaml_list(rng.sample(ROLES, 2))}",
                      f"strength: {rng.choice(['contextual', 'moderate', 'strong'])}",
                      f"control_methods: {yaml_list(rng.sample(METHODS, 2))}"]
        if kind == "protocols":
            lines += [f"roles: {yaml_list(rng.sample(ROLES, 2))}", f"touchpoints: {yaml_list(rng.sample(TOUCHPOINTS, 2))}"]
        if kind == "helplines":
            lines += [f"country: {rng.choice(['DO', 'TT', 'AW'])}", "organisation: Benchmark organisation",
                      "purpose: report", f"channels:\n  - {{type: phone, value: '+1809{rng.randint(1000000, 9999999)}'}}",
                      f"verified_on: '{today}'", "source: {title: Benchmark source, url: 'https://example.org/source'}"]
    lines.append("---")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    content = os.path.join(args.out, "Content")
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "Content", "schema"), os.path.join(content, "schema"))
    shutil.copy(os.path.join(repo, "Content", "guide.yml"), os.path.join(content, "guide.yml"))
    shares = {"concepts": 0.25, "indicators": 0.45, "protocols": 0.2, "helplines": 0.1}
    ids = {k: [f"{k[:-1]}-{i:05d}" for i in range(int(args.entries * s))] for k, s in shares.items()}
    all_refs = [f"{k}/{i}" for k, v in ids.items() for i in v]
    today = datetime.date.today().isoformat()
    for kind, kind_ids in ids.items():
        os.makedirs(os.path.join(content, kind))
        for eid in kind_ids:
            refs = rng.sample(all_refs, 3)
            for lang in LANGS:
                text = front_matter(rng, kind, eid, lang, refs, today) + "\n" + body(rng, kind, refs, lang)
                with open(os.path.join(content, kind, f"{eid}.{lang}.md"), "w") as f:
                    f.write(text)
    print(f"{sum(len(v) for v in ids.values())} entries x {len(LANGS)} languages in {content}")


if __name__ == "__main__":
    main()
