"""rouge-score's default tokenization, in Python (the C library does the same work).

The operations of rouge-score 0.1.2's tokenize.py, in its order and with its
three module-level compiled patterns, so that eval/bench_python.py times what
rouge-score spends: lower-case; every run of characters other than a-z and 0-9
becomes a space; split on whitespace; with a stemmer, tokens longer than 3
characters are stemmed; only [a-z0-9]+ tokens are kept.
"""
import re

NON_ALPHANUM_RE = re.compile(r"[^a-z0-9]+")
SPACES_RE = re.compile(r"\s+")
VALID_TOKEN_RE = re.compile(r"^[a-z0-9]+$")


def _ensure_str(text):
    # six.ensure_str: bytes are UTF-8.
    return text.decode("utf-8") if isinstance(text, bytes) else text


def tokenize(text, stemmer=None):
    """Tokens of text as rouge-score 0.1.2 makes them."""
    text = text.lower()
    text = NON_ALPHANUM_RE.sub(" ", _ensure_str(text))
    tokens = SPACES_RE.split(text)
    if stemmer:
        tokens = [_ensure_str(stemmer.stem(x)) if len(x) > 3 else x for x in tokens]
    return [x for x in tokens if VALID_TOKEN_RE.match(x)]
