#!/bin/sh
# Names: file names that are not valid UTF-8 are escaped ("\xFF"), never
# dropped from JSON or HTML; duplicate ids are made unique or refused by
# name, never merged. Before issue 15, "file" and "id" vanished from the
# JSON of such files, eval's "systems" came out empty, two x.txt in compare
# became one article, and a duplicate id in eval's inputs silently won.
. "$(dirname "$0")/lib.sh"
mkdir "$T/u" "$T/d1" "$T/d2"
BAD=$(printf 'caf\351')     # Latin-1 e-acute: not UTF-8
cp "$T/a.txt" "$T/u/$BAD.txt"
cp "$T/a.txt" "$T/u/other.txt"
# jsonv FILE EXPR: python3 evaluates EXPR on the parsed JSON as j.
jsonv() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1" 2>/dev/null; }

"$PRECIS" summarize --format json "$T/u/$BAD.txt" > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "j['summaries'][0].get('file')")" = "$T/u/caf\\xE9.txt" ] && ok || { ko "summarize json: invalid UTF-8 file name dropped"; head -c 300 "$T/out"; }
"$PRECIS" meta "$T/u/$BAD.txt" > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "j.get('file')")" = "$T/u/caf\\xE9.txt" ] && ok || ko "meta json: invalid UTF-8 file name dropped"
"$PRECIS" compare --format json "$T/u" > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "sorted(a.get('id','<none>') for a in j['articles'])")" = "['caf\\\\xE9', 'other']" ] && ok || { ko "compare json: invalid UTF-8 id dropped"; jsonv "$T/out" "[a.get('id') for a in j['articles']]"; }
"$PRECIS" compare --format html "$T/u" > "$T/out" 2> "$T/err"
grep -q 'caf\\xE9' "$T/out" && ok || ko "compare html: invalid UTF-8 name not escaped"
printf '{"id":"a","summary":"The council approved the budget."}\n{"id":"b","summary":"Rain closed roads."}\n' > "$T/sys$(printf '\377').jsonl"
"$PRECIS" eval --data "$T/d.jsonl" --system "mine$(printf '\377')=file:$T/sys$(printf '\377').jsonl" --samples 10 --format json > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "[s.get('system') for s in j['systems']]")" = "['mine\\\\xFF']" ] && ok || { ko "eval json: invalid UTF-8 system label dropped"; head -c 300 "$T/out"; }

# Duplicate ids: compare keeps both articles under distinct ids, and says so.
cp "$T/a.txt" "$T/d1/x.txt"
cp "$T/ref.txt" "$T/d2/x.txt"
"$PRECIS" compare --format json "$T/d1/x.txt" "$T/d2/x.txt" > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "sorted(a['id'] for a in j['articles'])")" = "['x', 'x-2']" ] && grep -q "x-2" "$T/err" && ok || ko "compare: two x.txt merged or not named"
printf '{"id":"s","text":"The council approved the new budget on Monday after a long debate."}\n{"id":"s","text":"Heavy rain fell across the region for two days and roads were closed."}\n' > "$T/dup.jsonl"
"$PRECIS" compare --jsonl --format json "$T/dup.jsonl" > "$T/out" 2> "$T/err"
[ "$(jsonv "$T/out" "sorted(a['id'] for a in j['articles'])")" = "['s', 's-2']" ] && ok || ko "compare --jsonl: duplicate id merged"
# eval: a duplicate id in --data, or two outputs for one id, is refused by name.
cat "$T/d.jsonl" > "$T/dd.jsonl"; head -n 1 "$T/d.jsonl" >> "$T/dd.jsonl"
"$PRECIS" eval --data "$T/dd.jsonl" --system lead --samples 10 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "duplicate id 'a'" "$T/err" && ok || ko "eval: duplicate --data id not refused"
printf '{"id":"a","summary":"x"}\n{"id":"a","summary":"y"}\n{"id":"b","summary":"z"}\n' > "$T/dupsys.jsonl"
"$PRECIS" eval --data "$T/d.jsonl" --system "file:$T/dupsys.jsonl" --samples 10 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "dupsys.jsonl:2: duplicate id 'a'" "$T/err" && ok || ko "eval: duplicate output id not refused"
# eval: outputs whose ids match nothing, or only part, name every id and fail.
printf '{"id":"zz","summary":"x"}\n' > "$T/none.jsonl"
"$PRECIS" eval --data "$T/d.jsonl" --system "file:$T/none.jsonl" --samples 10 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "no output for id 'a'" "$T/err" && grep -q "no output for id 'b'" "$T/err" && grep -q "'zz' matches no record" "$T/err" && ok || ko "eval: unmatched ids not named"
printf '{"id":"a","summary":"x"}\n' > "$T/part.jsonl"
"$PRECIS" eval --data "$T/d.jsonl" --system "file:$T/part.jsonl" --samples 10 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "no output for id 'b'" "$T/err" && ok || ko "eval: partial outputs exit 0"
finish
