$PRECIS clean tests/golden/html/data/en-1252.html
