#!/bin/sh
# Golden CLI tests. Each case is tests/golden/<group>/<name>.cmd: one shell
# line run from the repository root with $PRECIS set to the binary; its
# stdout must equal <name>.out byte for byte, and its exit status the
# number in <name>.status when that file exists (0 otherwise).
# UPDATE=1 rewrites the .out files (read every diff before committing).
PRECIS=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export PRECIS
# ROUGE-1.5.5 users may have it set; cases that want it set it themselves.
unset ROUGE_EVAL_HOME
cd "$(dirname "$0")/../.." || exit 2
pass=0
fail=0
for cmd in tests/golden/*/*.cmd; do
	[ -f "$cmd" ] || continue
	base=${cmd%.cmd}
	want_status=0
	[ -f "$base.status" ] && want_status=$(cat "$base.status")
	got=$(mktemp)
	sh "$cmd" > "$got" 2>/dev/null
	status=$?
	if [ -n "$UPDATE" ]; then
		cp "$got" "$base.out"
	fi
	if [ "$status" != "$want_status" ]; then
		echo "FAIL $base: exit status $status, expected $want_status"
		fail=$((fail + 1))
	elif ! cmp -s "$got" "$base.out"; then
		echo "FAIL $base: output differs:"
		diff "$base.out" "$got" | head -20
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
	rm -f "$got"
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
