$PRECIS clean --explain tests/golden/html/data/fr.html
