$PRECIS meta --format text --date 2019-04-23 examples/002_247d40d0ead6c7e3.txt
