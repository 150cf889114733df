#!/bin/sh
# Scaling (part of `make bench`): time and peak RSS of one document of 1 kB
# to 10 MB, and of JSONL streams of 1k to 100k records, with the fitted
# growth exponent (slope of log time against log size). Prints Markdown.
set -eu
PRECIS=$1
DATA=../shared/data/orangesum/valid.jsonl
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -f "$DATA" ] || { echo "(scaling: OrangeSum data not found, skipped)"; exit 0; }
python3 - "$DATA" "$TMP" <<'PY'
import json, sys
data, tmp = sys.argv[1], sys.argv[2]
arts = [json.loads(l) for l in open(data, encoding="utf-8")]
text = "\n\n".join(a["article"] for a in arts)
while len(text.encode()) < 10 * 1024 * 1024:
    text += "\n\n" + text
b = text.encode()
for name, size in (("1k", 1 << 10), ("10k", 10 << 10), ("100k", 100 << 10), ("1M", 1 << 20), ("10M", 10 << 20)):
    cut = b[:size].decode("utf-8", "ignore")
    open(f"{tmp}/doc-{name}.txt", "w", encoding="utf-8").write(cut)
recs = [json.dumps({"id": f"{i}", "text": arts[i % len(arts)]["article"], "title": arts[i % len(arts)]["title"]},
                   ensure_ascii=False) for i in range(100000)]
for n in (1000, 10000, 100000):
    open(f"{tmp}/rec-{n}.jsonl", "w", encoding="utf-8").write("\n".join(recs[:n]) + "\n")
PY
measure() { # measure CMD... -> "seconds kilobytes"
	/usr/bin/time -f "%e %M" -o "$TMP/t" "$@" > /dev/null 2>&1 || true
	cat "$TMP/t"
}
fit() { # fit "x1 y1;x2 y2;..." -> slope of log y on log x
	python3 -c "
import math,sys
pts=[tuple(map(float,p.split())) for p in sys.argv[1].strip(';').split(';')]
pts=[(math.log(x),math.log(max(y,1e-3))) for x,y in pts]
n=len(pts); mx=sum(p[0] for p in pts)/n; my=sum(p[1] for p in pts)/n
print('%.2f' % (sum((x-mx)*(y-my) for x,y in pts)/sum((x-mx)**2 for x,y in pts)))" "$1"
}
echo "## Scaling"
echo
echo "One document (\`precis summarize --lang fr\`), sizes cut from concatenated OrangeSum articles:"
echo
echo "| input | bytes | time (s) | peak RSS (MB) |"
echo "|---|---|---|---|"
pts=""
for name in 1k 10k 100k 1M 10M; do
	f="$TMP/doc-$name.txt"
	bytes=$(wc -c < "$f")
	set -- $(measure "$PRECIS" summarize --lang fr "$f")
	echo "| $name | $bytes | $1 | $(echo "$2 / 1024" | bc) |"
	[ "$name" = 1k ] || pts="$pts$bytes $1;"
done
echo
echo "Fitted exponent of time against size (10 kB to 10 MB): **$(fit "$pts")** (1 = linear)."
echo
echo "JSONL streams (\`precis summarize --jsonl\`, one thread):"
echo
echo "| records | time (s) | peak RSS (MB) |"
echo "|---|---|---|"
pts=""
for n in 1000 10000 100000; do
	set -- $(measure sh -c "'$PRECIS' summarize --jsonl < '$TMP/rec-$n.jsonl'")
	echo "| $n | $1 | $(echo "$2 / 1024" | bc) |"
	pts="$pts$n $1;"
	[ $n = 1000 ] && rss1=$2
	[ $n = 100000 ] && rss100=$2
done
echo
echo "Fitted exponent: **$(fit "$pts")**. Peak memory, 100k records over 1k records:"
echo "**$(echo "scale=2; $rss100 / $rss1" | bc)x** (one record in flight with one thread; the rest is the analyzer's bounded stem cache filling up)."
echo
