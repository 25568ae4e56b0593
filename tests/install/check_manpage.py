#!/usr/bin/env python3
"""check_manpage.py - the man page tools/manpage made from docs/manual.md is a real one:
groff renders it without a warning, and nothing of the manual is lost on the way: every
section title and every `code` span of the manual (commands, flags, options, formats,
keys) is in the rendered text.

    check_manpage.py --manual docs/manual.md --page build/tmx.1
"""
import argparse
import re
import subprocess
import sys

# What groff's UTF-8 output draws for some ASCII characters, back to ASCII.
GLYPHS = {"\u2019": "'", "\u2018": "`", "\u2212": "-", "\u2010": "-", "\u02dc": "~",
          "\u02c6": "^", "\u201c": '"', "\u201d": '"', "\u00a0": " "}


def normalise(text):
    for glyph, ascii_ in GLYPHS.items():
        text = text.replace(glyph, ascii_)
    return re.sub(r"\s+", " ", text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manual", required=True)
    ap.add_argument("--page", required=True)
    opts = ap.parse_args()
    failures = []

    lint = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-Wbreak", "-z", opts.page],
                          capture_output=True, text=True)
    if lint.returncode != 0 or lint.stderr.strip():
        failures.append("groff warns about %s:\n%s" % (opts.page, lint.stderr))

    # One very long line per paragraph, so that no span is broken across lines.
    render = subprocess.run(["groff", "-man", "-Tutf8", "-rLL=5000n", "-P-c", "-P-b", "-P-u",
                             opts.page], capture_output=True, text=True)
    if render.returncode != 0:
        failures.append("groff failed: %s" % render.stderr)
    text = normalise(render.stdout)

    with open(opts.manual, encoding="utf-8") as f:
        manual = f.read()
    titles = re.findall(r"^##+ (.+)$", manual, re.M)
    for title in titles:
        plain = normalise(title.replace("`", ""))
        if plain not in text and plain.upper() not in text:
            failures.append("section missing: %s" % title)
    spans = set()
    for m in re.finditer(r"(`+)(.+?)\1", manual):
        span = m.group(2).strip() if m.group(1) == "``" else m.group(2)
        if span.strip():
            spans.add(normalise(span.replace("\\|", "|")).strip())
    missing = sorted(s for s in spans if s not in text)
    for s in missing[:20]:
        failures.append("not in the page: `%s`" % s)
    if len(missing) > 20:
        failures.append("... and %d more" % (len(missing) - 20))
    if len(spans) < 500:
        failures.append("only %d code spans in the manual: wrong file?" % len(spans))

    if failures:
        print("\n".join(failures))
        return 1
    print("man page: %d sections and %d code spans of the manual, no groff warning"
          % (len(titles), len(spans)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
