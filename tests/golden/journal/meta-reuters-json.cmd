$PRECIS meta tests/data/journal/apple-reuters.txt
