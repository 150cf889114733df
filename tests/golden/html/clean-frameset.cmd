$PRECIS clean tests/golden/html/data/frameset.html 2>&1
