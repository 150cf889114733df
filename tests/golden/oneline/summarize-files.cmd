$PRECIS summarize tests/golden/oneline/one-line.txt tests/golden/oneline/headline.txt tests/golden/oneline/empty.txt 2>&1; echo "exit $?"
