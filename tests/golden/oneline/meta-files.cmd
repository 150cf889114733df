for f in one-line headline empty; do $PRECIS meta --format text tests/golden/oneline/$f.txt 2>&1; echo "exit $?"; done
