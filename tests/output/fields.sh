#!/bin/sh
# One field vocabulary across commands: id, text, title, reference (a string
# or an array of strings), summary. Each command keeps its own names as
# aliases (eval's article/abstract, rouge's candidate/references). A
# reference of any other shape is an error, never an empty reference.
# Before issue 15 eval ignored "text"/"reference", rouge refused a reference
# string, and eval scored [1, "x"] against an empty reference.
. "$(dirname "$0")/lib.sh"
printf '{"id":"a","text":"The council approved the new budget on Monday after a long debate. Schools will get more money for books.","reference":"The council approved the budget."}\n{"id":"b","article":"Heavy rain fell across the region for two days. Rivers rose and several roads were closed.","references":["Rain closed roads."]}\n' > "$T/voc.jsonl"
"$PRECIS" eval --data "$T/voc.jsonl" --system lead --samples 10 --format json > "$T/out" 2> "$T/err"
[ $? = 0 ] && grep -q '"documents": 2' "$T/out" && ok || { ko "eval: text/reference/references not read"; cat "$T/err"; }
printf '{"id":1,"summary":"the cat sat","reference":"the cat sat on the mat"}\n' > "$T/r.jsonl"
"$PRECIS" rouge --jsonl "$T/r.jsonl" > "$T/out" 2> "$T/err"
[ $? = 0 ] && grep -q '"rouge1"' "$T/out" && ok || ko "rouge --jsonl: summary/reference string refused"
printf '{"id":"x","article":"The council approved the new budget on Monday after a long debate. Schools will get more money."}\n' > "$T/s.jsonl"
"$PRECIS" summarize --jsonl "$T/s.jsonl" > "$T/out" 2> "$T/err"
[ $? = 0 ] && grep -q '"summary"' "$T/out" && ok || ko "summarize --jsonl: article not read"
# Wrong shapes: errors naming the record.
printf '{"id":"a","article":"The council approved the new budget on Monday. Schools get more money.","abstract":[1,"x"]}\n{"id":"b","article":"Rain fell. Roads closed today.","abstract":"Rain."}\n' > "$T/bad.jsonl"
"$PRECIS" eval --data "$T/bad.jsonl" --system lead --samples 10 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "bad.jsonl:1: no reference" "$T/err" && ok || ko "eval: a reference array holding a number accepted"
printf '{"id":1,"candidate":"the cat","references":[1]}\n{"id":2,"candidate":"the cat","references":{}}\n' > "$T/rb.jsonl"
"$PRECIS" rouge --jsonl "$T/rb.jsonl" > "$T/out" 2> /dev/null
[ $? = 1 ] && [ "$(grep -c '"error"' "$T/out")" = 2 ] && ok || ko "rouge --jsonl: bad reference shapes accepted"
finish
