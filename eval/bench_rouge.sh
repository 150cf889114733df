#!/bin/sh
# ROUGE speed (part of `make bench`): 1,500 pairs, OrangeSum validation lead-3
# against the abstract, as `precis rouge --jsonl`. Prints Markdown.
set -eu
PRECIS=$1
DATA=../shared/data/orangesum/valid.jsonl
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[ -f "$DATA" ] || { echo "(ROUGE speed: OrangeSum data not found, skipped)"; exit 0; }
python3 - "$DATA" "$TMP/pairs.jsonl" <<'PY'
import json, re, sys
split = re.compile(r'(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«"“0-9])')
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        out.write(json.dumps({"id": r["id"], "candidate": "\n".join(split.split(r["article"])[:3]),
                              "references": [r["abstract"]]}, ensure_ascii=False) + "\n")
PY
echo "## ROUGE speed"
echo
echo "1,500 pairs (OrangeSum validation, lead-3 against the abstract), one process, best of 3:"
echo
echo "| command | time (s) | per pair (µs) |"
echo "|---|---|---|"
for args in "--compat rouge155 --stem" "--compat rouge155" "--compat rouge-score --stem" "--compat unicode --stem"; do
	best=
	for _ in 1 2 3; do
		/usr/bin/time -f "%e" -o "$TMP/t" sh -c "'$PRECIS' rouge $args --jsonl '$TMP/pairs.jsonl' > /dev/null"
		t=$(cat "$TMP/t")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	echo "| \`precis rouge $args --jsonl\` | $best | $(echo "$best * 1000000 / 1500" | bc) |"
done
echo
echo "These times include starting the process and reading and writing JSONL. Against rouge-score"
echo "(a pure-Python stand-in: Google's package is not installable here), in one Python process:"
echo "the Python package section below."
echo
