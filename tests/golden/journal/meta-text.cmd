for f in tests/data/journal/*.txt; do $PRECIS meta --format text "$f" || exit 1; done
