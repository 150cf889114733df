$PRECIS split --help
