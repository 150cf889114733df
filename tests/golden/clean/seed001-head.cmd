$PRECIS meta examples/001_60c60c439b538c3c.txt | grep -E '^  "(headline|outlet)"'
