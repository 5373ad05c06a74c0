#!/usr/bin/env python3
"""Time from saving one entry file to `guide serve` serving the rebuilt page.

Starts `guide serve --port 0` in a generated guide, then repeatedly edits the
title of one entry (a different entry each time, so caches cannot help) and
measures two moments: when its English page is served with the new title,
and when the whole rebuild is done (the preview's version changes, which is
when open pages reload). Prints medians and spreads. Not a test: results go
to docs/benchmarks.md with the command.

usage: Benchmarks/edit_to_served.py GUIDE_BINARY GUIDE_FOLDER [--edits N] [--templates DIR]
"""
import argparse
import pathlib
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--templates")
    arguments = parser.parse_args()
    folder, edits = arguments.folder, arguments.edits
    # The server runs in the guide's folder: paths given relative to here are resolved first.
    command = [str(pathlib.Path(arguments.binary).resolve()), "serve", "--port", "0"]
    if arguments.templates:
        command += ["--templates", str(pathlib.Path(arguments.templates).resolve())]
    server = subprocess.Popen(command, cwd=folder,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = None
        while base is None:
            line = server.stdout.readline()
            if not line:
                sys.exit("guide serve stopped: " + server.stderr.read())
            match = re.search(r"http://127\.0\.0\.1:[0-9]+/", line)
            if match:
                base = match.group(0)
        files = sorted((folder / "Content" / "indicators").glob("*.en.md"))[:edits]
        times, finished = [], []
        for number, path in enumerate(files):
            entry = path.name[: -len(".en.md")]
            url = f"{base}en/indicators/{entry}/index.html"
            fetch(url)
            version = fetch(base + "_guide/version")
            text = path.read_text(encoding="utf-8")
            marker = f"Edited for timing {number}"
            edited = re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M)
            start = time.perf_counter()
            path.write_text(edited, encoding="utf-8")
            while marker not in fetch(url):
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
            while fetch(base + "_guide/version") == version:
                time.sleep(0.002)
            finished.append((time.perf_counter() - start) * 1000)
            edited_version = fetch(base + "_guide/version")
            path.write_text(text, encoding="utf-8")  # put it back, and wait for that rebuild
            while fetch(base + "_guide/version") == edited_version:
                time.sleep(0.01)
        for name, values in (("edit -> edited page served", times), ("edit -> rebuild done, pages reload", finished)):
            values.sort()
            print(f"{name}, {len(values)} edits: median {statistics.median(values):.0f} ms, "
                  f"min {values[0]:.0f} ms, max {values[-1]:.0f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
