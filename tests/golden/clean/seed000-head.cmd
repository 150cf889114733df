$PRECIS meta examples/000_a218bc12d536e990.txt | grep -E '^  "(headline|outlet)"'
