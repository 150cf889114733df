"""rouge-score's default tokenization, in Python (the C library does the same work).

Lower-case, every run of characters other than a-z and 0-9 becomes a space,
split on whitespace; with a stemmer, tokens longer than 3 characters are stemmed;
only [a-z0-9]+ tokens are kept.
"""
import re

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_VALID = re.compile(r"^[a-z0-9]+$")


def tokenize(text, stemmer=None):
    """Tokens of text as rouge-score 0.1.2 makes them."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    text = _NON_ALNUM.sub(" ", text.lower())
    tokens = _SPACES.split(text)
    if stemmer:
        tokens = [stemmer.stem(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if _VALID.match(t)]
