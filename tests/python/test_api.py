"""summarize, split, clean, meta, compare and rouge: the seeds through the
package, checked against the command-line tool on the same inputs."""
import datetime
import json
import os
import subprocess
import threading

import pytest

import precis


def run(cli, *args, stdin=None):
    r = subprocess.run([cli, *args], input=stdin, capture_output=True, check=True)
    return r.stdout.decode("utf-8")


def test_summarize_equals_cli(cli, examples):
    for _, path, text in examples:
        for args, kw in [(["-n", "2"], {"n": 2}), (["--words", "40"], {"words": 40}),
                         (["--algorithm", "lexrank", "-n", "1"], {"algorithm": "lexrank", "n": 1}),
                         (["--ratio", "30", "--order", "rank"], {"ratio": 30, "order": "rank"})]:
            want = run(cli, "summarize", *args, path).splitlines()
            assert precis.summarize(text, **kw) == want, (path, args)


def test_summarize_spans_point_into_the_input(examples):
    for _, _, text in examples:
        picks = precis.summarize(text, n=3, spans=True)
        assert 1 <= len(picks) <= 3
        for p in picks:
            assert isinstance(p, precis.Sentence)
            assert text[p.start:p.end] == p.text
        assert [p.index for p in picks] == sorted(p.index for p in picks)
        raw = text.encode("utf-8")
        for p in precis.summarize(raw, n=3, spans=True):
            assert raw[p.start:p.end].decode("utf-8") == p.text


def test_summarize_budgets(examples):
    text = examples[0][2]
    assert len(precis.summarize(text, n=1)) == 1
    assert len(precis.summarize(text)) == 3
    cut = precis.summarize(text, words=12, truncate=True)
    assert sum(len(s.split()) for s in cut) <= 12
    ranked = precis.summarize(text, n=3, order="rank", spans=True)
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)


def test_split_equals_cli(cli, examples):
    for _, path, text in examples:
        want = run(cli, "split", path).splitlines()
        got = [s.replace("\n", " ").replace("\r", " ") for s in precis.split(text)]
        assert got == want
        raw = run(cli, "split", "--raw", path).splitlines()
        assert [s.replace("\n", " ").replace("\r", " ")
                for s in precis.split(text, clean=False)] == raw
        for s in precis.split(text, spans=True):
            assert text[s.start:s.end] == s.text


def test_clean_equals_cli(cli, examples):
    for _, path, text in examples:
        assert precis.clean(text) + "\n" == run(cli, "clean", path)
        explained = run(cli, "clean", "--explain", path).splitlines()
        lines = precis.clean(text, explain=True)
        assert [("keep" if x.reason is None else "drop:" + x.reason) + "\t" + x.text
                for x in lines] == explained
        assert any(x.reason for x in lines) and any(x.reason is None for x in lines)


def test_meta_equals_cli(cli, examples):
    for _, path, text in examples:
        want = json.loads(run(cli, "meta", "--date", "2019-04-23", path))
        del want["file"]
        # bytes in: offsets in bytes, as the CLI reports them.
        assert precis.meta(text.encode("utf-8"), "2019-04-23") == want
        got = precis.meta(text, datetime.date(2019, 4, 23))
        assert list(got) == list(want)
        for d in got["dates"] + got["quotes"]:
            assert text[d["start"]:d["end"]] == d["text"]
        for p in got["persons"]:
            assert any(text.startswith(v, p["first"]) for v in p["variants"] + [p["name"]])


def test_compare_equals_cli(cli, examples):
    d = os.path.dirname(examples[0][1])
    arts = [{"id": i, "text": t} for i, _, t in examples]
    got = precis.compare(arts)
    assert got == json.loads(run(cli, "compare", "--format", "json", d))
    assert got["schema"] == "precis-compare/1"
    assert precis.compare(arts, format="md") == run(cli, "compare", d)
    assert precis.compare(arts, format="html") == run(cli, "compare", "--format", "html", d)
    assert precis.compare(arts, format="json", threads=1) == run(cli, "compare", "--format",
                                                                  "json", "-j", "1", d)


def test_compare_fields_and_plain_texts(examples):
    texts = [t for _, _, t in examples]
    got = precis.compare(texts, threads=2)
    assert [a["id"] for a in got["articles"]] == [str(i) for i in range(len(texts))]
    rich = precis.compare([{"id": 7, "text": texts[0], "outlet": "Le Test", "title": "Un titre",
                            "date": datetime.date(2019, 4, 23), "url": "https://x.test/a"},
                           texts[1]])
    a = rich["articles"][0]
    assert (a["id"], a["outlet"], a["date"], a["url"]) == ("7", "Le Test", "2019-04-23",
                                                          "https://x.test/a")


def test_compare_keeps_bad_articles_with_a_warning(examples):
    # No article is lost: the unreadable one is its own story, with a problem.
    with pytest.warns(RuntimeWarning, match="UTF-8"):
        got = precis.compare([examples[0][2], b"bad \xff text", examples[1][2]])
    assert len(got["articles"]) == 3
    assert [a["id"] for a in got["articles"] if a.get("problem")] == ["1"]
    with pytest.warns(RuntimeWarning, match="1 article without usable text"):
        got = precis.compare([b"\xff\xfe"])
    assert len(got["articles"]) == 1
    with pytest.raises(TypeError):
        precis.compare([{"id": "x"}])
    with pytest.raises(ValueError):
        precis.compare([examples[0][2]], format="pdf")


def test_rouge_equals_cli(cli, vectors):
    lines = "".join(json.dumps({"id": v["id"], "candidate": v["candidate"],
                                "references": v["references"]}) + "\n" for v in vectors)
    for compat, stem in [("rouge-score", False), ("rouge155", True), ("unicode", True)]:
        args = ["rouge", "--compat", compat, "--jsonl", "--measures",
                "rouge1,rouge2,rougeL,rougeLsum,rougeW,rougeSU4"] + (["--stem"] if stem else [])
        out = [json.loads(x) for x in run(cli, *args, stdin=lines.encode()).splitlines()]
        assert len(out) == len(vectors)
        for v, want in zip(vectors, out):
            got = precis.rouge(v["candidate"], v["references"], compat=compat, stem=stem)
            for m in ("rouge1", "rouge2", "rougeL", "rougeLsum", "rougeW", "rougeSU4"):
                # The CLI prints 15 significant digits.
                assert [float("%.15g" % x) for x in got[m]] == \
                    [want[m]["p"], want[m]["r"], want[m]["f"]], (v["id"], compat, m)


def test_errors_carry_the_library_message():
    with pytest.raises(precis.PrecisError) as e:
        precis.summarize(b"Une phrase.\nDeux \xc3\x28 trois.")
    err = e.value
    assert isinstance(err, ValueError)
    assert (err.code, err.line, err.column, err.offset) == (-3, 2, 6, 17)
    assert "2:6" in str(err) and "UTF-8" in str(err)
    with pytest.raises(precis.PrecisError, match="empty input") as e:
        precis.summarize("")
    assert e.value.code == -6
    with pytest.raises(precis.PrecisError, match="no sentences"):
        precis.summarize("... !!! ---")
    with pytest.raises(precis.PrecisError):
        precis.split(b"\x00\x01binary\x00")
    with pytest.raises(TypeError):
        precis.summarize(42)
    with pytest.raises(ValueError, match="language"):
        precis.summarize("Une phrase. Une autre.", lang="xx")
    with pytest.raises(ValueError, match="algorithm"):
        precis.summarize("Une phrase.", algorithm="magic")
    with pytest.raises(ValueError):
        precis.summarize("Une phrase.", n=0)
    with pytest.raises(ValueError):
        precis.meta("Une phrase.", date="23/04/2019")
    with pytest.raises(ValueError):
        precis.rouge("a", "b", compat="nope")


def test_lossy_repairs_bytes():
    got = precis.split(b"Une phrase \xff ici. Une autre phrase.", lossy=True)
    assert got[0].startswith("Une phrase \ufffd")


def test_languages_and_detection():
    langs = precis.languages()
    assert "fr" in langs and "en" in langs
    assert precis.detect_language("Le chat est sur le tapis et il dort dans la maison.") == "fr"
    assert precis.detect_language("The cat is on the mat and it sleeps in the house.") == "en"


def test_threads_share_nothing(examples):
    """Summaries from 4 threads at once equal the sequential ones."""
    texts = [t for _, _, t in examples] * 4
    want = [precis.summarize(t, n=2) for t in texts]
    got = [None] * len(texts)

    def work(k):
        for i in range(k, len(texts), 4):
            got[i] = precis.summarize(texts[i], n=2)
            precis.meta(texts[i])

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert got == want


def test_help_is_useful():
    doc = precis.summarize.__doc__
    assert "Args:" in doc and "ratio" in doc and "PrecisError" in doc
    assert "rouge_score" in precis.__doc__


PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Sommet à Vladivostok | La Gazette</title>
<meta property="og:site_name" content="La Gazette">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-04-23T08:00:00Z",
 "headline": "Sommet à Vladivostok"}</script></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Sommet à Vladivostok</h1>
<p>Le dirigeant nord-coréen rencontrera jeudi le président russe à Vladivostok, a annoncé mardi
le Kremlin.</p>
<p>Les deux hommes doivent discuter du programme nucléaire de Pyongyang et de la coopération
économique entre leurs pays.</p>
<p>Cette première rencontre intervient deux mois après l'échec du sommet de Hanoï entre la Corée
du Nord et les États-Unis.</p>
<p>Le train blindé du dirigeant a quitté Pyongyang mercredi matin, selon les médias
officiels.</p></article>
<footer>Partager sur Facebook — Tous droits réservés</footer></body></html>
"""


def test_html_page(cli, tmp_path):
    assert precis.is_html(PAGE) and not precis.is_html("Une phrase. Une autre.")
    page = precis.html(PAGE)
    assert page["title"] == "Sommet à Vladivostok" and page["lang"] == "fr"
    assert page["date"] == "2019-04-23" and page["sources"]["date"] == "json-ld"
    assert "Accueil" not in page["text"] and "Pyongyang" in page["text"]
    assert precis.html(PAGE.encode("utf-8"))["text"] == page["text"]
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    want = run(cli, "summarize", "-n", "2", str(f)).splitlines()
    assert precis.summarize(PAGE, n=2) == want
    assert precis.summarize(PAGE.encode("utf-8"), n=2, input="html") == want
    assert precis.summarize(page["text"], n=2, title=page["title"]) == want
    with pytest.raises(ValueError):
        precis.summarize(PAGE, input="pdf")


# A second page, in English, whose markup gives every field meta reports (author,
# canonical address, published time) and whose chrome (menu, newsletter, share
# links) must not reach the text.
PAGE_EN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs - The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Jane Marlow">
<link rel="canonical" href="https://courier.example/news/harbour-bridge">
<meta property="article:published_time" content="2021-06-10T07:30:00Z">
</head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<main><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Wednesday after eight months of repairs, the
city council said.</p>
<p>Engineers replaced the corroded cables and repaved the deck, which had been closed since
October.</p>
<p>"We are glad to give the bridge back to the people of this town," said the mayor, Tom
Ellery.</p>
<p>Buses will return to their usual routes from Monday.</p>
</article></main>
<aside><p>Subscribe to our newsletter for the latest news.</p></aside>
<footer><p>Share on Facebook | Share on Twitter</p></footer>
</body></html>
"""


@pytest.fixture()
def page_file(tmp_path):
    f = tmp_path / "bridge.html"
    f.write_text(PAGE_EN, encoding="utf-8")
    return str(f)


def test_meta_of_a_page_equals_cli(cli, page_file):
    want = json.loads(run(cli, "meta", page_file))
    del want["file"]
    got = precis.meta(PAGE_EN)
    assert got == want and list(got) == list(want)
    assert got["author"] == "Jane Marlow" and got["sources"]["author"] == "meta"
    assert got["url"] == "https://courier.example/news/harbour-bridge"
    # The page's own date resolved "Wednesday" (the day before it was published).
    assert got["date"] == "2021-06-10" and got["event_date"]["from"] == "2021-06-09"
    assert [p["name"] for p in got["persons"]] == ["Tom Ellery"]
    content = precis.html(PAGE_EN)["text"]
    for q in got["quotes"]:
        assert content[q["start"]:q["end"]] == q["text"]
    # A date given wins over the page's, and says so; bytes are read as a page too.
    dated = precis.meta(PAGE_EN.encode("utf-8"), "2021-06-12")
    want_dated = json.loads(run(cli, "meta", "--date", "2021-06-12", page_file))
    del want_dated["file"]
    assert dated == want_dated and dated["sources"]["date"] == "option"
    # input="text" reads the markup as text: no page fields, no "sources".
    assert "sources" not in precis.meta(PAGE_EN, input="text")


def test_clean_of_a_page_equals_cli(cli, page_file):
    body = precis.clean(PAGE_EN)
    assert body + "\n" == run(cli, "clean", page_file)
    assert "Subscribe" not in body and "Share on" not in body and "<p>" not in body
    assert "Engineers replaced the corroded cables" in body
    explained = run(cli, "clean", "--explain", page_file).splitlines()
    lines = precis.clean(PAGE_EN, explain=True)
    assert [("keep" if x.reason is None else "drop:" + x.reason) + "\t" + x.text
            for x in lines] == explained
    content = precis.html(PAGE_EN)["text"]
    assert all(content[x.start:x.end] == x.text for x in lines)
    assert precis.clean(PAGE_EN, input="html") == body
    # As text, the markup goes through the text cleaner: not the page's body.
    assert precis.clean(PAGE_EN, input="text") != body


def test_split_of_a_page_reads_its_main_content():
    sents = precis.split(PAGE_EN, spans=True)
    content = precis.html(PAGE_EN)["text"]
    assert [s.text for s in sents] == precis.split(content)
    assert len(sents) == 4 and sents[-1].text.startswith("Buses will return")
    assert all(content[s.start:s.end] == s.text for s in sents)
    assert not any("<" in s.text or "Subscribe" in s.text for s in sents)
    # As text, the markup is split as it stands.
    assert any("<" in s for s in precis.split(PAGE_EN, input="text", clean=False))
    with pytest.raises(ValueError):
        precis.split(PAGE_EN, input="pdf")
    with pytest.raises(precis.PrecisError, match="no main content"):
        precis.split("<!DOCTYPE html><html><body><nav>Home</nav></body></html>", input="html")
