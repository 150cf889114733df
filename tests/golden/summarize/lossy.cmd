$PRECIS summarize --lossy tests/data/bad-utf8.txt
