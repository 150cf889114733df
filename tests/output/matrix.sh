#!/bin/sh
# Every command x every output mode x the hostile conditions of issue 15, as
# one table: stdout on /dev/full, stdin a directory, stdin empty, an empty
# WARC file, extra operands, --lossy accepted, an IDF table without end. Each row: what stdin is, the
# exit status wanted and a pattern the message on stderr must match. Rows
# that failed before this file (on main): eval --system file:- and --idf -
# with stdin a directory (exit 2, or no reason given), idf - with empty stdin
# (exit 0: an empty document counted in the table), summarize/clean --warc
# of an empty WARC (exit 0, no word), rouge/compare --jsonl [--window] with
# a second operand (silently ignored), --lossy on compare/rouge/eval (unknown),
# --idf /dev/zero (read until memory ran out), --warc /dev/zero (scanned for
# ever) and rouge --stopwords /dev/zero.
. "$(dirname "$0")/lib.sh"
W=tests/golden/html/data/pages.warc.gz
: > "$T/empty"
: > "$T/empty.warc"
printf '{"id":"a","text":"The council approved the new budget on Monday after a long debate.","date":"2024-01-01"}\n{"id":"b","text":"Heavy rain fell across the region for two days and roads were closed.","date":"2024-01-02"}\n' > "$T/c.jsonl"
"$PRECIS" idf "$T/a.txt" > "$T/t.idf" 2> /dev/null
EV="eval --data $T/d.jsonl --system lead --samples 10"

# The modes, each a command line (word-split; no quoting needed in $T).
modes="summarize $T/a.txt
summarize --format json $T/a.txt
summarize --format md $T/a.txt
summarize --jsonl $T/c.jsonl
summarize --jsonl -j 2 $T/c.jsonl
summarize --warc $W
clean $T/a.txt
clean --explain $T/a.txt
clean --jsonl $T/c.jsonl
clean --warc $W
split $T/a.txt
meta $T/a.txt
rouge $T/a.txt $T/ref.txt
rouge --jsonl $T/pairs.jsonl
$EV
$EV --format csv
$EV --format json
compare $T/a.txt $T/ref.txt
compare --format html $T/a.txt $T/ref.txt
compare --format json $T/a.txt $T/ref.txt
compare --jsonl $T/c.jsonl
compare --jsonl --window 3 $T/c.jsonl
compare --warc $W
idf $T/a.txt
idf --jsonl $T/c.jsonl
idf --merge $T/t.idf $T/t.idf"

# row NAME STDIN STATUS PATTERN ARGS...: run precis ARGS with STDIN, want
# exit STATUS ('!0': any failure) and a stderr line matching PATTERN.
row() {
	name=$1; in=$2; want=$3; pat=$4; shift 4
	"$PRECIS" "$@" < "$in" > "$T/out" 2> "$T/err"
	st=$?
	case $want in
	'!0') [ $st != 0 ] ;;
	*) [ $st = "$want" ] ;;
	esac && grep -q -- "$pat" "$T/err" && { ok; return; }
	ko "$name: exit $st (want $want), stderr: $(head -c 160 "$T/err" | tr '\n' '|')"
}

# 1. stdout on /dev/full: every mode fails, naming standard output and why.
echo "$modes" > "$T/modes"
if [ -c /dev/full ]; then
	while read -r m; do
		# shellcheck disable=SC2086
		"$PRECIS" $m > /dev/full 2> "$T/err" < /dev/null
		st=$?
		[ $st != 0 ] && grep -q "standard output.*No space" "$T/err" && ok ||
			ko "$m > /dev/full: exit $st, stderr: $(head -c 120 "$T/err")"
	done < "$T/modes"
else
	echo "matrix: /dev/full is not a device here, its rows skipped"
fi

# 2. Standard input a directory, wherever a mode reads '-': named, exit 1.
D=/
row "summarize - <dir" $D 1 "directory" summarize -
row "summarize --jsonl <dir" $D 1 "standard input: is a directory" summarize --jsonl
row "clean - <dir" $D 1 "directory" clean -
row "clean --jsonl <dir" $D 1 "standard input: is a directory" clean --jsonl -
row "split - <dir" $D 1 "directory" split -
row "meta - <dir" $D 1 "directory" meta -
row "rouge - REF <dir" $D 1 "directory" rouge - "$T/ref.txt"
row "rouge CAND - <dir" $D 1 "directory" rouge "$T/a.txt" -
row "rouge --jsonl <dir" $D 1 "standard input: is a directory" rouge --jsonl
row "eval --data - <dir" $D 1 "standard input: is a directory" eval --data - --system lead
row "eval file:- <dir" $D 1 "standard input: is a directory" eval --data "$T/d.jsonl" --system file:-
row "eval --idf - <dir" $D 1 "standard input: is a directory" eval --data "$T/d.jsonl" --system precis --idf -
row "summarize --idf - <dir" $D 1 "standard input: is a directory" summarize --idf - "$T/a.txt"
row "compare - <dir" $D 1 "directory" compare -
row "compare --jsonl <dir" $D 1 "standard input: is a directory" compare --jsonl
row "compare --window <dir" $D 1 "standard input: is a directory" compare --jsonl --window 3
row "compare --warc - <dir" $D 1 "standard input: is a directory" compare --warc -
row "summarize --warc - <dir" $D 1 "standard input: is a directory" summarize --warc -
row "clean --warc - <dir" $D 1 "standard input: is a directory" clean --warc -
row "idf - <dir" $D 1 "directory" idf -
row "idf --jsonl - <dir" $D 1 "standard input: is a directory" idf --jsonl -
row "idf --merge - <dir" $D 1 "standard input: is a directory" idf --merge -

# 3. Empty input: no records is an error, never an empty report with exit 0.
E=$T/empty
row "summarize - <empty" "$E" 1 "empty input" summarize -
row "summarize --jsonl <empty" "$E" 1 "no records" summarize --jsonl
row "clean - <empty" "$E" 1 "empty input" clean -
row "clean --jsonl <empty" "$E" 1 "no records" clean --jsonl
row "split - <empty" "$E" 1 "empty input" split -
row "meta - <empty" "$E" 1 "empty input" meta -
row "rouge --jsonl <empty" "$E" 1 "no records" rouge --jsonl
row "eval --data - <empty" "$E" 1 "no records" eval --data - --system lead
row "compare --jsonl <empty" "$E" 1 "no articles" compare --jsonl
row "compare --window <empty" "$E" 1 "no records" compare --jsonl --window 3
row "idf - <empty" "$E" 1 "no documents" idf -
row "idf --jsonl <empty" "$E" 1 "no documents" idf --jsonl -
row "idf --merge - <empty" "$E" 1 "empty" idf --merge -
for c in summarize clean compare; do
	row "$c --warc EMPTY" /dev/null 1 "empty.warc: no HTML responses" $c --warc "$T/empty.warc"
done
# ... and an empty table is not written, not even to stdout.
"$PRECIS" idf - < "$E" > "$T/out" 2> /dev/null
[ ! -s "$T/out" ] && ok || ko "idf of no documents printed a table"

# 4. Extra operands: read, or refused as a usage error (2), never ignored.
N=/dev/null
row "summarize --jsonl A B" $N 2 "one input" summarize --jsonl "$T/c.jsonl" "$T/c.jsonl"
row "clean --jsonl A B" $N 2 "one input" clean --jsonl "$T/c.jsonl" "$T/c.jsonl"
row "rouge --jsonl A B" $N 2 "one input" rouge --jsonl "$T/pairs.jsonl" "$T/pairs.jsonl"
row "compare --jsonl A B" $N 2 "one input" compare --jsonl "$T/c.jsonl" "$T/c.jsonl"
row "compare --window A B" $N 2 "one input" compare --jsonl --window 3 "$T/c.jsonl" "$T/c.jsonl"
row "clean A B" $N 2 "one FILE" clean "$T/a.txt" "$T/a.txt"
row "split A B" $N 2 "one FILE" split "$T/a.txt" "$T/a.txt"
row "meta A B" $N 2 "one FILE" meta "$T/a.txt" "$T/a.txt"
row "eval ARG" $N 2 "unexpected argument" eval --data "$T/d.jsonl" --system lead "$T/a.txt"
row "rouge A" $N 2 "expected CANDIDATE_FILE" rouge "$T/a.txt"
for c in summarize clean compare; do
	row "$c --warc W A" $N 2 "takes no other input" $c --warc "$W" "$T/a.txt"
done

# 6. An IDF table without newlines (a device) stops at the line limit with a
# message; before, --idf /dev/zero read on until memory ran out. timeout is a
# guard against a hang, not a speed test.
for args in "summarize --idf /dev/zero $T/a.txt" "idf --merge /dev/zero" \
	"eval --data $T/d.jsonl --system precis --idf /dev/zero"; do
	# shellcheck disable=SC2086
	timeout 120 "$PRECIS" $args > /dev/null 2> "$T/err" < /dev/null
	st=$?
	[ $st = 1 ] && grep -q "/dev/zero: line 1: longer than" "$T/err" && ok ||
		ko "$args: exit $st (want 1, 124 is a hang): $(head -c 120 "$T/err")"
done

# ... and so does rouge --stopwords, at --max-bytes (it read without bound).
timeout 120 "$PRECIS" rouge --compat rouge155 --stopwords /dev/zero --max-bytes 1M "$T/a.txt" "$T/ref.txt" > /dev/null 2> "$T/err"
st=$?
[ $st = 1 ] && grep -q "/dev/zero: larger than --max-bytes" "$T/err" && ok || ko "rouge --stopwords /dev/zero: exit $st: $(head -c 120 "$T/err")"

# ... and a WARC input that is no WARC at all: the reader gives up 256 MiB
# past the broken record instead of scanning for the next one without end.
for c in summarize clean compare; do
	timeout 120 "$PRECIS" $c --warc /dev/zero > /dev/null 2> "$T/err" < /dev/null
	st=$?
	[ $st = 1 ] && grep -q "/dev/zero: WARC record at byte offset 0.*stopped reading" "$T/err" && ok ||
		ko "$c --warc /dev/zero: exit $st (want 1, 124 is a hang): $(head -c 120 "$T/err")"
done

# 5. --lossy is an option of every command that reads text: accepted in
# each mode, same exit status as without it on these valid inputs (the
# test WARC holds one broken record on purpose: 1 both ways).
while read -r m; do
	case $m in idf\ --merge*) continue ;; esac
	# shellcheck disable=SC2086
	"$PRECIS" $m > /dev/null 2>&1 < /dev/null
	want=$?
	# shellcheck disable=SC2086
	"$PRECIS" $m --lossy > /dev/null 2> "$T/err" < /dev/null
	st=$?
	[ $st = $want ] && [ $st != 2 ] && ok || ko "$m --lossy: exit $st (want $want): $(head -c 120 "$T/err")"
done < "$T/modes"
finish
