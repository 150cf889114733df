$PRECIS meta --format text --date 2023-09-13 tests/golden/meta/en-spaceport.txt
