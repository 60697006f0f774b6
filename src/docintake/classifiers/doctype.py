"""Document type of pages and documents: the shipped spaCy text classifier plus layout rules, with confidences."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from docintake.classifiers.features import DOCUMENT_TYPES, alnum_count, model_text
from docintake.model import Classification, Page

MODEL_PACKAGE = "docintake.classifiers"
MODEL_DIR = "model"
_BLANK_CHARS = 25  # fewer letters and digits than this: a blank or smudged page

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class PageType:
    """One page's type probabilities (all nine types) and whether it is blank."""

    scores: dict[str, float]
    blank: bool

    @property
    def best(self) -> Classification:
        value = max(self.scores, key=self.scores.__getitem__)
        return Classification(value, self.scores[value])


def model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(MODEL_DIR)))


def load_model(path: Path | None = None) -> Any:
    """The type model, loaded once per process on first use (never at import)."""
    key = str(path or model_path())
    with _lock:
        if key not in _loaded:

            from docintake.classifiers.training import blank_pipeline

            nlp = blank_pipeline()
            nlp.from_disk(key, exclude=["vocab"])
            _loaded[key] = nlp
        return _loaded[key]


def classify_texts(texts: Sequence[str], nlp: Any = None) -> list[PageType]:
    """Type probabilities for page texts (one per text)."""
    nlp = nlp or load_model()
    out: list[PageType] = []
    docs = nlp.pipe([model_text(t) for t in texts], batch_size=64)
    for text, doc in zip(texts, docs, strict=True):
        blank = alnum_count(text) < _BLANK_CHARS
        scores = {t: float(doc.cats.get(t, 0.0)) for t in DOCUMENT_TYPES}
        if blank:
            # Nothing legible: no model can tell what this page is; it is 'other' until a neighbour says more.
            scores = {t: (0.9 if t == "other" else 0.1 / (len(DOCUMENT_TYPES) - 1)) for t in DOCUMENT_TYPES}
        out.append(PageType(scores, blank))
    return out


def classify_pages(pages: Sequence[Page], nlp: Any = None) -> list[PageType]:
    """Type probabilities for every page."""
    return classify_texts([p.text for p in pages], nlp)


def combine(page_types: Sequence[PageType]) -> Classification:
    """A document's type from its pages: mean probabilities, the first page counting double, blanks not at all."""
    legible = [p for p in page_types if not p.blank] or list(page_types)
    if not legible:
        return Classification("other", 0.0)
    weights = [2.0 if i == 0 else 1.0 for i in range(len(legible))]
    total = sum(weights)
    mean = {t: sum(w * p.scores[t] for w, p in zip(weights, legible, strict=True)) / total
            for t in DOCUMENT_TYPES}
    value = max(mean, key=mean.__getitem__)
    return Classification(value, round(min(1.0, max(0.0, mean[value])), 4))
