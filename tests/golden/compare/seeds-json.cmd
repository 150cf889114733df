$PRECIS compare --format json examples/
