$PRECIS clean tests/golden/html/data/fr.html
