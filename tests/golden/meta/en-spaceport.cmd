$PRECIS meta --date 2023-09-13 tests/golden/meta/en-spaceport.txt
