"""Scores and bootstrap aggregation with rouge-score's interface and numbers.

BootstrapAggregator draws its resamples from numpy's global generator exactly
as rouge-score 0.1.2 does (one numpy.random.choice of n indices per resample,
then numpy.percentile), so the same numpy seed gives the same intervals.
numpy is imported only when aggregating.
"""
import abc
import collections
from typing import Dict, List, Mapping


class Score(collections.namedtuple("Score", ["precision", "recall", "fmeasure"])):
    """Precision, recall and F-measure of one measure."""


class AggregateScore(collections.namedtuple("AggregateScore", ["low", "mid", "high"])):
    """Confidence interval (low, high) and mean (mid) of a measure, each a Score."""


class BaseScorer(object, metaclass=abc.ABCMeta):
    """Interface of a scorer: score(target, prediction) -> dict of Score."""

    @abc.abstractmethod
    def score(self, target, prediction):
        """Scores of prediction against target, by score type."""


class BootstrapAggregator(object):
    """Mean and bootstrap confidence interval of scores added one pair at a time.

    Example:
      >>> agg = BootstrapAggregator()
      >>> agg.add_scores(scorer.score(target, prediction))
      >>> agg.aggregate()["rouge1"].mid.fmeasure
    """

    def __init__(self, confidence_interval: float = 0.95, n_samples: int = 1000):
        if confidence_interval < 0 or confidence_interval > 1:
            raise ValueError("confidence_interval must be in range [0, 1]")
        if n_samples <= 0:
            raise ValueError("n_samples must be positive")
        self._n_samples = n_samples
        self._confidence_interval = confidence_interval
        self._scores: Dict[str, List] = collections.defaultdict(list)

    def add_scores(self, scores: Mapping) -> None:
        """Add the scores (score type -> Score) of one pair."""
        for score_type, score in scores.items():
            self._scores[score_type].append(score)

    def aggregate(self) -> Dict[str, AggregateScore]:
        """Score type -> AggregateScore(low, mid, high); mid is the mean."""
        import numpy as np

        result = {}
        for score_type, scores in self._scores.items():
            matrix = np.vstack(tuple(scores))
            bounds = self._bootstrap_resample(matrix)
            cls = scores[0].__class__
            low, mid, high = (cls(*bounds[k, :]) for k in range(3))
            result[score_type] = AggregateScore(low=low, mid=mid, high=high)
        return result

    def _bootstrap_resample(self, matrix):
        import numpy as np

        rows = matrix.shape[0]
        means = np.zeros((self._n_samples, matrix.shape[1]))
        population = np.arange(rows)
        # One draw of `rows` indices per resample, in this order: the global
        # generator's stream is then consumed exactly as rouge-score consumes it.
        for k in range(self._n_samples):
            picked = np.random.choice(population, size=rows)
            means[k, :] = np.mean(matrix[picked, :], axis=0)
        tail = (1 - self._confidence_interval) / 2
        return np.percentile(means, 100 * np.array([tail, 0.5, 1 - tail]), axis=0)


def fmeasure(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    if precision + recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0
