"""A drop-in for Google's rouge-score package, computed by the precis C library.

Replace

    from rouge_score import rouge_scorer, scoring

by

    from precis.rouge_score import rouge_scorer, scoring

and every number stays the same (rouge-score 0.1.2: same tokenizer, same Porter
stemmer, same summary-level LCS, same bootstrap draws from numpy's global
generator), only faster. RougeScorer.score_batch(targets, predictions, threads=N)
scores many pairs at once on N threads with the GIL released.
"""
from . import rouge_scorer, scoring, tokenize, tokenizers

__all__ = ["rouge_scorer", "scoring", "tokenize", "tokenizers"]
