out=$($PRECIS compare --jsonl tests/golden/oneline/records.jsonl 2>&1); st=$?; printf '%s\n' "$out" | sed -n '1,/^### Outlets/p;/^| article/p;/^## Single-article/,/^## Similarity/p'; echo "exit $st"
