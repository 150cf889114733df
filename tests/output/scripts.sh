#!/bin/sh
# Scripts precis does not split with spaces: Chinese and Japanese sentences
# end at 。！？, and when boilerplate removal takes every line the message
# says so (and that --raw keeps them) instead of "only blanks or
# boilerplate". Bidi controls in untrusted text never leak unisolated into
# the HTML report. Before issue 15 a Chinese line was one sentence, the
# message blamed blanks, and an RLO in an article reversed the page.
. "$(dirname "$0")/lib.sh"
printf '今天天气很好。我们去公园散步吧！你想一起来吗？是的，我很想去。\n' > "$T/zh.txt"
printf '今日は良い天気です。公園に行きましょう！一緒に来ますか？\n' > "$T/ja.txt"
printf 'สวัสดีครับ วันนี้อากาศดี เราไปเที่ยวกัน\n' > "$T/th.txt"
[ "$("$PRECIS" split --raw "$T/zh.txt" | wc -l)" = 4 ] && ok || ko "split: Chinese not split at 。！？"
[ "$("$PRECIS" split --raw "$T/ja.txt" | wc -l)" = 3 ] && ok || ko "split: Japanese not split at 。！？"
[ "$("$PRECIS" split --raw "$T/zh.txt" | head -n 1)" = "今天天气很好。" ] && ok || ko "split: first Chinese sentence wrong"
"$PRECIS" summarize --raw -n 2 "$T/zh.txt" > "$T/out" 2> "$T/err"
[ $? = 0 ] && [ "$(wc -l < "$T/out")" = 2 ] && ok || ko "summarize --raw -n 2: Chinese"
for f in zh ja th; do
	"$PRECIS" summarize "$T/$f.txt" > /dev/null 2> "$T/err"
	st=$?
	if [ $st = 0 ]; then ok; continue; fi
	! grep -q "only blanks" "$T/err" && grep -q -- "--raw" "$T/err" && ok || { ko "summarize $f: inaccurate message"; cat "$T/err"; }
done

# Bidi: an RLO (U+202E) in one article and a stray PDI (U+2069) in another.
printf 'Evil \342\200\256 headline. The council approved the new budget on Monday after a long debate.\nSchools will get more money for teachers and books next year.\n' > "$T/b1.txt"
printf 'The council approved the new budget on Monday. Schools \342\201\251 will get more money for teachers.\n' > "$T/b2.txt"
"$PRECIS" compare --format html "$T/b1.txt" "$T/b2.txt" > "$T/out.html" 2> "$T/err"
python3 - "$T/out.html" <<'PY' && ok || ko "html: bidi control outside an isolate, or isolates unbalanced"
import sys
h = open(sys.argv[1], encoding="utf-8").read()
assert "\u202e" in h, "the RLO text is missing from the report"
depth = 0
for ch in h:
    if ch in "\u2066\u2067\u2068":
        depth += 1
    elif ch == "\u2069":
        assert depth > 0, "PDI without its isolate"
        depth -= 1
    elif "\u202a" <= ch <= "\u202e":
        assert depth > 0, "embedding or override outside an isolate"
assert depth == 0, "isolate left open"
PY
finish
