$PRECIS summarize -n 1 --warc tests/golden/html/data/pages.warc.gz 2>&1
