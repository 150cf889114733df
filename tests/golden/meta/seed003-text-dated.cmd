$PRECIS meta --format text --date 2024-06-17 examples/003_0ed67731ac4c45f8.txt
