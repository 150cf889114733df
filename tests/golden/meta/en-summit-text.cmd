$PRECIS meta --format text --date 2023-11-15 tests/golden/meta/en-summit.txt
