$PRECIS summarize --jsonl tests/golden/oneline/records.jsonl 2>&1; echo "exit $?"
