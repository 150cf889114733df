#!/usr/bin/env python3
"""Run precis_html_extract (through libprecis.so) on GOLD.jsonl.gz -> {"id","text"} lines.
Used while the CLI had no HTML input; eval_html.sh uses `precis clean --jsonl`."""
import ctypes, gzip, json, sys

class Opts(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("unicode", ctypes.c_bool), ("charset", ctypes.c_char_p),
                ("url", ctypes.c_char_p), ("max_bytes", ctypes.c_size_t)]


lib = ctypes.CDLL(sys.argv[1])
lib.precis_html_extract.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p,
                                    ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p]
lib.precis_page_text.restype = ctypes.c_char_p
lib.precis_page_text.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.precis_page_free.argtypes = [ctypes.c_void_p]
for line in gzip.open(sys.argv[2], "rt", encoding="utf-8"):
    d = json.loads(line)
    b = d["html"].encode("utf-8", "surrogatepass")
    p = ctypes.c_void_p()
    o = Opts(1, True, None, (d.get("url") or "").encode() or None, 0)
    rc = lib.precis_html_extract(ctypes.byref(p), b, len(b), ctypes.byref(o), None)
    text = lib.precis_page_text(p, None).decode("utf-8") if rc == 0 else ""
    lib.precis_page_free(p)
    print(json.dumps({"id": d["id"], "text": text}, ensure_ascii=False))
