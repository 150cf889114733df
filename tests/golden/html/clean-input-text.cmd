$PRECIS clean --input text --explain tests/golden/html/data/fr.html | head -4
