$PRECIS summarize --jsonl < tests/data/batch.jsonl
