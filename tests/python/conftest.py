"""Shared fixtures of the Python package's tests (run by `make test-python`).

PRECIS_CLI names the command-line binary the package's numbers are checked
against; PRECIS_ROOT the repository (examples/). Tests that read
/work/shared/data skip with a message when it is absent.
"""
import glob
import json
import os
import shutil

import pytest

ROOT = os.environ.get("PRECIS_ROOT",
                      os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))
VECTORS = os.environ.get("PRECIS_ROUGE_VECTORS", "/work/shared/data/rouge/dev_vectors.jsonl")


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("PRECIS_CLI", os.path.join(ROOT, "build", "precis"))
    if not os.access(path, os.X_OK):
        pytest.skip(f"no precis binary at {path}: run make first")
    return path


@pytest.fixture(scope="session")
def examples():
    """The five French seed pages of examples/: [(id, path, text)]."""
    paths = sorted(glob.glob(os.path.join(ROOT, "examples", "*.txt")))
    assert paths, "examples/*.txt missing"
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.append((os.path.splitext(os.path.basename(p))[0], p, f.read()))
    return out


@pytest.fixture(scope="session")
def vectors():
    if not os.path.exists(VECTORS):
        pytest.skip(f"{VECTORS} absent: the ROUGE development vectors are not on this machine")
    with open(VECTORS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def have(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def have_cmd(cmd):
    return shutil.which(cmd) is not None
