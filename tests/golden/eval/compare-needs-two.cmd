$PRECIS eval --data tests/data/eval.jsonl --system lead-1 --compare lead-1 2>&1
