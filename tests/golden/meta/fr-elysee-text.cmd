$PRECIS meta --format text --date 2024-02-16 tests/golden/meta/fr-elysee.txt
