$PRECIS meta tests/golden/html/data/en-1252.html | grep -A8 '"sources"'
