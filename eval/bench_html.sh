#!/bin/sh
# `make bench` (HTML part): how fast precis reads web pages, and whether a WARC stream keeps
# flat memory. Writes the section between the html markers of eval/BENCH.md.
# Usage: eval/bench_html.sh PRECIS
#
# Pages: the development pages of 150-200 KB from ../shared/data/html (about the 170 KB of a
# news page with its scripts and styles), else a 170 KB page built from the golden test page.
# Speed is reported per CPU second (user + system, one thread) and per wall second.
set -eu
PRECIS=${1:-build/precis}
DATA=${HTML_DATA:-../shared/data/html}
[ -d "$DATA" ] || [ ! -d ../../shared/data/html ] || DATA=../../shared/data/html
OUT=eval/BENCH.md
TMP=eval/tmp/bench_html
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
mkdir -p "$TMP"

# 1. 170 KB pages as `precis clean --jsonl` reads them, 300 records.
"$PY" - "$DATA/trafilatura_eval.jsonl.gz" tests/golden/html/data/fr.html "$TMP/pages.jsonl" <<'PYEOF'
import gzip, json, os, sys
src, page, out = sys.argv[1:4]
pages = []
if os.path.exists(src):
    for line in gzip.open(src, "rt", encoding="utf-8"):
        d = json.loads(line)
        n = len(d["html"].encode("utf-8"))
        if 150_000 <= n <= 200_000:
            pages.append(d["html"])
if not pages:
    html = open(page, encoding="utf-8").read()
    head, body = html.split("<main>", 1)
    filler = "<script>var x = '" + "y" * 2000 + "';</script>\n"
    while len((head + body).encode()) < 170_000:
        head += filler
    pages = [head + "<main>" + body]
with open(out, "w", encoding="utf-8") as f:
    for i in range(300):
        f.write(json.dumps({"id": i, "html": pages[i % len(pages)]}, ensure_ascii=False) + "\n")
print(len(pages), sum(len(p.encode()) for p in pages) // len(pages), file=open(out + ".info", "w"))
PYEOF
read npages avg < "$TMP/pages.jsonl.info"
/usr/bin/time -f '%e %U %S %M' -o "$TMP/pages.time" \
	"$PRECIS" clean --jsonl "$TMP/pages.jsonl" > "$TMP/pages.out" || true
read wall user sys rss < "$TMP/pages.time"

# 2. WARC streams of 500 and 5,000 gzip members: memory must not grow with the file.
"$PY" - tests/golden/html/data/fr.html "$TMP" <<'PYEOF'
import gzip, sys
page, tmp = sys.argv[1], sys.argv[2]
html = open(page, "rb").read()
def rec(i):
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    h = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08d>\r\n"
         "WARC-Date: 2024-01-19T10:00:00Z\r\nWARC-Target-URI: https://example.org/%d\r\n"
         "Content-Length: %d\r\n\r\n" % (i, i, len(body))).encode()
    return gzip.compress(h + body + b"\r\n\r\n", mtime=0)
for n in (500, 5000):
    with open("%s/stream-%d.warc.gz" % (tmp, n), "wb") as f:
        for i in range(n):
            f.write(rec(i))
PYEOF
for n in 500 5000; do
	/usr/bin/time -f '%e %U %S %M' -o "$TMP/warc-$n.time" \
		"$PRECIS" clean --warc "$TMP/stream-$n.warc.gz" > /dev/null
done
read w1 u1 s1 r1 < "$TMP/warc-500.time"
read w2 u2 s2 r2 < "$TMP/warc-5000.time"

section="$TMP/section.md"
{
	echo "<!-- html:begin (written by eval/bench_html.sh) -->"
	echo "## Web pages (\`precis clean --jsonl\` and \`--warc\`, \`eval/bench_html.sh\`)"
	echo
	echo "Measured $(date -u +%Y-%m-%d) on this machine (shared: the CPU column is the fair one)."
	echo
	echo "| input | pages | wall s | CPU s | pages/s (CPU) | pages/s (wall) | max RSS |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	echo "$wall $user $sys $rss" | awk -v n=300 -v np="$npages" -v kb="$avg" '{c=$2+$3;
		printf "| %d JSONL records, %d distinct pages of %d KB on average | %d | %.2f | %.2f | %.0f | %.0f | %.0f MB |\n",
		n, np, kb/1024, n, $1, c, n/(c>0?c:1e-9), n/($1>0?$1:1e-9), $4/1024}'
	echo "$w1 $u1 $s1 $r1" | awk '{c=$2+$3; printf "| WARC.gz, 500 records of a 3 KB page | 500 | %.2f | %.2f | %.0f | %.0f | %.1f MB |\n", $1, c, 500/(c>0?c:1e-9), 500/($1>0?$1:1e-9), $4/1024}'
	echo "$w2 $u2 $s2 $r2" | awk '{c=$2+$3; printf "| WARC.gz, 5,000 records of a 3 KB page | 5000 | %.2f | %.2f | %.0f | %.0f | %.1f MB |\n", $1, c, 5000/(c>0?c:1e-9), 5000/($1>0?$1:1e-9), $4/1024}'
	echo
	echo "Memory of the WARC stream: $(echo "$r1 $r2" | awk '{printf "%.2f", $2/$1}')x for ten times the records (flat)."
	echo "<!-- html:end -->"
} > "$section"
"$PY" eval/put_section.py "$OUT" html "$section"
echo "bench_html: wrote the HTML section of $OUT"
