#!/bin/sh
# Scaling of `precis meta` (part of `make bench`) on generated pathological
# text, 1x, 4x and 16x: distinct person names (every sentence a new person,
# each quoted), and one sentence with a quote, a speaker, a place and two
# dates repeated. Every matcher in meta is meant to be linear; a quadratic
# scan shows as an exponent near 2 (256x the time for 16x the text), far
# from noise. CPU time, best of 3. Prints Markdown. Needs no data.
set -eu
PRECIS=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$TMP" <<'PY'
import sys
tmp = sys.argv[1]
def name(i):
    return "Nom" + chr(65 + i % 26) + "".join(chr(97 + i // 26 ** k % 26) for k in range(1, 4))
for n in (5000, 20000, 80000):
    with open(f"{tmp}/names-{n}.txt", "w", encoding="utf-8") as f:
        f.write("".join(f"Jean {name(i)} a dit « oui oui oui ». " for i in range(n)))
    with open(f"{tmp}/repeat-{n}.txt", "w", encoding="utf-8") as f:
        f.write("« Nous irons à Paris demain », a déclaré Jean Dupont mardi 23 avril. " * n)
PY
cpu() { # best user+system seconds of 3 runs of CMD...
	best=""
	for _ in 1 2 3; do
		/usr/bin/time -f "%U %S" -o "$TMP/t" "$@" > /dev/null 2>&1 || true
		t=$(awk '{ printf "%.3f", $1 + $2 }' "$TMP/t")
		best=$(echo "$best $t" | tr ' ' '\n' | grep . | sort -n | head -1)
	done
	echo "$best"
}
fit() { # fit "x1 y1;x2 y2;..." -> slope of log y on log x
	python3 -c "
import math,sys
pts=[tuple(map(float,p.split())) for p in sys.argv[1].strip(';').split(';')]
pts=[(math.log(x),math.log(max(y,1e-3))) for x,y in pts]
n=len(pts); mx=sum(p[0] for p in pts)/n; my=sum(p[1] for p in pts)/n
print('%.2f' % (sum((x-mx)*(y-my) for x,y in pts)/sum((x-mx)**2 for x,y in pts)))" "$1"
}
echo "## Scaling of metadata extraction"
echo
echo "\`precis meta --lang fr --date 2024-06-17\` on generated text, CPU seconds (best of 3):"
echo
echo "| input | sentences | bytes | CPU (s) |"
echo "|---|---|---|---|"
for kind in names repeat; do
	pts=""
	for n in 5000 20000 80000; do
		f="$TMP/$kind-$n.txt"
		t=$(cpu "$PRECIS" meta --lang fr --date 2024-06-17 "$f")
		echo "| $kind | $n | $(wc -c < "$f") | $t |"
		pts="$pts$n $t;"
	done
	eval "exp_$kind=\$(fit \"\$pts\")"
done
echo
verdict() { awk -v e="$1" 'BEGIN { print (e > 1.3 ? "SUPERLINEAR: look for a scan inside a scan" : "linear") }'; }
echo "Fitted exponents (1 = linear, 2 = quadratic): distinct names **$exp_names** ($(verdict "$exp_names")),"
echo "one sentence repeated **$exp_repeat** ($(verdict "$exp_repeat"))."
echo
