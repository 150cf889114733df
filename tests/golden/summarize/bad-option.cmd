$PRECIS summarize --ratio 0 examples/ 2>&1
