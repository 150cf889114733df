#!/bin/sh
# The HTML comparison report in headless Chromium. Static checks on the
# page (no script, no loaded resource, headlines linked only to http(s)
# URLs), then layout checks at 1280 and 390 px: tests/html/probe.js,
# injected into a copy of each report, measures the page and writes one
# line per check, read back from --dump-dom. Reports: the seeds
# (examples/), tests/data/journal (8 articles, 3 stories, FR+EN), the
# journal with tests/data/journal-wide (5+ outlets in one story, outlets
# in two stories) and a JSONL file with urls. Without Chromium the layout
# checks are skipped with a message. Ends with "N passed, N failed".
# SHOTS=DIR also keeps the journal report's screenshots at both widths.
PRECIS=$1
OUT=${2:-build/html}
cd "$(dirname "$0")/../.." || exit 2
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

report() { # name, then compare's arguments
	name=$1
	shift
	"$PRECIS" compare --format html -o "$OUT/$name.html" "$@" && ok || ko "compare $name"
	grep -qi "<script" "$OUT/$name.html" && ko "$name: page has a script" || ok
	# Only links may point outside; nothing is loaded (src=, <link>, url()).
	grep -Eqi "src=\"[a-z]+:|<link |url\(" "$OUT/$name.html" && ko "$name: page loads a resource" || ok
	grep -q "<svg" "$OUT/$name.html" && ok || ko "$name: no SVG heatmap"
}
report seeds examples/
for s in "Story 1" "Atlantico" "Le Placentin" "Reused copy"; do
	grep -q "$s" "$OUT/seeds.html" && ok || ko "seeds: missing: $s"
done
report journal tests/data/journal/
report wide tests/data/journal/*.txt tests/data/journal-wide/*.txt
report links --jsonl tests/html/links.jsonl

# Links: http(s) urls only, escaped, rel="noopener"; a javascript: url stays text.
l=$OUT/links.html
grep -q '<a href="https://example.org/apple?id=1&amp;lang=fr" rel="noopener"' "$l" && ok ||
	ko "links: escaped https headline link"
grep -qi 'href="javascript' "$l" && ko "links: javascript: url linked" || ok
grep -q 'href="[^"]*[<> ]' "$l" && ko "links: raw character in a url" || ok
# Jargon in a tooltip or note, plain words in the labels.
grep -q '<th[^>]*>ROUGE' "$OUT/journal.html" && ko "journal: ROUGE as a column label" || ok
grep -q 'title="[^"]*ROUGE-1' "$OUT/journal.html" && ok || ko "journal: metric not named in a tooltip"

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
	echo "SKIP layout checks: chromium is not installed (make deps-html installs it)"
	echo "html: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi
chrome() { # window width and height, then chromium's arguments
	cw=$1
	ch=$2
	shift 2
	profile=$(mktemp -d)
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$profile" --window-size="$cw,$ch" "$@" 2>> "$OUT/chromium.log"
	rm -rf "$profile"
}
# Headless Chromium keeps windows at least 500 px wide, so the report
# runs in an iframe of the tested width (srcdoc: same origin as the host,
# which --dump-dom prints with the probe's lines).
host() { # report name, width, probe script or /dev/null
	{ printf '<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0;width:%spx;height:100vh" srcdoc="' "$2"
	  { sed 's|</body></html>||' "$OUT/$1.html"; printf '<script>\n'; cat "$3"
	    printf '</script></body></html>\n'; } | sed 's/&/\&amp;/g; s/"/\&quot;/g'
	  printf '"></iframe></body></html>\n'; } > "$OUT/$1-host-$2.html"
}
for name in journal wide links; do
	for w in 1280 390; do
		host "$name" "$w" tests/html/probe.js
		chrome 1400 900 --dump-dom "file://$OUT/$name-host-$w.html" > "$OUT/$name-$w.dom"
		lines=$(sed -n '/<pre id="probe">/,/<\/pre>/p' "$OUT/$name-$w.dom" |
			sed 's/&gt;/>/g; s/&lt;/</g; s/&amp;/\&/g' | grep -E "^(ok|FAIL) ")
		[ -n "$lines" ] || ko "$name at $w px: no probe result (see $OUT/chromium.log)"
		echo "$lines" | while read -r st rest; do
			[ -n "$st" ] || continue
			[ "$st" = ok ] && echo "ok" || echo "FAIL $name at $w px: $rest"
		done > "$OUT/$name-$w.checks"
		n=$(grep -c '^ok$' "$OUT/$name-$w.checks")
		pass=$((pass + n))
		grep '^FAIL' "$OUT/$name-$w.checks"
		fail=$((fail + $(grep -c '^FAIL' "$OUT/$name-$w.checks")))
	done
done
# Screenshots through the same host page, the iframe at the tested width:
# a laptop's and a phone's first screen.
for size in 1280x1200 390x844; do
	w=${size%x*}
	rm -f "$OUT/journal-$w.png"
	host journal "$w" /dev/null
	chrome "$w" "${size#*x}" --screenshot="$OUT/journal-$w.png" "file://$OUT/journal-host-$w.html" > /dev/null
	bytes=$(wc -c < "$OUT/journal-$w.png" 2>/dev/null || echo 0)
	# A blank page compresses to a few kB; the report's top is far larger.
	[ "$bytes" -gt 20000 ] && ok || ko "journal at $w px: screenshot missing or blank ($bytes bytes)"
	[ -n "$SHOTS" ] && cp "$OUT/journal-$w.png" "$SHOTS/compare-$w.png"
done
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
