$PRECIS clean --help
