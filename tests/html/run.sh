#!/bin/sh
# Render the HTML comparison report of the seeds in headless Chromium and
# check that it rendered: a screenshot of real size, and no script or
# external resource in the page. Ends with "N passed, N failed".
PRECIS=$1
OUT=${2:-build/html}
cd "$(dirname "$0")/../.." || exit 2
mkdir -p "$OUT"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
"$PRECIS" compare --format html -o "$OUT/seeds.html" examples/ && ok || ko "compare --format html"
grep -qi "<script" "$OUT/seeds.html" && ko "page has a script" || ok
grep -Eqi "(src|href)=\"https?:" "$OUT/seeds.html" && ko "page loads a network resource" || ok
grep -q "<svg" "$OUT/seeds.html" && ok || ko "no SVG heatmap"
for s in "Story 1" "Atlantico" "Le Placentin" "Reused copy"; do
	grep -q "$s" "$OUT/seeds.html" && ok || ko "missing: $s"
done
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
	ko "chromium is not installed (make deps-html installs it)"
else
	rm -f "$OUT/seeds.png"
	profile=$(mktemp -d)
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --window-size=1400,2000 --screenshot="$OUT/seeds.png" \
		"file://$(pwd)/$OUT/seeds.html" > "$OUT/chromium.log" 2>&1
	rm -rf "$profile"
	size=$(wc -c < "$OUT/seeds.png" 2>/dev/null || echo 0)
	# A blank 1400x2000 page compresses to a few kB; the report is far larger.
	[ "$size" -gt 50000 ] && ok || ko "screenshot missing or blank ($size bytes)"
fi
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
