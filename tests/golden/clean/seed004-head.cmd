$PRECIS meta examples/004_67d2f7bd1d453721.txt | grep -E '^  "(headline|outlet)"'
