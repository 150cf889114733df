$PRECIS compare --jsonl tests/golden/compare/records.jsonl
