"""Tokenizer classes with rouge-score's interface.

A RougeScorer given a tokenizer object (anything with tokenize(text) -> list of
str) scores in Python with it; without one, the C library does the default
tokenization itself.
"""
import abc

from . import tokenize


class Tokenizer(abc.ABC):
    """Abstract base class of tokenizers: tokenize(text) -> list of str."""

    @abc.abstractmethod
    def tokenize(self, text):
        """Tokens of text."""


def porter_stemmer():
    """NLTK's Porter stemmer, which rouge-score uses (NLTK_EXTENSIONS mode)."""
    try:
        from nltk.stem import porter
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("stemming in Python needs NLTK (Debian: python3-nltk); the "
                          "default tokenizer stems in C without it") from e
    return porter.PorterStemmer()


class DefaultTokenizer(Tokenizer):
    """rouge-score's default tokenizer, in Python (the slow path: see tokenize)."""

    def __init__(self, use_stemmer=False):
        self._stemmer = porter_stemmer() if use_stemmer else None

    def tokenize(self, text):
        return tokenize.tokenize(text, self._stemmer)
