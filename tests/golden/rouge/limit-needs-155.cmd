$PRECIS rouge -l 5 tests/data/cand.txt tests/data/ref.txt 2>&1
