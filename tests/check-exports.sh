#!/bin/sh
# The shared library exports exactly the functions include/precis.h declares
# (jansson's test/suites/api/check-exports). Usage: check-exports.sh LIB.so
lib=${1:?usage: check-exports.sh libprecis.so}
hdr=$(dirname "$0")/../include/precis.h
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
grep -o 'precis_[a-z0-9_]*(' "$hdr" | tr -d '(' | sort -u > "$tmp/declared"
nm -D --defined-only "$lib" | awk '$2 ~ /^[TtWw]$/ { print $3 }' | sort -u > "$tmp/exported"
# Functions the header names only inside comments or macros are not promises.
fail=0
comm -13 "$tmp/declared" "$tmp/exported" > "$tmp/extra"
comm -23 "$tmp/declared" "$tmp/exported" > "$tmp/missing"
if [ -s "$tmp/extra" ]; then
	echo "check-exports: exported but not in precis.h:"; sed 's/^/  /' "$tmp/extra"; fail=1
fi
if [ -s "$tmp/missing" ]; then
	echo "check-exports: in precis.h but not exported:"; sed 's/^/  /' "$tmp/missing"; fail=1
fi
n=$(wc -l < "$tmp/exported")
if [ $fail -eq 0 ]; then echo "check-exports: $n symbols, 1 passed, 0 failed"
else echo "check-exports: 0 passed, 1 failed"; fi
exit $fail
