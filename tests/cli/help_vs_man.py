#!/usr/bin/env python3
"""Compare each command's --help option list with its section of docs/precis.1.

Usage: help_vs_man.py PRECIS MANPAGE. For every command, the options that
`precis CMD --help` lists (long names and short aliases; --help itself aside)
must be exactly those named in the tag lines of the man page's "CMD OPTIONS"
section. Prints one line per command; on drift, what each side lacks, and
exits 1.
"""
import re
import subprocess
import sys

COMMANDS = ["summarize", "clean", "split", "meta", "rouge", "eval", "compare", "idf"]
HELP_LINE = re.compile(r"^\s+(?:-([A-Za-z0-9])(?:,\s*|\s+))?(?:--([a-z0-9][a-z0-9-]*))?")


def help_options(precis, cmd):
    out = subprocess.run([precis, cmd, "--help"], capture_output=True, text=True, check=True).stdout
    opts = set()
    for line in out.splitlines():
        if not line.lstrip().startswith("-"):
            continue
        m = HELP_LINE.match(line)
        if m.group(1):
            opts.add("-" + m.group(1))
        if m.group(2):
            opts.add("--" + m.group(2))
    opts.discard("-h")
    opts.discard("--help")
    return opts


def man_sections(path):
    """{command: set of options named in .TP tag lines of 'COMMAND OPTIONS'}."""
    sections, current, tag_next = {}, None, False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"^\.SH\s+([A-Z]+) OPTIONS\s*$", line)
        if m:
            current = m.group(1).lower()
            sections[current] = set()
            continue
        if line.startswith(".SH"):
            current = None
            continue
        if current is None:
            continue
        if line == ".TP":
            tag_next = True
            continue
        if tag_next:
            tag_next = False
            for name in re.findall(r"\\-\\-([a-z0-9][a-z0-9\\-]*)", line):
                sections[current].add("--" + name.replace("\\-", "-"))
            for short in re.findall(r"(?<![\\-])\\-([A-Za-z])(?![A-Za-z\\])", line):
                sections[current].add("-" + short)
    return sections


def main():
    precis, manpage = sys.argv[1], sys.argv[2]
    man = man_sections(manpage)
    drift = False
    for cmd in COMMANDS:
        have = help_options(precis, cmd)
        doc = man.get(cmd)
        if doc is None:
            print(f"{cmd}: no '{cmd.upper()} OPTIONS' section in {manpage}")
            drift = True
            continue
        if have == doc:
            print(f"{cmd}: {len(have)} options agree")
            continue
        drift = True
        if have - doc:
            print(f"{cmd}: in --help, not in the man page: {' '.join(sorted(have - doc))}")
        if doc - have:
            print(f"{cmd}: in the man page, not in --help: {' '.join(sorted(doc - have))}")
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
