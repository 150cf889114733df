#!/bin/sh
# Every command with stdout on /dev/full: non-zero exit and a message naming
# standard output and the reason. Before issue 15 rouge and eval exited 0
# and summarize exited 1 without a word.
. "$(dirname "$0")/lib.sh"
[ -c /dev/full ] || { echo "devfull: /dev/full is not a device here, skipped"; echo "devfull: 0 passed, 0 failed"; exit 0; }
full() {
	name=$1; shift
	"$@" > /dev/full 2> "$T/err"
	st=$?
	if [ "$st" = 0 ]; then ko "$name: exit 0 with stdout on /dev/full"; return; fi
	if ! grep -q "standard output.*No space left" "$T/err"; then
		ko "$name: no message naming stdout and the reason"; head -3 "$T/err"; return
	fi
	ok
}
full "summarize" "$PRECIS" summarize "$T/a.txt"
full "summarize --format json" "$PRECIS" summarize --format json "$T/a.txt"
full "summarize --jsonl" "$PRECIS" summarize --jsonl "$T/d.jsonl"
full "summarize --jsonl -j2" "$PRECIS" summarize --jsonl -j 2 "$T/d.jsonl"
full "clean" "$PRECIS" clean "$T/a.txt"
full "split" "$PRECIS" split "$T/a.txt"
full "meta" "$PRECIS" meta "$T/a.txt"
full "rouge" "$PRECIS" rouge "$T/a.txt" "$T/ref.txt"
full "rouge --jsonl" "$PRECIS" rouge --jsonl "$T/pairs.jsonl"
full "eval" "$PRECIS" eval --data "$T/d.jsonl" --system lead --samples 10
full "eval --format csv" "$PRECIS" eval --data "$T/d.jsonl" --system lead --samples 10 --format csv
full "idf" "$PRECIS" idf "$T/a.txt"
full "compare" "$PRECIS" compare "$T/a.txt" "$T/ref.txt"
full "compare -o -" "$PRECIS" compare -o - "$T/a.txt" "$T/ref.txt"
full "--help" "$PRECIS" --help
full "--version" "$PRECIS" --version
for c in summarize clean split meta compare rouge eval idf; do
	full "$c --help" "$PRECIS" $c --help
done
# -o and --per-doc onto a full device: written in place, the failure named,
# still a device. Never the system's /dev/full: a precis with the bug this
# tests would replace it with a regular file for the whole machine.
if [ "$(id -u)" = 0 ] && mknod "$T/full" c 1 7 2> /dev/null; then
	"$PRECIS" idf "$T/a.txt" -o "$T/full" 2> "$T/err"
	[ $? != 0 ] && grep -q "full.*No space" "$T/err" && [ -c "$T/full" ] && ok || ko "idf -o FULL-DEVICE"
	"$PRECIS" eval --data "$T/d.jsonl" --system lead --samples 10 --per-doc "$T/full" > /dev/null 2> "$T/err"
	[ $? != 0 ] && grep -q "full.*No space" "$T/err" && [ -c "$T/full" ] && ok || ko "eval --per-doc FULL-DEVICE"
else
	echo "devfull: not root (or no mknod), -o onto a full device skipped"
fi
# A closed pipe: not everything was written, so not 0 (quietly: the reader chose it).
yes 'The cat sat on the mat. The dog ran in the park today.' | head -n 20000 > "$T/big.txt"
st=$( { "$PRECIS" split --raw "$T/big.txt" 2> "$T/err"; echo $? > "$T/st"; } | head -n 1 > /dev/null; cat "$T/st")
[ "$st" != 0 ] && ok || ko "split into a closed pipe exited 0"
finish
