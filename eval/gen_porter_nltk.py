#!/usr/bin/python3
"""Regenerate tests/data/porter-nltk.tsv: NLTK's PorterStemmer (default
NLTK_EXTENSIONS mode, Debian python3-nltk) on the words of the file. Run with
Debian's /usr/bin/python3. tests/data/porter-rouge155.tsv holds the output of
ROUGE-1.5.5.pl's own stemmer on words of the same kind (generated outside the
repository: the script is not redistributable)."""
import sys
from nltk.stem.porter import PorterStemmer
ps = PorterStemmer()
path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/porter-nltk.tsv"
words = [l.split("\t")[0] for l in open(path, encoding="utf-8") if l.strip()]
with open(path, "w", encoding="utf-8") as f:
    for w in words:
        f.write(f"{w}\t{ps.stem(w)}\n")
