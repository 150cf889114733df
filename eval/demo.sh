#!/bin/sh
# `make demo`: summarize the bundled example articles (examples/: five French
# pages scraped from news sites about three Putin-Kim meetings), then compare
# how the outlets covered them when the compare command is built in.
set -eu
PRECIS=$1
cd "$(dirname "$0")/.."
echo "== precis summarize --headline -n 3 examples/"
echo
"$PRECIS" summarize --headline -n 3 examples/
if "$PRECIS" compare --help > /dev/null 2>&1; then
	echo
	echo "== precis compare examples/ (Markdown report)"
	echo
	"$PRECIS" compare examples/
fi
