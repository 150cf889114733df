"""Replace the section between NAME's markers in a Markdown file, or append it.

Usage: python3 eval/put_section.py FILE NAME SECTION_FILE
The section file holds the whole section, markers included
(<!-- NAME:begin ... --> ... <!-- NAME:end -->); the rest of FILE is left alone.
"""
import re
import sys

out, name, section = sys.argv[1], sys.argv[2], sys.argv[3]
sec = open(section, encoding="utf-8").read()
try:
    cur = open(out, encoding="utf-8").read()
except FileNotFoundError:
    cur = ""
pat = re.compile(r"<!-- " + re.escape(name) + r":begin.*?<!-- " + re.escape(name) + r":end -->\n?", re.S)
new = pat.sub(lambda m: sec, cur) if pat.search(cur) else cur.rstrip("\n") + "\n\n" + sec
open(out, "w", encoding="utf-8").write(new)
