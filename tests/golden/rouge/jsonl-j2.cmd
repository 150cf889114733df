$PRECIS rouge --compat rouge-score --jsonl -j 2 < tests/data/rouge.jsonl
