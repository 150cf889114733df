$PRECIS idf --help
