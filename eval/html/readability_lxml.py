#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) over GOLD.jsonl.gz -> {"id","text"} lines:
the text of its summary() HTML, paragraphs on their own lines."""
import gzip, json, sys

import lxml.html
from readability import Document

for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    d = json.loads(line)
    try:
        html = Document(d["html"], url=d.get("url")).summary(html_partial=True)
        root = lxml.html.fromstring(html)
        for el in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr"):
            el.tail = "\n" + (el.tail or "")
        text = root.text_content()
    except Exception:
        text = ""
    print(json.dumps({"id": d["id"], "text": text}, ensure_ascii=False))
