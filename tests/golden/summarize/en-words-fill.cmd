$PRECIS summarize --words 45 tests/golden/summarize/en-dailymail-oneline.txt
