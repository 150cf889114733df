$PRECIS compare --help
