$PRECIS summarize --help
