$PRECIS eval --data tests/data/eval.jsonl --format json --system precis --system lead --words 12 --truncate --samples 100 2>/dev/null
