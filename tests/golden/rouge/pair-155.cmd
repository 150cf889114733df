$PRECIS rouge --compat rouge155 --stem --measures rouge1,rouge2,rougeL,rougeW,rougeSU4 tests/data/cand.txt tests/data/ref.txt
