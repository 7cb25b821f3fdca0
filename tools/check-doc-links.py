#!/usr/bin/env python3
"""Checks that every relative link in the repository's Markdown resolves: the file exists and, for
a link with #anchor into a Markdown file, a heading there makes that anchor (GitHub's rule:
lower case, punctuation dropped, spaces to hyphens). Links to other hosts are not fetched; links
in code (fenced blocks, `spans`) are not links.

    tools/check-doc-links.py            # README.md, docs/**/*.md, bench/README.md
    tools/check-doc-links.py FILE.md... # just these

Prints each broken link as FILE:LINE: TARGET and exits 1 when there is one, 0 otherwise.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)|!\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^\s*```")
CODE_SPAN = re.compile(r"`[^`]*`")


def anchors(markdown: Path) -> set:
    found, seen, fenced = set(), {}, False
    for line in markdown.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
        if fenced or not line.startswith("#"):
            continue
        text = line.lstrip("#").strip()
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        # A repeated heading gets -1, -2, ... as on GitHub.
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken(markdown: Path):
    fenced = False
    for number, line in enumerate(markdown.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        for match in LINK.finditer(CODE_SPAN.sub("", line)):
            target = match.group(1) or match.group(2)
            if re.match(r"^[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            file = (markdown.parent / path).resolve() if path else markdown
            if not file.exists():
                yield number, target
            elif anchor and file.suffix == ".md" and anchor not in anchors(file):
                yield number, target


def main(args):
    files = [Path(a).resolve() for a in args] or [ROOT / "README.md", ROOT / "bench" / "README.md",
                                                  *sorted((ROOT / "docs").rglob("*.md"))]
    bad = 0
    for file in files:
        for number, target in broken(file):
            print(f"{file.relative_to(ROOT)}:{number}: {target}")
            bad += 1
    print(f"{len(files)} files, {bad} broken links", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
