$PRECIS summarize tests/data/does-not-exist.txt examples/002_247d40d0ead6c7e3.txt -n 1 2>&1
