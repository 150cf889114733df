#!/usr/bin/env python3
"""Score extractor outputs against ../shared/data/html gold (the README's two metrics).

usage: score.py GOLD.jsonl.gz OUTPUT.jsonl   (output lines: {"id","text"})
prints one JSON line: {"metric", "all": {...}, "per_lang": {lang: {...}}}
"""
import collections, gzip, json, re, sys

WS = re.compile(r"\s+")
WORD = re.compile(r"\w+")


def norm(s):
    return WS.sub(" ", s or "").strip()


def shingles(text):
    toks = WORD.findall(text or "")
    if len(toks) < 4:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def snippet_counts(out, rec):
    o = norm(out)
    tp = sum(1 for s in rec["with"] if norm(s) in o)
    fn = len(rec["with"]) - tp
    fp = sum(1 for s in rec["without"] if norm(s) in o)
    return tp, fp, fn


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    gold = [json.loads(l) for l in gzip.open(sys.argv[1], "rt", encoding="utf-8")]
    out = {}
    for l in open(sys.argv[2], encoding="utf-8"):
        d = json.loads(l)
        if "id" in d:
            out[d["id"]] = d.get("text") or ""
    snippets = "with" in gold[0]
    groups = collections.defaultdict(list)
    for g in gold:
        groups["all"].append(g)
        groups[g.get("lang") or "und"].append(g)
    res = {}
    for name, recs in groups.items():
        if snippets:
            tp = fp = fn = 0
            for g in recs:
                a, b, c = snippet_counts(out.get(g["id"], ""), g)
                tp, fp, fn = tp + a, fp + b, fn + c
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            res[name] = {"n": len(recs), "p": p, "r": r, "f1": 2 * tp / (2 * tp + fp + fn)}
        else:
            ps, rs = [], []
            for g in recs:
                o, gs = shingles(out.get(g["id"], "")), shingles(g["text"])
                tp = sum((o & gs).values())
                if sum(o.values()):
                    ps.append(tp / sum(o.values()))
                rs.append(tp / sum(gs.values()) if sum(gs.values()) else 0.0)
            p = sum(ps) / len(ps) if ps else 0.0
            r = sum(rs) / len(rs) if rs else 0.0
            res[name] = {"n": len(recs), "p": p, "r": r, "f1": f1(p, r)}
    print(json.dumps({"metric": "snippets" if snippets else "shingles", "groups": res}))


main()
