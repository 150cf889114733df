#!/usr/bin/env python3
"""Markdown tables from score.py results.

usage: table.py SNIPPET_SCORES SHINGLE_SCORES SPEEDS
  *_SCORES: lines "TOOL<TAB>score.py json"; SPEEDS: lines "TOOL<TAB>pages<TAB>seconds"
"""
import json, sys


def load(path):
    res = {}
    for line in open(path, encoding="utf-8"):
        tool, js = line.rstrip("\n").split("\t", 1)
        res[tool] = json.loads(js)["groups"]
    return res


def table(res, langs, title):
    tools = list(res)
    print("| %s | all: F1 (P / R) | %s |" % (title, " | ".join(langs)))
    print("|---|---|" + "---:|" * len(langs))
    for t in tools:
        g = res[t]
        a = g["all"]
        cells = ["%.3f" % g[l]["f1"] if l in g else "" for l in langs]
        print("| %s | **%.3f** (%.3f / %.3f) | %s |" % (t, a["f1"], a["p"], a["r"], " | ".join(cells)))
    n = res[tools[0]]
    print("| pages | %d | %s |" % (n["all"]["n"], " | ".join(str(n[l]["n"]) if l in n else "" for l in langs)))


snip, shing = load(sys.argv[1]), load(sys.argv[2])
speeds = {}
for line in open(sys.argv[3]):
    tool, pages, times = line.rstrip("\n").split("\t")
    wall, user, system = (float(x) for x in times.split())
    speeds.setdefault(tool, []).append((int(pages), wall, user + system))
print("### Snippets (trafilatura_eval: must-keep / must-drop snippets, F1 over the corpus)\n")
table(snip, ["de", "en", "es", "fr", "pl"], "tool")
print("\n### Shingles (daniel_dev: full gold text, word 4-gram shingles, macro P/R)\n")
table(shing, ["zh", "pl", "el", "en", "ru"], "tool")
print("\n### Speed (one process over both sets; CPU = user + system seconds, the fairer figure on")
print("a shared machine)\n")
print("| tool | pages | wall s | CPU s | pages/s (wall) | pages/s (CPU) |")
print("|---|---:|---:|---:|---:|---:|")
for t, runs in speeds.items():
    p = sum(r[0] for r in runs)
    w = sum(r[1] for r in runs)
    c = sum(r[2] for r in runs)
    print("| %s | %d | %.1f | %.1f | %.1f | %.1f |" % (t, p, w, c, p / w if w else 0.0, p / c if c else 0.0))
