$PRECIS meta examples/003_0ed67731ac4c45f8.txt | grep -E '^  "(headline|outlet)"'
