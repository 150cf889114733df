#!/bin/sh
# Limits: every limit a message names can be set on that command
# (--max-bytes everywhere a document is read), JSONL limits count the
# decoded text and not its escaped form, and an input without newlines
# stops at the limit instead of being drained for ever. Before issue 15,
# clean/split/meta/idf/compare/rouge had no --max-bytes, summarize --jsonl
# refused a 3.9 kB text under --max-bytes 4000 because its escaped line was
# longer, and rouge --jsonl had a fixed 256 MB line limit.
. "$(dirname "$0")/lib.sh"
# A file over 100 bytes: every command refuses it under --max-bytes 100,
# naming the option.
for c in summarize clean split meta idf; do
	"$PRECIS" $c --max-bytes 100 "$T/a.txt" > /dev/null 2> "$T/err"
	[ $? = 1 ] && grep -q -- "--max-bytes" "$T/err" && ok || { ko "$c --max-bytes 100"; head -2 "$T/err"; }
done
"$PRECIS" compare --max-bytes 100 "$T/a.txt" "$T/ref.txt" > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q -- "--max-bytes" "$T/err" && ok || ko "compare --max-bytes 100"
"$PRECIS" rouge --max-bytes 100 "$T/a.txt" "$T/ref.txt" > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q -- "--max-bytes" "$T/err" && ok || ko "rouge --max-bytes 100"

# Decoded, not escaped: 3900 bytes of text written as \uXXXX escapes (23 kB of
# JSON) are within --max-bytes 4000.
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
text = ("The cat sat on the mat near the door. " * 103)[:3900]
esc = "".join("\\u%04x" % ord(ch) for ch in text)
open(t + "/esc.jsonl", "w").write('{"id":"e","text":"%s"}\n' % esc)
open(t + "/esc-pairs.jsonl", "w").write('{"id":"e","candidate":"%s","references":["a cat"]}\n' % esc)
big = "The cat sat on the mat. " * 200
open(t + "/big-pairs.jsonl", "w").write(json.dumps({"id": "b", "candidate": big, "references": ["a cat"]}) + "\n")
PY
"$PRECIS" summarize --jsonl --max-bytes 4000 "$T/esc.jsonl" > "$T/out" 2> "$T/err"
[ $? = 0 ] && grep -q '"summary"' "$T/out" && ok || { ko "summarize --jsonl: escaped 3.9 kB text refused under --max-bytes 4000"; head -c 300 "$T/out"; }
"$PRECIS" rouge --jsonl --max-bytes 4000 "$T/esc-pairs.jsonl" > "$T/out" 2> "$T/err"
[ $? = 0 ] && grep -q '"rouge1"' "$T/out" && ok || ko "rouge --jsonl: escaped 3.9 kB text refused under --max-bytes 4000"
# Over the limit once decoded: an error record naming the limit.
"$PRECIS" rouge --jsonl --max-bytes 1000 "$T/big-pairs.jsonl" > "$T/out" 2> "$T/err"
[ $? = 1 ] && grep -q '"id":"b".*max-bytes' "$T/out" && ok || ko "rouge --jsonl: 4.8 kB candidate over --max-bytes 1000 not refused"
# Endless input without a newline: stops, says so, exits 1.
for c in summarize rouge; do
	head -c 300000000 /dev/zero | tr '\0' x | "$PRECIS" $c --jsonl --max-bytes 1k > /dev/null 2> "$T/err"
	[ $? = 1 ] && grep -q "stopped reading" "$T/err" && ok || ko "$c --jsonl: input without newline not stopped at the limit"
done
# Every JSONL reader is bounded by --max-bytes of decoded text: a record over
# it is named with its file, line and the option, and the records after it
# are still read (exit 1). Before, compare --jsonl, eval --data and idf
# --jsonl read any line whole (getline or the whole file), and eval had no
# --max-bytes at all.
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
big = "The council met again today in the city hall. " * 700   # 33 kB: over 6x 1k + 4k raw
mid = "The council met again today in the city hall. " * 60    # 2.8 kB: line fits, text does not
ok = "The council said the new tax would stay despite protests on Monday."
with open(t + "/lim.jsonl", "w") as f:
    for i, text in (("big", big), ("mid", mid), ("ok1", ok), ("ok2", ok + " It was late.")):
        f.write(json.dumps({"id": i, "text": text, "article": text, "abstract": "The tax stays."}) + "\n")
PY
for c in "compare --jsonl" "compare --jsonl --window 3" "eval --system lead --data" "idf --jsonl"; do
	# shellcheck disable=SC2086
	"$PRECIS" $c "$T/lim.jsonl" --max-bytes 1k > "$T/out" 2> "$T/err"
	rc=$?
	if [ $rc = 1 ] && grep -q "lim.jsonl:1:.*--max-bytes" "$T/err" &&
	   grep -q "lim.jsonl:2:.*--max-bytes" "$T/err" && [ -s "$T/out" ] &&
	   grep -q -i "left out\|not read\|failed\|named above\|listed under errors" "$T/err"; then
		ok
	else
		ko "$c --max-bytes 1k: exit $rc, records 1 and 2 not both named with --max-bytes"
		head -4 "$T/err"
	fi
done
# The records within the limit are in the output.
"$PRECIS" compare --jsonl --format json --max-bytes 1k "$T/lim.jsonl" > "$T/out" 2> /dev/null
grep -q '"ok1"' "$T/out" && grep -q '"ok2"' "$T/out" && ok || ko "compare --jsonl: records after an overlong one lost"
# Endless input without a newline: these readers stop too, naming the option.
for c in "compare --jsonl" "eval --system lead --data" "idf --jsonl"; do
	# shellcheck disable=SC2086
	head -c 300000000 /dev/zero | tr '\0' x | "$PRECIS" $c - --max-bytes 1k > /dev/null 2> "$T/err"
	[ $? = 1 ] && grep -q "stopped reading.*--max-bytes" "$T/err" && ok || { ko "$c: input without newline not stopped at the limit"; head -2 "$T/err"; }
done
# With several threads, the records read before an endless line still come
# out (they were dropped with the batch holding the endless line).
{ head -n 1 "$T/d.jsonl"; head -c 300000000 /dev/zero | tr '\0' x; } |
	"$PRECIS" summarize --jsonl -j 2 --max-bytes 1k > "$T/out" 2> "$T/err"
[ $? = 1 ] && grep -q '"id":"a".*"summary"' "$T/out" && grep -q "stopped reading" "$T/err" && ok ||
	ko "summarize --jsonl -j 2: the record before an endless line lost"
# A text over the limit once decoded is an error record naming the option
# (clean --jsonl took any size; summarize --jsonl did not name the option).
for c in summarize clean; do
	"$PRECIS" $c --jsonl --max-bytes 1k "$T/lim.jsonl" > "$T/out" 2> "$T/err"
	[ $? = 1 ] && grep -q '"id":"mid".*max-bytes' "$T/out" && grep -q '"id":"ok2"' "$T/out" && ok ||
		{ ko "$c --jsonl: a 2.8 kB text under --max-bytes 1k not refused naming the option"; grep mid "$T/out" | head -c 200; }
done
finish
