#!/bin/sh
# Option values: overflow, NaN, infinities, negatives, junk and absurd sizes
# are usage errors (exit 2) naming the option and what it accepts, for every
# numeric option of every command. Before issue 15 counts took any size_t
# (compare --stories 99999999999 ran), eval lead-N wrapped past 2^64, and
# the messages did not say what the option accepts.
. "$(dirname "$0")/lib.sh"
# Every value here is wrong for every numeric option below.
BAD="nan NaN -nan inf -inf infinity -1 -0.5 1e999 -1e999 18446744073709551616 99999999999999999999999 0x10 5x 1,5 _ 1e12 99999999999999"
# cmd opt [fixed args...]: each option with each bad value.
table() {
	cmd=$1; opt=$2; shift 2
	for v in $BAD "" " 5"; do
		"$PRECIS" $cmd "--$opt" "$v" "$@" > /dev/null 2> "$T/err" < /dev/null
		st=$?
		if [ "$st" != 2 ]; then ko "$cmd --$opt '$v': exit $st, want 2"; continue; fi
		grep -q -- "--$opt.*expected" "$T/err" && ok || { ko "$cmd --$opt '$v': message does not name the option and its range"; head -2 "$T/err"; }
	done
}
A=$T/a.txt
for o in sentences ratio words chars position-bias title-bias damping tolerance max-iter threshold redundancy max-bytes jobs; do
	table summarize $o "$A"
done
for o in max-bytes; do table clean $o "$A"; table split $o "$A"; table meta $o "$A"; table idf $o "$A"; done
for o in threshold stories sentences jobs; do table compare $o "$A" "$A"; done
for o in alpha jobs; do table rouge $o "$A" "$T/ref.txt"; done
for o in limit-words limit-bytes; do table rouge $o --compat rouge155 "$A" "$T/ref.txt"; done
for o in sentences words samples jobs; do table eval $o --data "$T/d.jsonl" --system lead; done
# Seeds take the whole 64-bit range, and no more.
for c in summarize eval; do
	args="$A"; [ $c = eval ] && args="--data $T/d.jsonl --system random --samples 10"
	"$PRECIS" $c --seed 18446744073709551615 $args > /dev/null 2>&1 && ok || ko "$c --seed 2^64-1 refused"
	"$PRECIS" $c --seed 18446744073709551616 $args > /dev/null 2> "$T/err"
	[ $? = 2 ] && grep -q -- "--seed" "$T/err" && ok || ko "$c --seed 2^64 accepted"
done
# Size suffixes that overflow size_t.
for v in 17179869184G 18014398509481984M 18446744073709551615k; do
	"$PRECIS" summarize --max-bytes $v "$A" > /dev/null 2> "$T/err"
	[ $? = 2 ] && grep -q -- "--max-bytes" "$T/err" && ok || ko "--max-bytes $v accepted"
done
# A system name with a count past 2^64.
"$PRECIS" eval --data "$T/d.jsonl" --system lead-18446744073709551617 > /dev/null 2> "$T/err"
[ $? = 2 ] && grep -q "lead-18446744073709551617" "$T/err" && ok || ko "eval lead-2^64+1 accepted"
finish
