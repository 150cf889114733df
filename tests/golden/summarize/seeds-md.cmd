$PRECIS summarize --format md --headline -n 2 examples/
