$PRECIS compare --format json tests/data/journal/
