$PRECIS compare --format json --warc tests/golden/html/data/pages.warc.gz 2>/dev/null | grep -E '^      "(id|outlet|headline|date|url|language)"'
