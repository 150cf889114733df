$PRECIS clean --explain tests/data/bad-utf8.txt 2>&1
