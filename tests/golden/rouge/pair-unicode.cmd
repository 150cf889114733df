$PRECIS rouge tests/data/cand.txt tests/data/ref.txt
