$PRECIS compare tests/data/journal/*.txt tests/data/journal-wide/*.txt | sed -n "/^## Who covered what/,/^## Story 1/p"
