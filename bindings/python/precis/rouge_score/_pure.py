"""ROUGE in pure Python, step for step as rouge-score 0.1.2 computes it.

Two users: RougeScorer, for what the C library does not cover (a custom
tokenizer, rouge5 to rouge9), and eval/bench_python.py, which needs a
stand-in for rouge-score itself (Debian does not package it). So this module
is deliberately *not* optimised: it does the same Python operations, on the
same data structures, in the same order as rouge-score 0.1.2's
rouge_scorer.py (Apache-2.0): n-grams counted one at a time into a
collections.Counter of tuples; the LCS table built as a list of lists and
indexed table[i][j] in the inner loop; the LCS read back from the end of the
full table, inserting each index at the front of a list; the union of a
reference sentence's LCS with every candidate sentence through a set, sorted;
clipped summary-level hits with two Counters; scoring.Score namedtuples.
tests/python checks it against every ROUGE development vector.
"""
import collections
import re

from . import scoring


def _ensure_str(text):
    # six.ensure_str, which rouge-score applies to texts: bytes are UTF-8.
    return text.decode("utf-8") if isinstance(text, bytes) else text


def score(rouge_types, tokenizer, target, prediction, split_summaries=False):
    """rouge-score's RougeScorer.score with any tokenizer, in Python."""
    # As rouge-score: whole-text tokens once, unless rougeLsum is all there is.
    if len(rouge_types) == 1 and rouge_types[0] == "rougeLsum":
        target_tokens = prediction_tokens = None
    else:
        target_tokens = tokenizer.tokenize(target)
        prediction_tokens = tokenizer.tokenize(prediction)
    result = {}
    for rouge_type in rouge_types:
        if rouge_type == "rougeL":
            scores = _score_lcs(target_tokens, prediction_tokens)
        elif rouge_type == "rougeLsum":
            target_list = [tokenizer.tokenize(s) for s in sentences(target, split_summaries)]
            prediction_list = [tokenizer.tokenize(s)
                               for s in sentences(prediction, split_summaries)]
            scores = _summary_level_lcs(target_list, prediction_list)
        else:
            n = ngram_order(rouge_type)
            scores = _score_ngrams(_create_ngrams(target_tokens, n),
                                   _create_ngrams(prediction_tokens, n))
        result[rouge_type] = scores
    return result


def sentences(text, split_summaries):
    """Non-empty lines of text, or NLTK's sentences with split_summaries."""
    if split_summaries:
        import nltk

        parts = nltk.sent_tokenize(_ensure_str(text))
    else:
        parts = _ensure_str(text).split("\n")
    return [s for s in parts if len(s)]


def ngram_order(rouge_type):
    """n of "rougeN" (0-9 as rouge-score's pattern reads it), or its ValueErrors."""
    if re.match(r"rouge[0-9]$", _ensure_str(rouge_type)):
        n = int(rouge_type[5:])
        if n <= 0:
            raise ValueError("rougen requires positive n: %s" % rouge_type)
        return n
    raise ValueError("Invalid rouge type: %s" % rouge_type)


def _create_ngrams(tokens, n):
    counts = collections.Counter()
    for gram in (tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)):
        counts[gram] += 1
    return counts


def _score_ngrams(target_ngrams, prediction_ngrams):
    overlap = 0
    for gram in target_ngrams.keys():
        overlap += min(target_ngrams[gram], prediction_ngrams[gram])
    target_count = sum(target_ngrams.values())
    prediction_count = sum(prediction_ngrams.values())
    precision = overlap / max(prediction_count, 1)
    recall = overlap / max(target_count, 1)
    return scoring.Score(precision=precision, recall=recall,
                         fmeasure=scoring.fmeasure(precision, recall))


def _score_lcs(target_tokens, prediction_tokens):
    if not target_tokens or not prediction_tokens:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    length = _lcs_table(target_tokens, prediction_tokens)[-1][-1]
    precision = length / len(prediction_tokens)
    recall = length / len(target_tokens)
    return scoring.Score(precision=precision, recall=recall,
                         fmeasure=scoring.fmeasure(precision, recall))


def _lcs_table(ref, can):
    """table[i][j]: LCS length of ref[:i] and can[:j] (the whole table is kept)."""
    rows, cols = len(ref), len(can)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            if ref[i - 1] == can[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table


def _backtrack_norec(table, ref, can):
    """Indices into ref of one LCS. Which one matters to the union: on a tie
    the walk moves up (drops a ref token) unless moving left keeps strictly more."""
    i, j = len(ref), len(can)
    lcs = []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            lcs.insert(0, i - 1)
            i -= 1
            j -= 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    return lcs


def _summary_level_lcs(ref_sents, can_sents):
    """Summary-level LCS (rougeLsum) of tokenized sentence lists (Lin 2004, 3.2)."""
    if not ref_sents or not can_sents:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    m = sum(map(len, ref_sents))
    n = sum(map(len, can_sents))
    if not n or not m:
        return scoring.Score(precision=0, recall=0, fmeasure=0)
    # Each token counts at most as often as it occurs on both sides, as in 1.5.5.
    left_r = collections.Counter()
    left_c = collections.Counter()
    for s in ref_sents:
        left_r.update(s)
    for s in can_sents:
        left_c.update(s)
    hits = 0
    for r in ref_sents:
        for t in _union_lcs(r, can_sents):
            if left_c[t] > 0 and left_r[t] > 0:
                hits += 1
                left_c[t] -= 1
                left_r[t] -= 1
    recall = hits / m
    precision = hits / n
    return scoring.Score(precision=precision, recall=recall,
                         fmeasure=scoring.fmeasure(precision, recall))


def _union_lcs(ref, can_sents):
    """Tokens of ref at the union of its LCS positions with every candidate sentence."""
    lcs_list = [_lcs_ind(ref, c) for c in can_sents]
    return [ref[i] for i in sorted(list(set().union(*lcs_list)))]


def _lcs_ind(ref, can):
    return _backtrack_norec(_lcs_table(ref, can), ref, can)
