$PRECIS compare tests/data/journal-near/
