out=$($PRECIS compare --jsonl tests/html/links.jsonl) || exit 1; printf '%s\n' "$out" | grep -F ']('; echo "javascript: $(printf '%s\n' "$out" | grep -c javascript)"
