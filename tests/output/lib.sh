# Shared by tests/output/*.sh (sourced): $PRECIS, a private temp dir $T,
# ok/ko counters and the closing "N passed, N failed" line.
PRECIS=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/precis-output.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
finish() {
	echo "$(basename "$0" .sh): $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# Small inputs written here, not copied from anywhere.
printf 'The council approved the new budget on Monday after a long debate.\nSchools will get more money for teachers and books next year.\nThe mayor said the vote showed the city cared about its children.\n' > "$T/a.txt"
printf 'The council approved the budget. Schools get more money.\n' > "$T/ref.txt"
printf '{"id":"a","text":"The council approved the new budget on Monday after a long debate. Schools will get more money for teachers and books next year.","reference":"The council approved the budget.","abstract":"The council approved the budget.","article":"The council approved the new budget on Monday after a long debate. Schools will get more money for teachers and books next year."}\n{"id":"b","text":"Heavy rain fell across the region for two days. Rivers rose and several roads were closed by the police.","reference":"Rain closed roads.","abstract":"Rain closed roads.","article":"Heavy rain fell across the region for two days. Rivers rose and several roads were closed by the police."}\n' > "$T/d.jsonl"
printf '{"candidate":"The council approved the budget.","reference":"The council approved the new budget."}\n' > "$T/pairs.jsonl"
