python3 tests/cli/help_vs_man.py "$PRECIS" docs/precis.1
