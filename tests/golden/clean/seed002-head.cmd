$PRECIS meta examples/002_247d40d0ead6c7e3.txt | grep -E '^  "(headline|outlet)"'
