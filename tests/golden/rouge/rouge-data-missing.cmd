$PRECIS rouge --compat rouge155 --stem --rouge-data /nonexistent/rouge-data tests/data/cand.txt tests/data/ref.txt 2>&1
