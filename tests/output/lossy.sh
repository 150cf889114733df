#!/bin/sh
# --lossy works in every mode: each command that reads text takes it, and
# with it a file or JSONL line holding a byte that is not UTF-8 is read with
# U+FFFD in its place (exit 0) instead of failing; without it the same input
# fails, named. Before this test compare, rouge and eval had no --lossy, and
# the --jsonl modes of summarize and clean ignored it (malformed JSON).
. "$(dirname "$0")/lib.sh"
# \351 (0xE9, Latin-1 e-acute) is not UTF-8.
printf 'Caf\351 owners protested the new tax on Monday in the city. The council said the tax would stay for now.\n' > "$T/bad.txt"
printf 'The council said the new tax would stay despite protests by cafe owners on Monday.\n' > "$T/good.txt"
printf '{"id":"x","text":"Caf\351 owners protested the new tax on Monday. The council said the tax would stay."}\n' > "$T/bad.jsonl"
printf '{"id":"y","text":"The council said the new tax would stay despite protests by cafe owners."}\n' >> "$T/bad.jsonl"
printf '{"id":"x","candidate":"Caf\351 owners protested","references":["Cafe owners protested"]}\n' > "$T/bad-pairs.jsonl"
printf '{"id":"x","article":"Caf\351 owners protested the new tax on Monday. The council said the tax would stay.","abstract":"Cafe owners protested the tax."}\n' > "$T/bad-data.jsonl"
printf '{"id":"y","article":"The council met on Monday. It said the tax would stay.","abstract":"The tax stays."}\n' >> "$T/bad-data.jsonl"
printf '{"id":"a","summary":"Caf\351 owners protested."}\n{"id":"b","summary":"The council met."}\n' > "$T/bad-out.jsonl"

# name | arguments (word-split; $T expanded)
cases="summarize-file|summarize $T/bad.txt
summarize-jsonl|summarize --jsonl $T/bad.jsonl
clean-file|clean $T/bad.txt
clean-jsonl|clean --jsonl $T/bad.jsonl
split|split $T/bad.txt
meta|meta $T/bad.txt
idf-file|idf $T/bad.txt $T/good.txt
idf-jsonl|idf --jsonl $T/bad.jsonl
rouge-pair|rouge $T/bad.txt $T/good.txt
rouge-jsonl|rouge --jsonl $T/bad-pairs.jsonl
eval-data|eval --data $T/bad-data.jsonl --system lead
eval-file-system|eval --data $T/d.jsonl --system file:$T/bad-out.jsonl
compare-files|compare $T/bad.txt $T/good.txt
compare-jsonl|compare --jsonl $T/bad.jsonl
compare-window|compare --jsonl --window 3 $T/bad.jsonl"
echo "$cases" | while IFS='|' read -r name args; do
	# shellcheck disable=SC2086
	"$PRECIS" $args > "$T/out" 2> "$T/err"
	without=$?
	# shellcheck disable=SC2086
	"$PRECIS" $args --lossy > "$T/out" 2> "$T/err"
	with=$?
	if [ "$without" = 1 ] && [ "$with" = 0 ]; then
		echo ok
	else
		echo "FAIL $name: exit $without without --lossy (want 1), $with with it (want 0)"
		head -3 "$T/err"
	fi
done > "$T/results"
pass=$((pass + $(grep -c '^ok$' "$T/results")))
fail=$((fail + $(grep -c '^FAIL' "$T/results")))
grep -v '^ok$' "$T/results"
# The replacement is U+FFFD, not a dropped byte.
"$PRECIS" clean --jsonl --lossy "$T/bad.jsonl" > "$T/out" 2> /dev/null
grep -q 'Caf\\ufffd\|Caf�' "$T/out" && ok || ko "clean --jsonl --lossy: no U+FFFD in $(head -c 100 "$T/out")"
finish
