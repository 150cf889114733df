#!/usr/bin/env python3
"""Summarize a JSONL corpus with precis on a Dask cluster.

Each input line is {"id", "text", "title"?, "reference"?}; each output line is
{"id", "summary": [...], "rouge"?: {...}} in input order, or {"id", "error"} for a
record the library refuses (the others still come out). The work is a
dask.bag over partitions of the file: every worker process summarizes its
partitions with the precis package (one analyzer per worker thread, nothing
shared), so the output is the same for any number of workers or partitions.

    # two local worker processes (a LocalCluster)
    python3 examples/python/dask_summarize.py in.jsonl out.jsonl --workers 2
    # a real cluster: precis installed on every worker, input on shared storage
    python3 examples/python/dask_summarize.py s3://bucket/in.jsonl out.jsonl \\
        --scheduler tcp://scheduler:8786 --blocksize 64MiB

tests/python/test_distributed.py runs it on two local workers and checks the
output equals one process's.
"""
import argparse
import json
import os

import precis
from precis.rouge_score import rouge_scorer

_SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])


def read_records(path):
    """The records of a local JSONL file, one dict per non-blank line."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def summarize_record(rec, n=3):
    """One output record: the summary (and ROUGE against "reference"), or the error."""
    out = {"id": rec.get("id")}
    try:
        out["summary"] = precis.summarize(rec["text"], n=n, title=rec.get("title"))
    except (precis.PrecisError, KeyError, TypeError) as e:
        out["error"] = str(e) if not isinstance(e, KeyError) else "missing \"text\""
        return out
    if rec.get("reference"):
        s = _SCORER.score(rec["reference"], "\n".join(out["summary"]))
        out["rouge"] = {k: round(v.fmeasure, 6) for k, v in s.items()}
    return out


def summarize_records(records, n=3):
    for rec in records:
        yield summarize_record(rec, n)


def summarize_partition(lines, n=3):
    """What each Dask task runs: JSONL lines in, JSONL lines out, same order."""
    recs = (json.loads(line) for line in lines if line.strip())
    return [json.dumps(r, ensure_ascii=False) for r in summarize_records(recs, n)]


def run_dask(src, dst, n_workers=2, partitions=None, blocksize=None, scheduler=None, n=3,
             timeout=None):
    """Summarize src into dst on a Dask cluster (a new LocalCluster unless scheduler).

    Returns the number of records written; timeout (seconds) bounds the computation.
    """
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        # Ship this module to the workers so they can unpickle summarize_partition.
        client.upload_file(os.path.abspath(__file__))
        if blocksize is None and partitions and os.path.exists(src):
            blocksize = os.path.getsize(src) // partitions + 1
        bag = db.read_text(src, blocksize=blocksize)
        lines = client.compute(bag.map_partitions(summarize_partition, n)).result(timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    with open(dst, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    return len(lines)


def write_demo_corpus(path, texts, copies=1):
    """A JSONL corpus from texts (ids k-i), plus one broken record."""
    with open(path, "w", encoding="utf-8") as f:
        for k in range(copies):
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"{k}-{i}", "text": t}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "broken", "text": ""}) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL file (any path Dask reads: local, s3://, hdfs://)")
    ap.add_argument("output", help="JSONL file written by the client, in input order")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--partitions", type=int, default=8, help="partitions of a local input")
    ap.add_argument("--blocksize", help="bytes per partition, e.g. 64MiB")
    ap.add_argument("-n", type=int, default=3, help="sentences per summary")
    a = ap.parse_args()
    count = run_dask(a.input, a.output, a.workers, a.partitions, a.blocksize, a.scheduler, a.n)
    print(f"{count} records -> {a.output}")


if __name__ == "__main__":
    main()
