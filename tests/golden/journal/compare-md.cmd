$PRECIS compare tests/data/journal/
