#!/bin/sh
# Reads: stdin a directory, a directory given as a file, an empty directory
# and an empty data file are errors naming the input and the reason, never a
# silent failure or a report of zero documents. Before issue 15,
# `summarize --jsonl < /` exited 1 with nothing on stderr and an empty
# directory or data file gave exit 0.
. "$(dirname "$0")/lib.sh"
# refuse NAME PATTERN CMD...: non-zero exit and a message matching PATTERN.
refuse() {
	name=$1; pat=$2; shift 2
	"$@" > "$T/out" 2> "$T/err" < "${STDIN:-/dev/null}"
	st=$?
	if [ "$st" = 0 ]; then ko "$name: exit 0"; return; fi
	grep -q -- "$pat" "$T/err" && ok || { ko "$name: message does not match '$pat'"; head -3 "$T/err"; }
}
STDIN=/
refuse "summarize < /" "directory" "$PRECIS" summarize
refuse "summarize - < /" "directory" "$PRECIS" summarize -
refuse "summarize --jsonl < /" "standard input: is a directory" "$PRECIS" summarize --jsonl
refuse "rouge --jsonl < /" "standard input: is a directory" "$PRECIS" rouge --jsonl
refuse "compare --jsonl < /" "standard input: is a directory" "$PRECIS" compare --jsonl
refuse "compare - < /" "directory" "$PRECIS" compare -
refuse "clean - < /" "directory" "$PRECIS" clean -
refuse "split - < /" "directory" "$PRECIS" split -
refuse "meta - < /" "directory" "$PRECIS" meta -
refuse "idf - < /" "directory" "$PRECIS" idf -
refuse "rouge - REF < /" "directory" "$PRECIS" rouge - "$T/ref.txt"
STDIN=
mkdir "$T/empty"
: > "$T/empty.jsonl"
refuse "summarize DIR (empty)" "$T/empty: no files" "$PRECIS" summarize "$T/empty"
refuse "compare DIR (empty)" "$T/empty: no files" "$PRECIS" compare "$T/empty"
refuse "idf DIR (empty)" "$T/empty: no files" "$PRECIS" idf "$T/empty"
refuse "summarize --jsonl (empty)" "empty.jsonl: no records" "$PRECIS" summarize --jsonl "$T/empty.jsonl"
refuse "rouge --jsonl (empty)" "empty.jsonl: no records" "$PRECIS" rouge --jsonl "$T/empty.jsonl"
refuse "compare --jsonl (empty)" "no articles" "$PRECIS" compare --jsonl "$T/empty.jsonl"
refuse "idf --jsonl (empty)" "no documents" "$PRECIS" idf --jsonl "$T/empty.jsonl"
refuse "eval --data (empty)" "empty.jsonl: no records" "$PRECIS" eval --data "$T/empty.jsonl" --system lead
refuse "split DIR" "$T/empty: is a directory" "$PRECIS" split "$T/empty"
refuse "clean DIR" "$T/empty: is a directory" "$PRECIS" clean "$T/empty"
refuse "meta DIR" "$T/empty: is a directory" "$PRECIS" meta "$T/empty"
refuse "rouge DIR REF" "$T/empty: is a directory" "$PRECIS" rouge "$T/empty" "$T/ref.txt"
refuse "eval --data DIR" "$T/empty: is a directory" "$PRECIS" eval --data "$T/empty" --system lead
refuse "idf --merge DIR" "$T/empty: is a directory" "$PRECIS" idf --merge "$T/empty"
refuse "summarize --jsonl DIR" "$T/empty: is a directory" "$PRECIS" summarize --jsonl "$T/empty"
refuse "summarize --idf DIR" "$T/empty" "$PRECIS" summarize --idf "$T/empty" "$T/a.txt"
refuse "missing file" "no-such: No such file" "$PRECIS" rouge --jsonl "$T/no-such"
# Nothing left out in silence: every unusable article is named, one line
# each, then a count (before issue 15 compare named only the first one); it
# stays in the report as its own story (issue 11), and a one-line text is
# grouped by its line, named but not counted as unusable.
mkdir "$T/cm"
cp "$T/a.txt" "$T/cm/good1.txt"
printf 'Heavy rain fell across the region for two days. Rivers rose and several roads were closed.\nThe police asked drivers to stay at home until the water went down again.\n' > "$T/cm/good2.txt"
: > "$T/cm/empty.txt"
printf 'bin\000ary' > "$T/cm/binary.txt"
printf 'Menu\n' > "$T/cm/menu.txt"
"$PRECIS" compare "$T/cm" > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "empty: no usable text.*kept" "$T/err" && grep -q "binary: no usable text.*kept" "$T/err" && grep -q "menu: no full sentence.*kept" "$T/err" && grep -q "2 input(s) not read or without usable text" "$T/err" && ok || { ko "compare: unusable articles not all named"; cat "$T/err"; }
"$PRECIS" summarize "$T/cm" > /dev/null 2> "$T/err"
[ $? = 1 ] && [ "$(grep -c "cm/" "$T/err")" = 3 ] && grep -q "3 of 5 inputs left out" "$T/err" && ok || { ko "summarize: left-out inputs not all named and counted"; cat "$T/err"; }
finish
