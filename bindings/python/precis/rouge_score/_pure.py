"""ROUGE in pure Python, on token lists: the slow path and the benchmark's reference.

RougeScorer uses it only for what the C library does not cover (a custom
tokenizer, rouge5 to rouge9); eval/bench_python times it against the C path
and tests/python checks both against the ROUGE development vectors. The
algorithms are rouge-score 0.1.2's: clipped n-gram counts; LCS by dynamic
programming; summary-level LCS as the union of each reference sentence's LCS
with every candidate sentence, each token counted at most as often as it
occurs on both sides.
"""
import collections

from .scoring import Score, fmeasure


def ngrams(tokens, n):
    """Counter of the n-grams (tuples) of tokens."""
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score_ngrams(target_tokens, prediction_tokens, n):
    t, p = ngrams(target_tokens, n), ngrams(prediction_tokens, n)
    overlap = sum(min(c, p[g]) for g, c in t.items())
    precision = overlap / max(sum(p.values()), 1)
    recall = overlap / max(sum(t.values()), 1)
    return Score(precision, recall, fmeasure(precision, recall))


def lcs_table(ref, can):
    """table[i][j]: LCS length of ref[:i] and can[:j]."""
    table = [[0] * (len(can) + 1) for _ in range(len(ref) + 1)]
    for i in range(1, len(ref) + 1):
        row, prev, r = table[i], table[i - 1], ref[i - 1]
        for j in range(1, len(can) + 1):
            row[j] = prev[j - 1] + 1 if r == can[j - 1] else max(prev[j], row[j - 1])
    return table


def score_lcs(target_tokens, prediction_tokens):
    if not target_tokens or not prediction_tokens:
        return Score(0, 0, 0)
    n = lcs_table(target_tokens, prediction_tokens)[-1][-1]
    precision, recall = n / len(prediction_tokens), n / len(target_tokens)
    return Score(precision, recall, fmeasure(precision, recall))


def lcs_indices(ref, can):
    """Indices into ref of one LCS, read back from the end of the table.

    Which LCS is read out matters to the union: on a tie the walk moves up
    (drops a ref token) unless moving left keeps strictly more, as rouge-score does.
    """
    table = lcs_table(ref, can)
    i, j, out = len(ref), len(can), []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.append(i - 1)
            i, j = i - 1, j - 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    out.reverse()
    return out


def score_summary_lcs(target_sents, prediction_sents):
    """Summary-level LCS (rougeLsum) of tokenized sentence lists."""
    if not target_sents or not prediction_sents:
        return Score(0, 0, 0)
    m = sum(len(s) for s in target_sents)
    n = sum(len(s) for s in prediction_sents)
    if not m or not n:
        return Score(0, 0, 0)
    left_t = collections.Counter(t for s in target_sents for t in s)
    left_p = collections.Counter(t for s in prediction_sents for t in s)
    hits = 0
    for ref in target_sents:
        union = sorted(set().union(*(lcs_indices(ref, c) for c in prediction_sents)))
        for tok in (ref[i] for i in union):
            if left_p[tok] > 0 and left_t[tok] > 0:
                hits += 1
                left_p[tok] -= 1
                left_t[tok] -= 1
    precision, recall = hits / n, hits / m
    return Score(precision, recall, fmeasure(precision, recall))


def sentences(text, split_summaries):
    """Non-empty lines of text, or NLTK's sentences with split_summaries."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if split_summaries:
        import nltk

        parts = nltk.sent_tokenize(text)
    else:
        parts = text.split("\n")
    return [s for s in parts if len(s)]


def score(rouge_types, tokenizer, target, prediction, split_summaries=False):
    """rouge-score's RougeScorer.score with any tokenizer, in Python."""
    tt = pt = None
    result = {}
    for rouge_type in rouge_types:
        if rouge_type == "rougeLsum":
            ts = [tokenizer.tokenize(s) for s in sentences(target, split_summaries)]
            ps = [tokenizer.tokenize(s) for s in sentences(prediction, split_summaries)]
            result[rouge_type] = score_summary_lcs(ts, ps)
            continue
        if tt is None:
            tt, pt = tokenizer.tokenize(target), tokenizer.tokenize(prediction)
        if rouge_type == "rougeL":
            result[rouge_type] = score_lcs(tt, pt)
        else:
            result[rouge_type] = score_ngrams(tt, pt, ngram_order(rouge_type))
    return result


def ngram_order(rouge_type):
    """n of "rougeN" (1-9), or ValueError with rouge-score's messages."""
    if len(rouge_type) == 6 and rouge_type.startswith("rouge") and rouge_type[5].isdigit():
        n = int(rouge_type[5])
        if n <= 0:
            raise ValueError("rougen requires positive n: %s" % rouge_type)
        return n
    raise ValueError("Invalid rouge type: %s" % rouge_type)
