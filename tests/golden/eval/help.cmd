$PRECIS eval --help
