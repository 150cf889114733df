$PRECIS rouge --help
