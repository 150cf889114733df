$PRECIS compare examples/
