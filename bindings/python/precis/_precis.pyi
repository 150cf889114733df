"""Type stubs of the C extension precis._precis (use the precis package instead)."""
from typing import Any, Dict, List, Optional, Sequence, Tuple, Type, Union

Text = Union[str, bytes]
Target = Union[Text, Sequence[Text]]

LIB_VERSION: str
ROUGE_UNICODE: int
ROUGE_SCORE: int
ROUGE_155: int
ALG_DEFAULT: int
ALG_TEXTRANK: int
ALG_LEXRANK: int
ALG_LEAD: int
ALG_CENTROID: int
ALG_RANDOM: int
ORDER_DOC: int
ORDER_RANK: int
ENOMEM: int
EINVAL: int
EUTF8: int
EIO: int
ELANG: int
EEMPTY: int
ETOOBIG: int
EJSON: int
ENUMERIC: int
EBINARY: int
EFORMAT: int

class PrecisError(ValueError):
    code: int
    line: int
    column: int
    offset: Optional[int]

class Rouge:
    types: Tuple[str, ...]
    def __init__(self, compat: int, stem: bool, types: Sequence[str],
                 score_cls: Optional[Type[tuple]] = ..., lang: Optional[str] = ...,
                 alpha: float = ...) -> None: ...
    def score(self, target: Text, prediction: Text) -> Dict[str, Any]: ...
    def score_multi(self, targets: Sequence[Text], prediction: Text) -> Dict[str, Any]: ...
    def score_batch(self, targets: Sequence[Target], predictions: Sequence[Text],
                    threads: int = ...) -> List[Dict[str, Any]]: ...

# (text, index, score, start, end)
Pick = Tuple[str, int, float, int, int]

class Analyzer:
    def __init__(self) -> None: ...
    def summarize(self, text: Text, sentences: int = ..., ratio: float = ..., words: int = ...,
                  chars: int = ..., truncate: bool = ..., algorithm: int = ..., order: int = ...,
                  redundancy: float = ..., position_bias: float = ..., title_bias: float = ...,
                  damping: float = ..., tolerance: float = ..., max_iterations: int = ...,
                  threshold: float = ..., continuous: bool = ..., seed: int = ...,
                  lang: Optional[str] = ..., title: Optional[str] = ..., clean: bool = ...,
                  lossy: bool = ..., max_bytes: int = ...
                  ) -> Tuple[str, Optional[str], int, List[Pick]]: ...
    def split(self, text: Text, lang: Optional[str] = ..., clean: bool = ..., lossy: bool = ...,
              max_bytes: int = ...) -> Tuple[str, List[Tuple[str, int, int]]]: ...
    def clean(self, text: Text, lang: Optional[str] = ..., lossy: bool = ...,
              max_bytes: int = ...
              ) -> Tuple[str, Optional[str], Optional[str],
                         List[Tuple[str, Optional[str], int, int]]]: ...
    def meta(self, text: Text, date: Optional[str] = ..., lang: Optional[str] = ...,
             title: Optional[str] = ..., lossy: bool = ..., max_bytes: int = ...
             ) -> Dict[str, Any]: ...
    def detect_language(self, text: Text) -> str: ...

def languages() -> List[str]: ...
def algorithm_from_name(name: str) -> int: ...
def compat_from_name(name: str) -> int: ...
def strerror(code: int) -> str: ...
def html(page: Text, url: Optional[str] = ..., charset: Optional[str] = ...,
         max_bytes: int = ...) -> Dict[str, Any]: ...
def html_detect(data: Text) -> bool: ...
def compare(analyzer: Analyzer,
            articles: Sequence[Tuple[Optional[str], Text, Optional[str], Optional[str],
                                     Optional[str], Optional[str]]],
            format: int = ..., threshold: float = ..., stories: int = ...,
            summary_sentences: int = ..., explain: bool = ..., lang: Optional[str] = ...,
            threads: int = ...) -> Tuple[str, Optional[str]]: ...
