$PRECIS clean --warc tests/golden/html/data/pages.warc.gz 2>&1
