$PRECIS summarize -n 1 --jsonl tests/golden/html/data/pages.jsonl
