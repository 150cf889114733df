"""Hostile input through every call: a result or PrecisError, never a crash."""
import random

import pytest

import precis
from precis.rouge_score import rouge_scorer


def inputs(examples):
    rng = random.Random(14)
    seed = examples[0][2].encode("utf-8")
    out = [b"", b"\x00", b"\xff\xfe\x00a\x00b", b"\xef\xbb\xbf" + seed[:500], b"\n" * 5000,
           b"a" * 200000, (b"mot " * 50000), b". " * 20000, b"\xc3" * 1000,
           "\u202e\u0301\u200b\ufeff".encode("utf-8") * 300, seed.replace(b"\n", b"\r")]
    for _ in range(60):
        b = bytearray(seed[:rng.randint(1, 3000)])
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        out.append(bytes(b))
    return out


def call(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except precis.PrecisError as e:
        assert e.code < 0 and str(e)
        return None


def test_every_call_survives(examples):
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"],
                                      use_stemmer=True)
    ok = 0
    for b in inputs(examples):
        for data in (b, b.decode("utf-8", "replace")):
            ok += call(precis.summarize, data, n=2) is not None
            call(precis.split, data)
            call(precis.clean, data, explain=True)
            call(precis.meta, data, "2024-06-19")
            call(precis.summarize, data, words=5, truncate=True, lossy=True)
            if len(data) < 20000:
                call(scorer.score, data, examples[1][2][:800])
    assert ok > 20  # most mutated pages still summarize


def test_compare_with_hostile_articles(examples):
    arts = [examples[0][2], b"\xff" * 10, "", "Une seule phrase.", examples[3][2]]
    with pytest.warns(RuntimeWarning):
        got = precis.compare(arts)
    assert len(got["articles"]) == len(arts)  # none lost
