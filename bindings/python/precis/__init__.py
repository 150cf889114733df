"""precis: extractive summaries of news articles, exact ROUGE, outlet comparison.

Python bindings of the precis C library (include/precis.h). Everything runs
in C; long calls release the GIL, so threads run in parallel.

    >>> import precis
    >>> precis.summarize(text, n=2)                # the 2 best sentences
    >>> precis.meta(text, date="2019-04-23")        # dates, places, persons, quotes
    >>> precis.compare([a, b, c], format="md")      # how outlets covered each story
    >>> from precis.rouge_score import rouge_scorer, scoring   # rouge-score drop-in

Errors of the library raise PrecisError (a ValueError) carrying the library's
message and, for bad input, its line, column and byte offset.

Offsets (start, end, first) count characters when the input is a str, so
text[start:end] is the span; they count bytes when the input is bytes.
"""
import collections as _collections
import datetime as _datetime
import json as _json
import threading as _threading
import warnings as _warnings
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _precis
from ._precis import PrecisError

__all__ = [
    "PrecisError", "Sentence", "Line", "summarize", "split", "clean", "meta", "compare",
    "rouge", "html", "is_html", "detect_language", "languages", "__version__",
]

__version__ = "0.1.0"

Text = Union[str, bytes]

Sentence = _collections.namedtuple("Sentence", ["text", "index", "score", "start", "end"])
Sentence.__doc__ = """A picked or split sentence: its text, its number in the document,
its ranking score (None from split), and its span [start, end) in the input."""

Line = _collections.namedtuple("Line", ["text", "reason", "start", "end"])
Line.__doc__ = """A line of a scraped page: reason is None when kept as body, else why it
was dropped ("menu", "credit", "widget", ...); [start, end) is its span in the input."""

_ORDERS = {"doc": _precis.ORDER_DOC, "rank": _precis.ORDER_RANK}
_COMPARE_FORMATS = {"md": 0, "markdown": 0, "html": 1, "json": 2, "dict": 2}

# One analyzer (stop lists, Snowball stemmers: not re-entrant) per thread. Nothing
# here survives pickling or crosses fork/spawn: each process and thread makes its own.
_local = _threading.local()


def _analyzer() -> "_precis.Analyzer":
    a = getattr(_local, "analyzer", None)
    if a is None:
        a = _local.analyzer = _precis.Analyzer()
    return a


def _positive(name: str, value: Optional[int]) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


def _unit(name: str, value: Optional[float]) -> float:
    if value is None:
        return -1.0
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be in [0, 1], got {value!r}")
    return float(value)


def summarize(text: Text, n: Optional[int] = None, *, words: Optional[int] = None,
              ratio: Optional[float] = None, chars: Optional[int] = None,
              truncate: bool = False, lang: Optional[str] = None,
              title: Optional[str] = None, algorithm: str = "precis", order: str = "doc",
              redundancy: float = 0.7, position_bias: Optional[float] = None,
              title_bias: Optional[float] = None, seed: int = 0, clean: bool = True,
              lossy: bool = False, spans: bool = False,
              input: str = "auto") -> Union[List[str], List[Sentence]]:
    """Extractive summary of a news article: its best sentences.

    Sentences are ranked by PageRank over a TF-IDF sentence graph, blended with an
    early-sentence and a headline prior; MMR picks the best under the length budget
    without near-duplicates. Boilerplate lines (menus, credits, widgets) go first.

    Args:
      text: the article (str, or UTF-8 bytes).
      n: at most n sentences. The default budget is 3 sentences when no budget is given.
      words, ratio, chars: budgets in words, percent of the sentences (0-100], or
        characters; the tightest budget wins.
      truncate: cut the last sentence exactly at the word or character budget.
      lang: ISO 639-1 code ("fr", "en", ...); None or "auto" detects it.
      title: a known headline (otherwise detected while cleaning).
      algorithm: "precis" (default), "textrank", "lexrank", "lead", "centroid", "random".
      order: "doc" (document order) or "rank" (best first).
      redundancy: MMR lambda in [0, 1]; 1 = relevance only.
      position_bias, title_bias: weights of the priors in [0, 1]; None: the algorithm's.
      seed: seed of the "random" algorithm.
      clean: drop boilerplate lines first (False: summarize the whole text).
      lossy: replace invalid UTF-8 (bytes input) by U+FFFD instead of failing.
      spans: return Sentence(text, index, score, start, end) tuples instead of str.
      input: "auto" (a web page when the text looks like HTML), "text" or "html". A
        page is summarized from its main content (see html()) with its headline as
        title; spans then point into that content.

    Returns:
      The picked sentences, in document order unless order="rank".

    Raises:
      PrecisError: invalid UTF-8 (with line, column, offset), empty input, a text with
        no sentences, or a text over 64 MB. ValueError for bad options.

    Example:
      >>> precis.summarize(article, n=2)
      ['First key sentence.', 'Second key sentence.']
    """
    alg = _precis.algorithm_from_name(algorithm)
    if _page_wanted(text, input):
        page = html(text)
        text, title = page["text"], title if title is not None else page["title"]
    if order not in _ORDERS:
        raise ValueError("order must be 'doc' or 'rank'")
    if ratio is not None and not 0.0 < ratio <= 100.0:
        raise ValueError(f"ratio must be in (0, 100], got {ratio!r}")
    sentences = _positive("n", n)
    w, c = _positive("words", words), _positive("chars", chars)
    if not (sentences or w or c or ratio):
        sentences = 3
    _, _, _, picks = _analyzer().summarize(
        text, sentences=sentences, ratio=float(ratio or 0.0), words=w, chars=c,
        truncate=truncate, algorithm=alg, order=_ORDERS[order],
        redundancy=_unit("redundancy", 0.7 if redundancy is None else redundancy),
        position_bias=_unit("position_bias", position_bias),
        title_bias=_unit("title_bias", title_bias), seed=int(seed), lang=lang, title=title,
        clean=clean, lossy=lossy)
    if spans:
        return [Sentence(*p) for p in picks]
    return [p[0] for p in picks]


def _page_wanted(text: Text, input: str) -> bool:
    if input not in ("auto", "text", "html"):
        raise ValueError("input must be 'auto', 'text' or 'html'")
    if input == "auto" and not isinstance(text, (str, bytes)):
        return False
    return input == "html" or (input == "auto" and _precis.html_detect(text))


def html(page: Text, *, url: Optional[str] = None,
         charset: Optional[str] = None) -> Dict[str, Any]:
    """The main content and metadata of a web page (HTML).

    Args:
      page: the HTML, as str (already decoded: the charset the page declares is
        ignored) or bytes (decoded with charset, else the page's declared or
        sniffed encoding).
      url: the page's address when known.
      charset: the transport charset (HTTP Content-Type) of bytes input.

    Returns:
      A dict: "text" (paragraphs, subheads and list items one per line, in reading
      order), "title", "outlet", "date" (YYYY-MM-DD), "lang", "url", "author",
      "description" (None when the page does not give them), "charset" (what the
      bytes were read with) and "sources" (field -> "json-ld", "meta", "time",
      "html" or "url": where each field came from).
    """
    return _precis.html(page, url=url, charset=charset)


def is_html(data: Text) -> bool:
    """Whether data looks like an HTML page (a doctype, <html>, <head>, <body>, ...)."""
    return _precis.html_detect(data)


def _page_or_text(text: Text, input: str) -> tuple:
    """(text to analyse, page dict or None) for the input= argument of the functions."""
    if not _page_wanted(text, input):
        return text, None
    page = html(text)
    if not page["text"]:
        raise PrecisError("no main content (an empty page, a frameset or a redirect)")
    return page["text"], page


def split(text: Text, *, lang: Optional[str] = None, clean: bool = True, lossy: bool = False,
          spans: bool = False, input: str = "auto") -> Union[List[str], List[Sentence]]:
    """Split an article into sentences.

    Handles abbreviations, initials, numbers, URLs and sentences glued by scraping
    ("mort.Samedi"). Boilerplate lines are removed first unless clean=False.

    Args:
      input: "auto" (a web page when the text looks like HTML), "text" or "html". A
        page is split from its main content (see html()); spans then point into
        that content.

    Returns:
      The sentences as they read in the input (line breaks inside a sentence kept),
      or Sentence tuples (score None) with spans=True.
    """
    text, _ = _page_or_text(text, input)
    _, sents = _analyzer().split(text, lang=lang, clean=clean, lossy=lossy)
    if spans:
        return [Sentence(t, i, None, s, e) for i, (t, s, e) in enumerate(sents)]
    return [t for t, _, _ in sents]


def clean(text: Text, *, lang: Optional[str] = None, explain: bool = False,
          lossy: bool = False, input: str = "auto") -> Union[str, List[Line]]:
    """The article body of a scraped news page, without its boilerplate.

    Menus, breadcrumbs, photo credits, share and comment widgets, newsletter and
    consent text, teasers, repeated lines and leftover markup are dropped.

    Args:
      input: "auto" (a web page when the text looks like HTML), "text" or "html".
        A page's body is its main content (see html()), a line per paragraph,
        subhead or list item, as `precis clean` prints it; with explain=True that
        content goes through the text cleaner and spans point into it.

    Returns:
      The body lines joined by blank lines (what `precis clean` prints), or with
      explain=True every non-blank line as a Line(text, reason, start, end), reason
      None for body lines and the cause ("menu", "credit", ...) for dropped ones.

    Raises:
      PrecisError: invalid UTF-8, or a page without main content.
    """
    text, page = _page_or_text(text, input)
    if page is not None and not explain:
        return page["text"]
    _, _, _, lines = _analyzer().clean(text, lang=lang, lossy=lossy)
    if explain:
        return [Line(*x) for x in lines]
    return "\n\n".join(t for t, reason, _, _ in lines if reason is None)


def _isodate(date: Union[None, str, _datetime.date]) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, _datetime.date):
        return date.isoformat()[:10]
    raise TypeError("date must be a 'YYYY-MM-DD' string or a datetime.date")


# What a page's markup gives, by meta key, as `precis meta` lays it over the text's.
_PAGE_META = (("headline", "title"), ("outlet", "outlet"), ("date", "date"),
              ("language", "lang"), ("url", "url"), ("author", "author"))


def _page_meta(m: Dict[str, Any], page: Dict[str, Any], date_given: bool) -> Dict[str, Any]:
    """The fields of the page replace what the text suggested; "sources" names the origin."""
    sources = {}
    for key, field in _PAGE_META:
        v, cur = page[field], m.get(key)
        if field == "date" and date_given:
            sources["date"] = "option"
            continue
        # A language the text was read in wins: it is what the stemmer used.
        if v and not (field == "lang" and isinstance(cur, str) and cur != v):
            m[key] = v
            sources[key] = page["sources"][field]
        elif isinstance(cur, str):
            sources[key] = "text"
        elif key not in m:
            m[key] = None
    m["sources"] = sources
    return m


def meta(text: Text, date: Union[None, str, _datetime.date] = None, *,
         lang: Optional[str] = None, title: Optional[str] = None,
         lossy: bool = False, input: str = "auto") -> Dict[str, Any]:
    """What an article says about itself, as a dict following docs/meta-schema.md.

    Keys (in this order): headline, outlet, language, date, event_date, dates, places,
    persons, agencies, quotes; the same as `precis meta --format json` without "file".

    Args:
      date: publication date ('YYYY-MM-DD' or datetime.date), to resolve "jeudi",
        "hier", "23 avril" into calendar days.
      input: "auto" (a web page when the text looks like HTML), "text" or "html". A
        page is read from its main content (see html()), its own date and headline
        standing in for date and title when not given; what its markup says
        (headline, outlet, date, language, url, author) replaces what the text
        suggested, and "sources" says where each came from ("json-ld", "meta",
        "time", "html", "url", "text", or "option" for date=), as `precis meta`
        reports a page. Offsets then point into the main content.
    """
    text, page = _page_or_text(text, input)
    iso = _isodate(date)
    if page is None:
        return _analyzer().meta(text, date=iso, lang=lang, title=title, lossy=lossy)
    m = _analyzer().meta(text, date=iso if iso is not None else page["date"], lang=lang,
                         title=title if title is not None else page["title"], lossy=lossy)
    return _page_meta(m, page, iso is not None)


def _article(i: int, a: Union[Text, Mapping[str, Any]]) -> tuple:
    if isinstance(a, (str, bytes)):
        return (str(i), a, None, None, None, None)
    if not isinstance(a, Mapping) or "text" not in a:
        raise TypeError(f"article {i}: a text or a mapping with a 'text' key")
    ident = a.get("id")
    return (str(i) if ident is None else str(ident), a["text"], a.get("title"),
            a.get("outlet"), _isodate(a.get("date")), a.get("url"))


def compare(articles: Iterable[Union[Text, Mapping[str, Any]]], format: str = "dict", *,
            threshold: Optional[float] = None, stories: int = 0, summary_sentences: int = 3,
            explain: bool = False, lang: Optional[str] = None,
            threads: int = 0) -> Union[Dict[str, Any], str]:
    """Group articles from several outlets into stories and compare their coverage.

    Args:
      articles: texts, or mappings with "text" and optionally "id", "title",
        "outlet", "date" ('YYYY-MM-DD' or datetime.date) and "url". Ids default
        to the position in the list.
      format: "dict" (docs/compare-schema.md as a dict), "json" (the same as text),
        "md" (Markdown) or "html" (a self-contained page).
      threshold: probability, under the library's pair model, above which two
        articles report the same event (None: the library's default, 0.5).
      stories: force this many stories (0: by threshold).
      summary_sentences: length of per-outlet and consensus summaries.
      explain: keep the evidence of every grouping decision.
      threads: threads reading the articles (0: one per core, at most 8).

    No article is lost: one without usable text (invalid UTF-8, blank,
    boilerplate only) is a story of its own with a "problem" field, and a
    RuntimeWarning names every such article.
    """
    if format not in _COMPARE_FORMATS:
        raise ValueError("format must be 'dict', 'json', 'md' or 'html'")
    arts = [_article(i, a) for i, a in enumerate(articles)]
    out, warning = _precis.compare(_analyzer(), arts, _COMPARE_FORMATS[format],
                                   -1.0 if threshold is None else threshold,
                                   stories, summary_sentences, explain, lang, threads)
    if warning:
        _warnings.warn(f"precis.compare: {warning}", RuntimeWarning, stacklevel=2)
    return _json.loads(out) if format == "dict" else out


RougeScore = _collections.namedtuple("RougeScore", ["precision", "recall", "fmeasure"])

_ALL_MEASURES = ("rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum", "rougeW",
                 "rougeSU4")


def _rouge_scorer(compat: int, stem: bool, measures: tuple, lang: Optional[str],
                  alpha: float) -> "_precis.Rouge":
    # Scorers are costly to make (1.5.5's exception tables, Snowball stemmers) and
    # not re-entrant: a few are kept per thread, like the analyzer.
    cache = getattr(_local, "rouge", None)
    if cache is None:
        cache = _local.rouge = {}
    key = (compat, stem, measures, lang, alpha)
    scorer = cache.get(key)
    if scorer is None:
        if len(cache) >= 8:
            cache.clear()
        scorer = cache[key] = _precis.Rouge(compat, stem, list(measures), RougeScore, lang,
                                            alpha)
    return scorer


def rouge(candidate: Text, references: Union[Text, Sequence[Text]], *,
          compat: str = "rouge-score", stem: bool = False, lang: Optional[str] = None,
          alpha: float = 0.5, measures: Sequence[str] = _ALL_MEASURES) -> Dict[str, RougeScore]:
    """ROUGE of a candidate against one or more references, as `precis rouge` computes it.

    Args:
      compat: "rouge-score" (Google's rouge-score 0.1.2, exactly), "rouge155"
        (ROUGE-1.5.5.pl -c 95 -r 1000 -n 2 -a, exactly, numbers rounded as it
        prints them; several references pool their counts) or "unicode" (accents
        kept, case folding, Snowball stems).
      stem: rouge-score use_stemmer / 1.5.5 -m / Snowball stemming.
      lang: language of the unicode mode (None: detect).
      measures: any of rouge1-4, rougeL, rougeLsum, rougeW, rougeSU4.

    Returns:
      A dict measure -> RougeScore(precision, recall, fmeasure). With several
      references rouge-score and unicode keep, per measure, the best F.
    """
    scorer = _rouge_scorer(_precis.compat_from_name(compat), bool(stem), tuple(measures), lang, float(alpha))
    refs = [references] if isinstance(references, (str, bytes)) else list(references)
    return scorer.score_multi(refs, candidate)


def detect_language(text: Text) -> str:
    """ISO 639-1 code of the text's language, guessed from stop words ("en" when unsure)."""
    return _analyzer().detect_language(text)


def languages() -> List[str]:
    """ISO 639-1 codes of the supported languages (a Snowball stemmer and a stop list)."""
    return _precis.languages()
