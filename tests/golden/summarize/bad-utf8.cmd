$PRECIS summarize tests/data/bad-utf8.txt 2>&1
