#!/bin/sh
# Story grouping at scale: one `precis compare --jsonl` run over a synthetic
# feed of 10,000 records, timed, with peak memory, and checked that every
# record comes back (in a story, or under errors). The feed mixes the
# grouping development parts, OrangeSum, CNN/DailyMail and BBC articles
# (../shared/data, or $PRECIS_SHARED_DATA) with one-line headline records
# made from their titles and abstracts, as real feeds carry. Prints a
# Markdown section for eval/BENCH.md. Usage: grouping_scale.sh PRECIS [N]
#
# grouping_scale.sh PRECIS --window DAYS N...: the streaming mode instead.
# For each N, a time-ordered stream of N records (the same mix, cycled with
# suffixed ids, 100 records a day, every 50th undated) through
# `precis compare --jsonl --window DAYS`: peak memory must stay flat as N
# grows, and every record must come back in exactly one line.
set -eu
PRECIS=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ "${2:-}" = "--window" ]; then
	WINDOW=$3
	shift 3
	SIZES=$*
	N=0
	for n in $SIZES; do [ "$n" -gt "$N" ] && N=$n; done
else
	WINDOW=
	N=${2:-10000}
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${PRECIS_SHARED_DATA:-$ROOT/../shared/data}
[ -d "$SHARED" ] || SHARED=$ROOT/../../shared/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ ! -d "$SHARED/grouping" ]; then
	echo "grouping_scale: $SHARED/grouping not found; skipped" >&2
	exit 0
fi
python3 - "$SHARED" "$N" > "$TMP/feed.jsonl" <<'PY'
import json, os, sys
shared, n = sys.argv[1], int(sys.argv[2])
full, lines = [], []
for f in ("allsides_dev", "basil_dev", "ecbplus_dev"):
    for l in open(os.path.join(shared, "grouping", f + ".jsonl"), encoding="utf-8"):
        r = json.loads(l)
        r.pop("story", None)
        full.append({k: v for k, v in r.items() if v is not None})
for d, text in (("orangesum", "article"), ("cnndm_val", "article"), ("bbc_news_summary", "article")):
    p = os.path.join(shared, d, "valid.jsonl")
    if not os.path.exists(p):
        continue
    for k, l in enumerate(open(p, encoding="utf-8")):
        r = json.loads(l)
        rec = {"id": "%s-%d" % (d, k), "text": r[text]}
        if r.get("title"):
            rec["title"] = r["title"]
        full.append(rec)
        head = r.get("title") or r["abstract"].split("\n")[0]
        lines.append({"id": "%s-line-%d" % (d, k), "text": head.rstrip(". ")})
out = full[:n]
k = 0
while len(out) < n and lines:  # one-line records, cycled with a suffix when short
    r = dict(lines[k % len(lines)])
    if k >= len(lines):
        r["id"] += "-%d" % (k // len(lines))
    out.append(r)
    k += 1
for r in out:
    print(json.dumps(r, ensure_ascii=False))
PY
if [ -n "$WINDOW" ]; then
	echo "\n## Streaming story grouping (\`precis compare --jsonl --window $WINDOW\`, one thread)\n"
	echo "| records | days | story lines | error lines | lost | CPU (s) | elapsed (s) | peak memory (MB) |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
	for n in $SIZES; do
		python3 - "$TMP/feed.jsonl" "$n" > "$TMP/stream.jsonl" <<'PY'
import datetime, json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n, day0 = int(sys.argv[2]), datetime.date(2020, 1, 1)
for k in range(n):
    r = dict(recs[k % len(recs)])
    if k >= len(recs):
        r["id"] = "%s~%d" % (r["id"], k // len(recs))
    r.pop("date", None)
    if k % 50:  # every 50th record undated: placed at the record before
        r["date"] = (day0 + datetime.timedelta(days=k // 100)).isoformat()
    print(json.dumps(r, ensure_ascii=False))
PY
		/usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$PRECIS" compare --jsonl \
			--window "$WINDOW" -j 1 -o "$TMP/stream.out" "$TMP/stream.jsonl" 2> /dev/null || true
		read -r secs user sys kb < "$TMP/time"
		cpu=$(echo "$user + $sys" | bc)
		python3 - "$TMP/stream.jsonl" "$TMP/stream.out" "$n" "$cpu" "$secs" "$kb" <<'PY'
import json, sys
feed, out, n, cpu, secs, kb = sys.argv[1:]
ids = [json.loads(l)["id"] for l in open(feed, encoding="utf-8")]
seen, stories, errors = [], 0, 0
for l in open(out, encoding="utf-8"):
    o = json.loads(l)
    if "error" in o:
        errors += 1
        seen.append(o["id"])
    else:
        stories += 1
        seen += o["articles"]
lost = len(set(ids) - set(seen)) + (len(seen) - len(set(seen)))
print("| %s | %d | %d | %d | %d | %s | %s | %.0f |" % (n, int(n) // 100, stories, errors, lost,
      cpu, secs, int(kb) / 1024))
PY
	done
	echo "\nlost: records in no line, plus records in more than one. Regenerate:"
	echo "\`sh eval/grouping_scale.sh build/precis --window $WINDOW $SIZES\`."
	exit 0
fi
full=$(grep -vc -- '-line-' "$TMP/feed.jsonl" || true)
total=$(wc -l < "$TMP/feed.jsonl")
/usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$PRECIS" compare --jsonl "$TMP/feed.jsonl" \
	--format json -j 1 -o "$TMP/report.json" 2> "$TMP/stderr" || true
read -r secs user sys kb < "$TMP/time"
cpu=$(echo "$user + $sys" | bc)
python3 - "$TMP/feed.jsonl" "$TMP/report.json" "$secs" "$kb" "$total" "$full" "$cpu" <<'PY'
import json, sys
feed, rep, secs, kb, total, full, cpu = sys.argv[1:]
ids = [json.loads(l)["id"] for l in open(feed, encoding="utf-8")]
r = json.load(open(rep, encoding="utf-8"))
seen = [a for s in r["stories"] for a in s["articles"]] + [e["id"] for e in r.get("errors", [])]
problems = sum(1 for a in r["articles"] if a.get("problem"))
lost = len(set(ids) - set(seen))
print("\n## Story grouping at scale (`precis compare --jsonl`, one process, one thread)\n")
print("| records | full articles | one-line records | stories | with a problem | lost | CPU (s) | elapsed (s) | peak memory (MB) |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print("| %s | %s | %d | %d | %d | %d | %s | %s | %.0f |" % (total, full, int(total) - int(full),
      len(r["stories"]), problems, lost, cpu, secs, int(kb) / 1024))
print("\nElapsed time is on a shared 2-core machine; CPU time is the process's own.")
print("\nRegenerate: `sh eval/grouping_scale.sh build/precis` (feed synthesized from ../shared/data).")
PY
