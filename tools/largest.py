#!/usr/bin/env python3
"""Prints the largest Java files of src/main/java (in lines) and the longest methods and
constructors (from the line of the name to the closing brace), with a summary line, so that a
note can compare the tree before and after a change.

    tools/largest.py                 # the working tree, top 10 of each
    tools/largest.py -n 5 6094f0e    # the tree at a commit, read with git (no checkout needed)
    tools/largest.py --summary REV   # just the summary line

Methods are found by a simple scan, not a parser: comments, strings, text blocks and character
literals are blanked out, braces are matched, and a brace opens a method when what stands before
it since the last ';', '{' or '}' ends in a name, its parameters in parentheses and an optional
throws clause, the name not being a keyword (if, for, catch, switch, ...). Lambdas, anonymous
classes and initialiser blocks count towards the method they stand in.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = "src/main/java"
NOT_METHODS = {"if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new", "else", "do",
               "throw", "case", "assert", "yield"}
TYPE = re.compile(r"\b(class|interface|enum|record)\s+(\w+)")
THROWS = re.compile(r"\)\s*throws\s+[\w.<>,\s]+$")
NAME_BEFORE = re.compile(r"(\w+)\s*$")
BIG_FILE = 300
LONG_METHOD = 50


def blanked(text: str) -> str:
    """The text with comments and literals replaced by spaces, newlines kept, so positions hold."""
    out, i, n = list(text), 0, len(text)

    def blank(start, end):
        for k in range(start, end):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif text.startswith('"""', i):
            end = text.find('"""', i + 3)
            while end > 0 and text[end - 1] == "\\":
                end = text.find('"""', end + 1)
            end = n if end < 0 else end + 3
        elif text[i] in "\"'":
            quote, end = text[i], i + 1
            while end < n and text[end] != quote and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            end = min(end + 1, n)
        else:
            i += 1
            continue
        blank(i, end)
        i = end
    return "".join(out)


def method_name(header: str):
    """The method's name and its offset in the header, when the header declares a method; else None."""
    stripped = header.rstrip()
    if "->" in stripped or "=" in stripped.split("(")[0]:
        return None
    throws = THROWS.search(stripped)
    if throws:
        stripped = stripped[:throws.start() + 1]
    if not stripped.endswith(")"):
        return None
    depth, k = 0, len(stripped) - 1
    while k >= 0:
        if stripped[k] == ")":
            depth += 1
        elif stripped[k] == "(":
            depth -= 1
            if depth == 0:
                break
        k -= 1
    if k < 0:
        return None
    name = NAME_BEFORE.search(stripped[:k])
    if not name or name.group(1) in NOT_METHODS or name.group(1)[0].isdigit():
        return None
    before = stripped[:name.start()].split()
    if before and before[-1] in ("new", "."):
        return None
    return name.group(1), name.start()


def methods(path: str, text: str):
    """(label, path, first line, lines) for every method and constructor of the file."""
    code = blanked(text)
    found, stack, boundary = [], [], 0
    for i, c in enumerate(code):
        if c == ";":
            boundary = i + 1
        elif c == "{":
            header = code[boundary:i]
            declared = TYPE.search(header)
            method = None if declared else method_name(header)
            if declared:
                stack.append(("type", declared.group(2), 0))
            elif method:
                stack.append(("method", method[0], boundary + method[1]))
            else:
                stack.append(("block", None, 0))
            boundary = i + 1
        elif c == "}":
            if stack:
                kind, name, start = stack.pop()
                if kind == "method" and not any(k == "method" for k, _, _ in stack):
                    owner = next((n for k, n, _ in reversed(stack) if k == "type"), Path(path).stem)
                    first = code.count("\n", 0, start) + 1
                    last = code.count("\n", 0, i) + 1
                    found.append((f"{owner}#{name}", path, first, last - first + 1))
            boundary = i + 1
    return found


def java_files(rev):
    """(path, text) of every Java file under src/main/java, in the working tree or at a commit."""
    if rev is None:
        for path in sorted((ROOT / SOURCES).rglob("*.java")):
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
        return
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", rev, "--", SOURCES],
                           capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        if name.endswith(".java"):
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{name}"],
                                  capture_output=True, text=True, check=True).stdout
            yield name, text


def main():
    parser = argparse.ArgumentParser(description="The largest Java files and the longest methods of src/main/java.")
    parser.add_argument("rev", nargs="?", help="a commit to read with git; the working tree when absent")
    parser.add_argument("-n", type=int, default=10, help="how many of each to list (default 10)")
    parser.add_argument("--summary", action="store_true", help="print only the summary line")
    args = parser.parse_args()

    files, all_methods = [], []
    for path, text in java_files(args.rev):
        files.append((text.count("\n") + (0 if text.endswith("\n") or not text else 1), path))
        all_methods.extend(methods(path, text))
    files.sort(reverse=True)
    all_methods.sort(key=lambda m: (-m[3], m[0]))

    where = args.rev or "working tree"
    summary = (f"{where}: {len(files)} files, {sum(n for n, _ in files)} lines; "
               f"{sum(1 for n, _ in files if n >= BIG_FILE)} files of {BIG_FILE}+ lines; "
               f"{len(all_methods)} methods, {sum(1 for m in all_methods if m[3] >= LONG_METHOD)} of {LONG_METHOD}+ lines")
    print(summary)
    if args.summary:
        return 0
    print(f"\nLargest files (lines)")
    for lines, path in files[:args.n]:
        print(f"{lines:6}  {path.removeprefix(SOURCES + '/')}")
    print(f"\nLongest methods (lines)")
    for label, path, first, lines in all_methods[:args.n]:
        print(f"{lines:6}  {label}  ({path.removeprefix(SOURCES + '/')}:{first})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
