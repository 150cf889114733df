$PRECIS summarize -n 3 tests/golden/summarize/en-cnn-dateline.txt
