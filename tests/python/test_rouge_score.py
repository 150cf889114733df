"""The rouge-score drop-in: every development vector, multi-reference rules,
batches on threads, bootstrap draws, the pure-Python path."""
import pickle
import random
import threading

import pytest

from conftest import have
from precis.rouge_score import _pure, rouge_scorer, scoring, tokenizers

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
FIELDS = (("p", 0), ("r", 1), ("f", 2))


def single_ref(vectors):
    vs = [v for v in vectors if v["rouge_score"]]
    assert len(vs) >= 100
    return vs


def mismatches(vectors, stem, score):
    """Fields of the vectors' rouge-score results that score() does not reproduce exactly."""
    off = []
    for v in single_ref(vectors):
        want = v["rouge_score"]["stem" if stem else "nostem"]
        got = score(v["references"][0], v["candidate"])
        for t in TYPES:
            off += [(v["id"], t, k) for k, i in FIELDS if got[t][i] != want[t][k]]
    return off


@pytest.mark.parametrize("stem", [False, True])
def test_vectors_exact(vectors, stem):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=stem)
    assert mismatches(vectors, stem, scorer.score) == []


@pytest.mark.parametrize("stem", [False, True])
def test_vectors_pure_python(vectors, stem):
    if stem and not have("nltk"):
        pytest.skip("NLTK (python3-nltk) absent: no Porter stemmer in pure Python")
    tok = tokenizers.DefaultTokenizer(stem)
    assert mismatches(vectors, stem, lambda t, p: _pure.score(TYPES, tok, t, p)) == []


def test_score_shape():
    scorer = rouge_scorer.RougeScorer(["rougeL", "rouge1"])
    s = scorer.score("the cat sat on the mat", "the cat lay on a mat")
    assert list(s) == ["rougeL", "rouge1"]
    assert isinstance(s["rouge1"], scoring.Score)
    assert s["rouge1"]._fields == ("precision", "recall", "fmeasure")
    # 4 of 6 unigrams shared each way.
    assert s["rouge1"].precision == pytest.approx(4 / 6)
    assert s["rouge1"].fmeasure == pytest.approx(4 / 6)


def test_invalid_types_raise_like_rouge_score():
    with pytest.raises(ValueError, match="Invalid rouge type: rougeX"):
        rouge_scorer.RougeScorer(["rougeX"]).score("a b", "a b")
    with pytest.raises(ValueError, match="positive n"):
        rouge_scorer.RougeScorer(["rouge0"]).score("a b", "a b")


def test_rouge5_to_9_take_the_python_path():
    scorer = rouge_scorer.RougeScorer(["rouge5", "rouge1"])
    s = scorer.score("a b c d e f", "a b c d e x")
    assert s["rouge5"].precision == 0.5 and s["rouge1"].recall == pytest.approx(5 / 6)


def test_custom_tokenizer():
    class Chars(tokenizers.Tokenizer):
        def tokenize(self, text):
            return [c for c in text if not c.isspace()]

    s = rouge_scorer.RougeScorer(["rouge1"], tokenizer=Chars()).score("abc", "abd")
    assert s["rouge1"].fmeasure == pytest.approx(2 / 3)


def test_score_multi_keeps_first_best_per_type(vectors):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    for v in [v for v in vectors if len(v["references"]) > 1]:
        singles = [scorer.score(r, v["candidate"]) for r in v["references"]]
        got = scorer.score_multi(v["references"], v["candidate"])
        for t in TYPES:
            fs = [s[t].fmeasure for s in singles]
            assert got[t] == singles[fs.index(max(fs))][t]
    # A tie on F: the first target wins, as numpy.argmax picks it.
    got = scorer.score_multi(["a b", "a b"], "a b")
    assert got["rouge1"] == scorer.score("a b", "a b")["rouge1"]
    with pytest.raises(ValueError):
        scorer.score_multi([], "a b")


@pytest.mark.parametrize("threads", [1, 2, 3, 0])
def test_batch_equals_single_calls(vectors, threads):
    scorer = rouge_scorer.RougeScorer(TYPES)
    vs = single_ref(vectors)
    targets = [v["references"][0] for v in vs] + [v["references"] for v in vectors[:5]]
    preds = [v["candidate"] for v in vs] + [v["candidate"] for v in vectors[:5]]
    got = scorer.score_batch(targets, preds, threads=threads)
    want = [scorer.score(t, p) if isinstance(t, str) else scorer.score_multi(t, p)
            for t, p in zip(targets, preds)]
    assert got == want


def test_batch_errors():
    scorer = rouge_scorer.RougeScorer(["rouge1"])
    with pytest.raises(ValueError):
        scorer.score_batch(["a"], ["a", "b"])
    with pytest.raises(TypeError):
        scorer.score_batch(["a", 3], ["a", "b"], threads=2)
    with pytest.raises(ValueError):
        scorer.score_batch([[]], ["a"])
    assert scorer.score_batch([], []) == []

    class Liar:
        """len() says one reference, iteration gives four."""

        def __len__(self):
            return 1

        def __iter__(self):
            return iter(["a b", "a c", "b c", "x"])

    with pytest.raises(ValueError, match="changed size"):
        scorer.score_batch([Liar()], ["a b"])


def test_batch_from_many_python_threads():
    """Python threads share one scorer; each batch is its own."""
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    rng = random.Random(7)
    words = "the cats were running over fields of golden wheat quickly".split()
    pairs = [(" ".join(rng.choices(words, k=30)), " ".join(rng.choices(words, k=20)))
             for _ in range(300)]
    want = [scorer.score(t, p) for t, p in pairs]
    # Batches reuse the object's worker scorers (warm caches): same numbers every time.
    for _ in range(2):
        assert scorer.score_batch([t for t, _ in pairs], [p for _, p in pairs], threads=2) == want
    out = [None] * 4

    def work(k):
        out[k] = scorer.score_batch([t for t, _ in pairs], [p for _, p in pairs], threads=2)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(o == want for o in out)


def progress_during(call):
    """Loop iterations another Python thread made while call() ran.

    The switch interval is made huge, so a thread holding the GIL is never
    asked to give it up: the other thread (which lets go of the GIL at every
    iteration, in sleep(0)) runs only while the GIL is released. It counts
    only while the flag is set, which the main thread sets just before the
    call and clears just after, both while holding the GIL: a call that
    keeps the GIL leaves the count at exactly 0.
    """
    import sys
    import time

    active, stop, count = [False], [False], [0]
    ready = threading.Event()

    def spin():
        ready.set()
        while not stop[0]:
            if active[0]:
                count[0] += 1
            time.sleep(0)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    t = threading.Thread(target=spin)
    try:
        t.start()
        ready.wait()
        active[0] = True
        call()
        active[0] = False
    finally:
        stop[0] = True
        t.join()
        sys.setswitchinterval(old)
    return count[0]


@pytest.mark.parametrize("threads", [1, 2])
def test_score_batch_releases_the_gil(threads):
    rng = random.Random(3)
    words = "the cats were running over fields of golden wheat quickly at dawn".split()
    targets = [" ".join(rng.choices(words, k=60)) for _ in range(4000)]
    preds = [" ".join(rng.choices(words, k=40)) for _ in range(4000)]
    c = rouge_scorer.RougeScorer(TYPES)._c
    # The control: a C call that keeps the GIL (sorting ints) lets nothing run.
    data = [rng.random() for _ in range(300000)]
    assert progress_during(lambda: sorted(data)) == 0
    assert progress_during(lambda: c.score_batch(targets, preds, threads)) > 0


def test_odd_texts_score_like_rouge_score_tokenization():
    """NUL, lone surrogates and bytes tokenize as rouge-score's regex does."""
    scorer = rouge_scorer.RougeScorer(TYPES)
    tok = tokenizers.DefaultTokenizer()
    for target, pred in [("a\0b c", "a b\0c"), ("x\ud800y z", "x y z"),
                         (b"caf\xc3\xa9 au lait", "cafe au lait"), ("", ""), ("a", "")]:
        assert scorer.score(target, pred) == _pure.score(TYPES, tok, target, pred)
    with pytest.raises(TypeError):
        scorer.score(3, "a")


def test_invalid_utf8_bytes_raise():
    from precis import PrecisError

    with pytest.raises(PrecisError) as e:
        rouge_scorer.RougeScorer(["rouge1"]).score(b"ab \xff", "ab")
    assert "UTF-8" in str(e.value)


def test_scorer_pickles():
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], use_stemmer=True)
    clone = pickle.loads(pickle.dumps(scorer))
    assert clone.score("running dogs\nbark", "dogs running") == \
        scorer.score("running dogs\nbark", "dogs running")
    s = scorer.score("a b", "a c")["rouge1"]
    assert pickle.loads(pickle.dumps(s)) == s


def rouge_score_bootstrap(np, matrix, n_samples, ci):
    """rouge-score 0.1.2's resampling, step by step, as the reference for the draws."""
    means = np.zeros((n_samples, matrix.shape[1]))
    for i in range(n_samples):
        idx = np.random.choice(np.arange(matrix.shape[0]), size=matrix.shape[0])
        means[i, :] = np.mean(matrix[idx, :], axis=0)
    d = (1 - ci) / 2
    return np.percentile(means, 100 * np.array([d, 0.5, 1 - d]), axis=0)


def test_bootstrap_matches_rouge_score_draws():
    np = pytest.importorskip("numpy")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"])
    rng = random.Random(3)
    words = "alpha beta gamma delta epsilon zeta eta theta".split()
    pairs = [(" ".join(rng.choices(words, k=12)), " ".join(rng.choices(words, k=9)))
             for _ in range(40)]
    agg = scoring.BootstrapAggregator(confidence_interval=0.9, n_samples=200)
    for t, p in pairs:
        agg.add_scores(scorer.score(t, p))
    np.random.seed(42)
    got = agg.aggregate()
    np.random.seed(42)
    for t in ["rouge1", "rougeL"]:
        m = np.vstack([scorer.score(a, b)[t] for a, b in pairs])
        want = rouge_score_bootstrap(np, m, 200, 0.9)
        assert isinstance(got[t], scoring.AggregateScore)
        assert isinstance(got[t].mid, scoring.Score)
        for k, field in enumerate(("low", "mid", "high")):
            assert tuple(getattr(got[t], field)) == tuple(want[k, :])
    assert got["rouge1"].low.fmeasure < got["rouge1"].mid.fmeasure < got["rouge1"].high.fmeasure


def test_bootstrap_arguments():
    with pytest.raises(ValueError):
        scoring.BootstrapAggregator(confidence_interval=1.5)
    with pytest.raises(ValueError):
        scoring.BootstrapAggregator(n_samples=0)
    assert scoring.fmeasure(0.0, 0.0) == 0.0
    assert scoring.fmeasure(0.5, 1.0) == pytest.approx(2 / 3)
