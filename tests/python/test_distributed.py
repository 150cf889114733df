"""The package in worker processes: pickling, fork and spawn, and the Dask
example on a LocalCluster with two workers, against one process."""
import importlib.util
import multiprocessing
import os
import pickle
import sys

import pytest

import precis
from conftest import ROOT, have
from precis.rouge_score import rouge_scorer


def summarize_one(text):
    return precis.summarize(text, n=2)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes(examples, method):
    texts = [t for _, _, t in examples]
    want = [summarize_one(t) for t in texts]  # the parent has its analyzer before forking
    ctx = multiprocessing.get_context(method)
    # Timeouts turn a stuck worker into a failure rather than a hung `make test`.
    with ctx.Pool(2) as pool:
        assert pool.map_async(summarize_one, texts).get(timeout=300) == want
        scorer = rouge_scorer.RougeScorer(["rouge1", "rougeL"], use_stemmer=True)
        pairs = [(w[0], t[:300]) for w, t in zip(want, texts)]
        got = pool.starmap_async(scorer.score, pairs).get(timeout=300)
        assert got == [scorer.score(a, b) for a, b in pairs]


def test_pickle_roundtrips():
    for obj in [precis.summarize, precis.compare, precis.Sentence("a", 0, 1.0, 0, 1),
                precis.Line("a", None, 0, 1)]:
        assert pickle.loads(pickle.dumps(obj)) == obj
    try:
        precis.summarize(b"\xff")
    except precis.PrecisError as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is precis.PrecisError and str(back) == str(e)
        assert (back.code, back.line, back.column) == (e.code, e.line, e.column)


def load_example():
    path = os.path.join(ROOT, "examples", "python", "dask_summarize.py")
    spec = importlib.util.spec_from_file_location("dask_summarize", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["dask_summarize"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (have("dask") and have("distributed")),
                    reason="Dask absent (Debian: python3-dask python3-distributed)")
def test_dask_two_workers_equal_one_process(examples, tmp_path):
    ex = load_example()
    src = tmp_path / "in.jsonl"
    ex.write_demo_corpus(str(src), [t for _, _, t in examples], copies=6)
    local = list(ex.summarize_records(ex.read_records(str(src))))
    assert len(local) == 31 and all("summary" in r or "error" in r for r in local)
    assert sum("error" in r for r in local) == 1  # the corpus carries one broken record
    out = tmp_path / "out.jsonl"
    assert ex.run_dask(str(src), str(out), n_workers=2, partitions=4, timeout=600) == 31
    import json

    with open(out, encoding="utf-8") as f:
        assert [json.loads(x) for x in f] == local
