"""RougeScorer with rouge-score's interface, scored by the precis C library.

    >>> from precis.rouge_score import rouge_scorer
    >>> scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
    >>> scorer.score("The quick brown fox jumps over the lazy dog",
    ...              "The quick brown dog jumps on the log.")["rouge1"].fmeasure

The numbers are rouge-score 0.1.2's to the last digit (checked on the ROUGE
development vectors). A custom tokenizer, or rouge5 to rouge9, take the pure
Python path (_pure), with the same results as rouge-score.
"""
from typing import Dict, List, Optional, Sequence, Union

from .. import _precis
from . import _pure, scoring, tokenizers
from .scoring import Score

Text = Union[str, bytes]

_C_TYPES = frozenset(("rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum"))


class RougeScorer(scoring.BaseScorer):
    """Calculate ROUGE scores between two texts, as rouge_score.rouge_scorer.RougeScorer.

    Args:
      rouge_types: measures to compute: "rouge1" .. "rouge9", "rougeL" (LCS over the
        whole texts), "rougeLsum" (summary-level LCS over newline-separated sentences).
      use_stemmer: strip suffixes with the Porter stemmer (tokens over 3 letters).
      split_summaries: for rougeLsum, split sentences with NLTK's sent_tokenize
        (needs NLTK and its punkt data) instead of on newlines.
      tokenizer: an object with tokenize(text) -> list of str; scoring then runs in
        Python. None: rouge-score's default tokenizer, in C.

    Scorer objects pickle (to worker processes) and may be shared by threads.
    """

    def __init__(self, rouge_types: Sequence[str], use_stemmer: bool = False,
                 split_summaries: bool = False, tokenizer: Optional[tokenizers.Tokenizer] = None):
        self.rouge_types = rouge_types
        self._use_stemmer = bool(use_stemmer)
        self._split_summaries = bool(split_summaries)
        self._custom_tokenizer = tokenizer
        self._setup()

    def _setup(self):
        types = list(self.rouge_types)
        self._fast = self._custom_tokenizer is None and all(t in _C_TYPES for t in types)
        self._split_lsum = self._split_summaries and "rougeLsum" in types
        self._c = None
        self._tokenizer = self._custom_tokenizer
        if self._fast:
            self._c = _precis.Rouge(_precis.ROUGE_SCORE, self._use_stemmer, types, Score)
        elif self._tokenizer is None:
            self._tokenizer = tokenizers.DefaultTokenizer(self._use_stemmer)

    def __getstate__(self):
        return {"rouge_types": self.rouge_types, "use_stemmer": self._use_stemmer,
                "split_summaries": self._split_summaries, "tokenizer": self._custom_tokenizer}

    def __setstate__(self, state):
        self.rouge_types = state["rouge_types"]
        self._use_stemmer = state["use_stemmer"]
        self._split_summaries = state["split_summaries"]
        self._custom_tokenizer = state["tokenizer"]
        self._setup()

    def _prepare(self, text: Text) -> Text:
        # rougeLsum's sentences become lines for the C scorer; line breaks inside a
        # sentence become spaces, which tokenize the same.
        if not self._split_lsum:
            return text
        return "\n".join(s.replace("\n", " ") for s in _pure.sentences(text, True))

    def score(self, target: Text, prediction: Text) -> Dict[str, Score]:
        """Scores of prediction against target: rouge type -> Score."""
        if not self._fast:
            return _pure.score(self.rouge_types, self._tokenizer, target, prediction,
                               self._split_summaries)
        if self._split_lsum:
            return self._c.score(self._prepare(target), self._prepare(prediction))
        return self._c.score(target, prediction)

    def score_multi(self, targets: Sequence[Text], prediction: Text) -> Dict[str, Score]:
        """Per rouge type, the score against the target with the best F-measure."""
        if not self._fast:
            dicts = [self.score(t, prediction) for t in targets]
            if not dicts:
                raise ValueError("score_multi needs at least one target")
            best = {}
            for k in self.rouge_types:
                fs = [d[k].fmeasure for d in dicts]
                best[k] = dicts[fs.index(max(fs))][k]
            return best
        return self._c.score_multi([self._prepare(t) for t in targets],
                                   self._prepare(prediction))

    def score_batch(self, targets: Sequence[Union[Text, Sequence[Text]]],
                    predictions: Sequence[Text], threads: int = 1) -> List[Dict[str, Score]]:
        """score() of every (target, prediction) pair, on threads, GIL released.

        A target may be a list of references (score_multi rules). threads=0 uses one
        thread per core. Results are in input order and independent of threads.
        """
        if len(targets) != len(predictions):
            raise ValueError("%d targets but %d predictions" % (len(targets), len(predictions)))
        if not self._fast:
            return [self.score(t, p) if isinstance(t, (str, bytes)) else self.score_multi(t, p)
                    for t, p in zip(targets, predictions)]
        if self._split_lsum:
            targets = [self._prepare(t) if isinstance(t, (str, bytes))
                       else [self._prepare(x) for x in t] for t in targets]
            predictions = [self._prepare(p) for p in predictions]
        return self._c.score_batch(targets, predictions, threads)
