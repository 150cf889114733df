$PRECIS clean --jsonl tests/golden/html/data/pages.jsonl
