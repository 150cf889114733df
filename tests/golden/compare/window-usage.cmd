$PRECIS compare --window 3 examples/ 2>&1; echo "exit $?"; $PRECIS compare --jsonl --window 3 --format html tests/golden/compare/window-stream.jsonl 2>&1; echo "exit $?"
