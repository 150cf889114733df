$PRECIS rouge --compat rouge-score --jsonl tests/data/rouge.jsonl
