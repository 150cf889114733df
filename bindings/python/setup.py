"""Build the precis Python package against the C library of this repository.

The extension links build/libprecis.a (run `make` at the top of the
repository first; when the archive is missing this script runs
`make build/libprecis.a` itself). PRECIS_ROOT overrides where the
repository is, PRECIS_LIB where the static library is.
"""
import os
import re
import subprocess

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("PRECIS_ROOT", os.path.normpath(os.path.join(HERE, "..", "..")))
LIB = os.environ.get("PRECIS_LIB", os.path.join(ROOT, "build", "libprecis.a"))


def makefile_pkgs():
    """The pkg-config packages the library links, as the top Makefile's PKGS lists them."""
    try:
        with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"PKGS\s*=\s*(.*)$", line)
                if m:
                    return m.group(1).split()
    except OSError:
        pass
    return ["gsl", "libutf8proc", "jansson", "libxml-2.0", "zlib"]


PKGS = makefile_pkgs()


def pkg_config(flag):
    try:
        out = subprocess.run(["pkg-config", flag] + PKGS, check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        # Debian's defaults, for a machine without pkg-config.
        return ["-lgsl", "-lgslcblas", "-lm", "-lutf8proc", "-ljansson", "-lxml2",
                "-lz"] if flag == "--libs" else []
    return out.split()


if not os.path.exists(LIB):
    subprocess.run(["make", "-C", ROOT, "build/libprecis.a"], check=True)

ext = Extension(
    "precis._precis",
    sources=sorted(os.path.join("src", f) for f in os.listdir(os.path.join(HERE, "src"))
                   if f.endswith(".c")),
    include_dirs=[os.path.join(ROOT, "include")],
    depends=[os.path.join("src", "ext.h"), os.path.join("src", "analyzer.h"), LIB],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter",
                        "-Wno-missing-field-initializers", "-pthread"] + pkg_config("--cflags"),
    extra_objects=[LIB],
    extra_link_args=pkg_config("--libs") + ["-lstemmer", "-lpthread", "-lm"],
)

setup(
    name="precis",
    version="0.1.0",
    description="Extractive news summarization, exact ROUGE (a rouge-score drop-in) "
                "and outlet comparison: Python bindings of the precis C library",
    packages=["precis", "precis.rouge_score"],
    package_data={"precis": ["py.typed", "*.pyi"], "precis.rouge_score": ["*.pyi"]},
    ext_modules=[ext],
    python_requires=">=3.9",
    zip_safe=False,
)
