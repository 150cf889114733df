#!/bin/sh
# Provenance of the stop lists: stopwords/*.txt must be exactly what
# stopwords/update.sh extracts from the packages named in stopwords/README.md.
# The Debian part always runs (make deps installs liblingua-stopwords-perl);
# the npm part is skipped, with a message, where npm cannot reach its registry.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
sh stopwords/update.sh "$tmp"
rc=$?
if [ $rc -eq 3 ]; then
	echo "check-stopwords: npm registry unreachable, npm-sourced lists not checked"
	skip=1
elif [ $rc -ne 0 ]; then
	echo "check-stopwords: stopwords/update.sh failed ($rc)"
	echo "0 passed, 1 failed"
	exit 1
fi
for f in "$tmp"/*.txt; do
	l=$(basename "$f")
	if cmp -s "$f" "stopwords/$l"; then
		pass=$((pass + 1))
	else
		echo "check-stopwords: stopwords/$l differs from its package:"
		diff "$f" "stopwords/$l" | head -5
		fail=$((fail + 1))
	fi
done
# Every committed list must come from somewhere.
for f in stopwords/*.txt; do
	[ -f "$tmp/$(basename "$f")" ] || [ $skip -eq 1 ] || {
		echo "check-stopwords: $f has no package source in stopwords/update.sh"
		fail=$((fail + 1))
	}
done
echo "check-stopwords: $pass passed, $fail failed"
[ $fail -eq 0 ]
