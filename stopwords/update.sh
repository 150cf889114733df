#!/bin/sh
# Regenerates the stop lists in stopwords/ from the packages they come from
# (see stopwords/README.md). Usage: stopwords/update.sh [OUTDIR]
#   Snowball languages: Debian liblingua-stopwords-perl (Lingua::StopWords),
#     the word order of the module kept; but French, whose Lingua list is an
#     old Snowball version without les, leurs, ils, cette, ... (README):
#     npm lunr-languages 1.22.0 (lunr.fr.js, the current Snowball list);
#   the others: npm stopwords-iso 1.1.0.
#   npm packages are fetched with `npm pack` into a temporary directory;
#   nothing is installed.
# With OUTDIR, writes there instead (tests/check-stopwords.sh compares).
set -eu
out=${1:-$(dirname "$0")}
SNOWBALL="da de en es fi hu id it nl no pt ru sv"
ISO="ar ca el eu ga hi hy lt ro tr"
ISO_VERSION=1.1.0
LUNR_VERSION=1.22.0

pkgver=$(dpkg-query -W -f '${Version}' liblingua-stopwords-perl 2>/dev/null) || {
	echo "stopwords/update.sh: liblingua-stopwords-perl is not installed (make deps)" >&2
	exit 1
}
for l in $SNOWBALL; do
	L=$(echo "$l" | tr a-z A-Z)
	{
		echo " | Source: Debian liblingua-stopwords-perl $pkgver (Lingua::StopWords::$L," \
			"the Snowball list), BSD-3-Clause; see stopwords/README.md"
		perl -MLingua::StopWords::"$L" -e \
			'binmode STDOUT, ":utf8"; print "$_\n" for Lingua::StopWords::'"$L"'::_stopwords()'
	} > "$out/$l.txt"
done

[ "${SKIP_NPM:-0}" = 1 ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && npm pack --silent "stopwords-iso@$ISO_VERSION" \
	"lunr-languages@$LUNR_VERSION" >/dev/null 2>&1); then
	echo "stopwords/update.sh: npm pack failed (no npm or no registry)" >&2
	exit 3
fi
mkdir "$tmp/iso" "$tmp/lunr"
tar -xzf "$tmp"/stopwords-iso-$ISO_VERSION.tgz -C "$tmp/iso"
tar -xzf "$tmp"/lunr-languages-$LUNR_VERSION.tgz -C "$tmp/lunr"
python3 - "$tmp/lunr/package/lunr.fr.js" "$LUNR_VERSION" > "$out/fr.txt" <<'PY'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
words = re.search(r"generateStopWordFilter\('([^']*)'", src).group(1).split()
print(f" | Source: npm lunr-languages {sys.argv[2]} (lunr.fr.js, the Snowball French list),"
      " MPL-1.1; see stopwords/README.md")
for w in words:
    print(w)
PY
for l in $ISO; do
	python3 - "$tmp/iso/package/stopwords-iso.json" "$l" "$ISO_VERSION" > "$out/$l.txt" <<'PY'
import json, sys
words = json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]]
print(f" | Source: npm stopwords-iso {sys.argv[3]} ({sys.argv[2]}), MIT, Copyright (c) Gene Diaz;"
      " see stopwords/README.md")
for w in words:
    print(w)
PY
done
