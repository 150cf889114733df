#!/bin/sh
# Grouping quality of `precis compare` on the hand-labelled set
# eval/compare/labelled.jsonl (63 short French and English articles about
# 30 events, near misses included). Prints a Markdown section with BCubed
# precision, recall and F1 (Bagga & Baldwin 1998), with the publication
# dates given and with all of them removed (the texts' own dates only).
# Usage: compare_eval.sh PRECIS
set -eu
PRECIS=$1
cd "$(dirname "$0")/.."
SET=eval/compare/labelled.jsonl
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
bcubed() { # bcubed REPORT.json LABEL
python3 - "$SET" "$1" "$2" <<'PY'
import json, sys
gold = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    gold[r["id"]] = r["event"]
rep = json.load(open(sys.argv[2], encoding="utf-8"))
pred = {}
for k, s in enumerate(rep["stories"]):
    for a in s["articles"]:
        pred[a] = k
ids = sorted(gold)
p = r = 0.0
for i in ids:
    same_pred = [j for j in ids if pred[j] == pred[i]]
    same_gold = [j for j in ids if gold[j] == gold[i]]
    both = [j for j in same_pred if gold[j] == gold[i]]
    p += len(both) / len(same_pred)
    r += len(both) / len(same_gold)
p /= len(ids); r /= len(ids)
f = 2 * p * r / (p + r) if p + r else 0
print(f"| {sys.argv[3]} | {len(ids)} | {len(set(gold.values()))} | {len(rep['stories'])} | {p:.3f} | {r:.3f} | {f:.3f} |")
PY
}
echo
echo "## Story grouping (\`precis compare\`)"
echo
n=$(wc -l < "$SET")
events=$(python3 -c "import json,sys; print(len({json.loads(l)['event'] for l in open(sys.argv[1], encoding='utf-8')}))" "$SET")
echo "Hand-labelled set \`eval/compare/labelled.jsonl\`: $n short articles in French and English"
echo "about $events events (one to four outlets each, some articles undated), with near misses: the"
echo "same two leaders meeting in 2019, 2023 and 2024; two successive Fed rate hikes; verdict and"
echo "sentence in two trials; two French presidential elections; Notre-Dame burning (2019) and"
echo "reopening (2024); the opening and closing of the Paris Olympics; Truss resigning and Sunak"
echo "taking over five days later; the pension reform forced through and then validated."
echo "BCubed precision, recall and F1 of the stories:"
echo
echo "| setting | articles | events | stories | BCubed P | BCubed R | BCubed F1 |"
echo "|---|---|---|---|---|---|---|"
"$PRECIS" compare --jsonl "$SET" --format json -o "$TMP/with-dates.json"
bcubed "$TMP/with-dates.json" "with publication dates"
python3 -c "
import json,sys
for l in open('$SET', encoding='utf-8'):
    r = json.loads(l); r.pop('date', None); print(json.dumps(r, ensure_ascii=False))" > "$TMP/nodate.jsonl"
"$PRECIS" compare --jsonl "$TMP/nodate.jsonl" --format json -o "$TMP/no-dates.json"
bcubed "$TMP/no-dates.json" "without publication dates"
echo
echo "Regenerate: \`sh eval/compare_eval.sh build/precis\`."
