$PRECIS meta --help
