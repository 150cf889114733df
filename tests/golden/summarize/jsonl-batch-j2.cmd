$PRECIS summarize --jsonl -j 2 < tests/data/batch.jsonl
