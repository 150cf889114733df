$PRECIS summarize --headline -n 3 examples/
