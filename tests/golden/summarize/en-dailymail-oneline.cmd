$PRECIS summarize -n 3 tests/golden/summarize/en-dailymail-oneline.txt
