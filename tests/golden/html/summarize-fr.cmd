$PRECIS summarize -n 2 --headline tests/golden/html/data/fr.html
