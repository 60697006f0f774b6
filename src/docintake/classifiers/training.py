"""Train the document-type model: a spaCy `textcat` (exclusive classes, bag of words) on `spacy.blank("en")`."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docintake.classifiers.features import DOCUMENT_TYPES, model_text

# Bag of words and bigrams, hashed into 2**16 rows: a few MB at most, and well under a millisecond a page.
TEXTCAT_CONFIG: dict[str, Any] = {
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2**16,
    },
}


@dataclass(frozen=True, slots=True)
class Example:
    """One page's text and its document type."""

    text: str
    label: str


def blank_pipeline() -> Any:
    """A blank English pipeline with an untrained exclusive `textcat` over the nine types."""
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
    for label in DOCUMENT_TYPES:
        textcat.add_label(label)
    return nlp


def train(examples: Sequence[Example], seed: int, epochs: int = 8, batch: int = 32,
          log: Any = None) -> Any:
    """A trained pipeline; the same examples and seed give the same weights (one thread, fixed shuffles)."""
    import spacy
    from spacy.training import Example as SpacyExample

    spacy.util.fix_random_seed(seed)
    nlp = blank_pipeline()
    docs = [(nlp.make_doc(model_text(e.text)), e.label) for e in examples]
    train_examples = [SpacyExample.from_dict(doc, {"cats": {t: float(t == label) for t in DOCUMENT_TYPES}})
                      for doc, label in docs]
    optimizer = nlp.initialize(lambda: train_examples[:200])
    order = random.Random(seed)
    for epoch in range(epochs):
        order.shuffle(train_examples)
        losses: dict[str, float] = {}
        for i in range(0, len(train_examples), batch):
            nlp.update(train_examples[i:i + batch], sgd=optimizer, losses=losses, drop=0.0)
        if log:
            log(f"epoch {epoch + 1}/{epochs}: loss {losses.get('textcat', 0.0):.3f}")
    return nlp


def save(nlp: Any, target: Path) -> None:
    """Write the pipeline to `target` (a folder), keeping only what classification needs."""
    nlp.to_disk(target, exclude=["vocab"])
