$PRECIS meta --format text tests/golden/html/data/fr.html
