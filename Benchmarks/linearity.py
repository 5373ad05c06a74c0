#!/usr/bin/env python3
"""Check time against content size, construct by construct.

Not a test (timings are never asserted): it prints, for each Markdown or YAML
shape an editor (or a fuzzer) can write, the time `guide check` takes on the
sample guide with one file grown to 1, 2, 4 and 8 units of that shape, and the
growth per doubling. Linear work doubles (about 2x); quadratic work
quadruples. Results are recorded in docs/benchmarks.md with this command:

    python3 Benchmarks/linearity.py .build/release/guide [--runs R] [--only SHAPE]

Sizes stay under the 1 MB file limit.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRONT = """---
title: Consent
summary: Consent obtained by deception or coercion is not consent.
status: published
---
"""


def body(kind, n):
    """The Markdown body (or front matter) holding n units of one construct."""
    if kind == "links to missing entries, one line":
        return " ".join(f"[x](indicators/missing-{i})" for i in range(n)) + "\n"
    if kind == "links to missing entries, one per line":
        return "\n".join(f"[x](indicators/missing-{i})" for i in range(n)) + "\n"
    if kind == "valid links":
        return " ".join("[x](indicators/holds-no-documents)" for _ in range(n)) + "\n"
    if kind == "links to sections":
        return " ".join(f"[x](concepts/consent#s{i})" for i in range(n)) + "\n"
    if kind == "nested lists":
        # Depth cycles up to 64 and back, so the size grows linearly with n.
        return "".join("  " * (i % 64) + "- item\n" for i in range(n))
    if kind == "nested block quotes":
        return "> " * n + "deep\n"
    if kind == "unclosed emphasis runs":
        return "*a **b " * n + "\n"
    if kind == "backtick runs":
        return "".join("`" * (i % 50 + 1) + "x " for i in range(n)) + "\n"
    if kind == "wide table":
        head = "|" + "|".join(f"c{i}" for i in range(n)) + "|\n"
        rule = "|" + "|".join("-" for _ in range(n)) + "|\n"
        row = "|" + "|".join("v" for _ in range(n)) + "|\n"
        return head + rule + row * 3
    if kind == "long table":
        return "|a|b|\n|-|-|\n" + "|x|y|\n" * n
    if kind == "long line":
        return "word " * n + "\n"
    if kind == "headings with ids":
        return "".join(f"## Heading {i} {{#h{i}}}\n\ntext\n\n" for i in range(n))
    if kind == "images":
        return " ".join(f"![alt {i}](media/missing-{i}.svg)" for i in range(n)) + "\n"
    if kind == "raw HTML":
        return "<b>x</b> " * n + "\n"
    if kind == "autolinks":
        return " ".join(f"https://example.org/{i}" for i in range(n)) + "\n"
    raise ValueError(kind)


FRONT_MATTER_KINDS = {
    "front-matter list": lambda n: FRONT.replace("status: published\n", "status: published\ntags: [" +
                                                 ", ".join(f"t{i}" for i in range(n)) + "]\n") + "text\n",
    "flow sequence nesting": lambda n: FRONT.replace("status: published\n", "status: published\ntags: " +
                                                     "[" * n + "]" * n + "\n") + "text\n",
}

# Base sizes are chosen so that 8 units stay under the 1 MB file limit and
# take long enough to measure; the wide table is kept small (see below).
KINDS = [
    ("links to missing entries, one line", 1000),
    ("links to missing entries, one per line", 1000),
    ("valid links", 3000),
    ("links to sections", 2000),
    ("nested lists", 1500),
    ("nested block quotes", 16000),
    ("unclosed emphasis runs", 16000),
    ("backtick runs", 4000),
    # cmark-gfm appends table cells by walking a linked list: quadratic in the library.
    ("wide table", 500),
    ("long table", 20000),
    ("long line", 24000),
    ("headings with ids", 3500),
    ("images", 3000),
    ("raw HTML", 12000),
    ("autolinks", 4000),
    ("front-matter list", 15000),
    ("flow sequence nesting", 50000),
]


def timed(guide, content, runs):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([guide, "check", "--content", content, "--format", "json"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("guide", help="the guide binary (a release build)")
    parser.add_argument("--runs", type=int, default=5, help="runs per size (the fastest counts)")
    parser.add_argument("--only", help="run only kinds whose name contains this")
    args = parser.parse_args()
    guide = os.path.abspath(args.guide)
    work = tempfile.mkdtemp(prefix="guide-linearity-")
    content = os.path.join(work, "Content")
    shutil.copytree(os.path.join(REPO, "Content"), content)
    target = os.path.join(content, "concepts", "consent.en.md")
    empty = FRONT + "text\n"
    with open(target, "w") as f:
        f.write(empty)
    baseline = timed(guide, content, args.runs * 3)
    print(f"guide check on the sample guide with a small file: {baseline:.3f} s (subtracted below)")
    print(f"{'construct':<40} {'units':>8} {'bytes':>9} {'time':>8}  growth per doubling")
    worst = 0.0
    for kind, base in KINDS:
        if args.only and args.only not in kind:
            continue
        previous = None
        times = []
        for factor in (1, 2, 4, 8):
            n = base * factor
            text = FRONT_MATTER_KINDS[kind](n) if kind in FRONT_MATTER_KINDS else FRONT + body(kind, n)
            with open(target, "w") as f:
                f.write(text)
            elapsed = max(timed(guide, content, args.runs) - baseline, 0.001)
            times.append(elapsed)
            growth = "" if previous is None else f"{elapsed / previous:.2f}x"
            print(f"{kind:<40} {n:>8} {len(text.encode()):>9} {elapsed:>7.3f}s  {growth}")
            previous = elapsed
        # One step is noisy (tens of ms of process start-up jitter); the growth
        # from 2 to 8 units, per doubling, is not, once the work is measurable.
        if times[1] >= 0.05:
            overall = (times[3] / times[1]) ** 0.5
            worst = max(worst, overall)
            print(f"{kind:<40} from 2 to 8 units: {overall:.2f}x per doubling")
    with open(target, "w") as f:
        f.write(empty)
    shutil.rmtree(work)
    print(f"largest growth per doubling from 2 to 8 units (where 2 units took over 50 ms): {worst:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
