$PRECIS clean -j 2 --jsonl < tests/golden/html/data/pages.jsonl
