#!/usr/bin/python3
"""Regenerate tests/data/porter_stems.tsv, the expectations of test_rouge's
Porter tests: words with the stems that the two reference stemmers give.

  nltk      NLTK's PorterStemmer() in its default NLTK_EXTENSIONS mode, which
            Google's rouge-score uses (Debian python3-nltk 3.8).
  rouge155  the stem() subroutine of ROUGE-1.5.5.pl, run by perl. The script
            is not redistributable, so it is not in this repository: point
            ROUGE155 at a copy; its stemmer (from "# Porter stemmer in Perl"
            to the end of the file) is run as is.

Words: every ASCII run [a-z0-9]+ of the lowercased Debian word lists
(snowball-data porter/ and english/ vocabularies, wamerican, wfrench), of
OrangeSum's validation set, of the ROUGE dev vectors and of the WordNet
exception lists: 326,636 distinct words. Kept: every word of more than 3
characters where the two stemmers disagree, every such word of the ROUGE
dev vectors, and a seeded sample of the others, plus a few short words
(both tools leave them alone). Run from the repository root:

  ROUGE155=/path/to/ROUGE-1.5.5.pl /usr/bin/python3 tests/gen_porter_stems.py

Debian packages: python3-nltk perl snowball-data wamerican wfrench.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

from nltk.stem.porter import PorterStemmer

SHARED = "../shared/data"
SOURCES = [
    "/usr/share/snowball/data/porter/voc.txt",
    "/usr/share/snowball/data/english/voc.txt",
    "/usr/share/dict/american-english",
    "/usr/share/dict/french",
    SHARED + "/orangesum/valid.jsonl",
    SHARED + "/rouge/dev_vectors.jsonl",
] + ["src/data/wordnet/%s.exc" % p for p in ("adj", "adv", "noun", "verb")]
SAMPLE = 4000
SHORT = 60
OUT = "tests/data/porter_stems.tsv"


def words_of(path):
    # Both tools lowercase ASCII and split on everything outside [a-z0-9].
    with open(path, encoding="utf-8", errors="replace") as f:
        return set(re.findall(r"[a-z0-9]+", f.read().lower()))


def perl_stems(script, words):
    with open(script, encoding="latin-1") as f:
        text = f.read()
    start = text.index("# Porter stemmer in Perl")
    driver = text[start:] + (
        '\ninitialise();\n'
        'while (my $w = <STDIN>) { chomp $w; print stem($w), "\\n"; }\n')
    with tempfile.NamedTemporaryFile("w", suffix=".pl", delete=False) as f:
        f.write(driver)
        name = f.name
    try:
        out = subprocess.run(["perl", name], input="\n".join(words) + "\n",
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(name)
    stems = out.split("\n")[:len(words)]
    assert len(stems) == len(words)
    return dict(zip(words, stems))


def main():
    script = os.environ.get("ROUGE155")
    if not script:
        sys.exit("set ROUGE155 to the path of ROUGE-1.5.5.pl")
    vocab = set()
    for path in SOURCES:
        vocab |= words_of(path)
    dev = words_of(SHARED + "/rouge/dev_vectors.jsonl")
    words = sorted(vocab)
    nltk = PorterStemmer()
    n = {w: nltk.stem(w) for w in words}
    p = perl_stems(script, words)
    long_words = [w for w in words if len(w) > 3]
    keep = {w for w in long_words if n[w] != p[w] or w in dev}
    rng = random.Random(20240601)
    rest = [w for w in long_words if w not in keep]
    keep |= set(rng.sample(rest, SAMPLE))
    keep |= set(rng.sample([w for w in words if len(w) <= 3], SHORT))
    with open(OUT, "w") as f:
        f.write("# word\tNLTK PorterStemmer (NLTK_EXTENSIONS)\tROUGE-1.5.5.pl stem()"
                " -- tests/gen_porter_stems.py\n")
        for w in sorted(keep):
            f.write("%s\t%s\t%s\n" % (w, n[w], p[w]))
    print("%s: %d words (%d of %d longer than 3 characters differ between the stemmers)"
          % (OUT, len(keep), sum(n[w] != p[w] for w in long_words), len(long_words)))


if __name__ == "__main__":
    main()
