"""`make train`: rebuild the shipped document-type model from text-only pages (fixed seed).

    python -m bench.train_types [--seed N] [--train-seeds 120] [--variety-seeds 300] [--out DIR] [--transfer]

Training pages come from the text-only mode (`samples.generator.text_corpus`): the tune families over many case
seeds, and the variety pages (`samples.generator.variety`: our own wordings and layouts per type, written from
domain knowledge, most of the training set) so that the model learns what a type says rather than how a few
templates look. Validation pages come from other seeds. Held-out families are never read here.

`--transfer` trains on the variety pages alone and scores the tune families' pages, templates that model never
saw: the nearest check of generalisation that does not touch the held-out families. It writes no model.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from samples.generator.text_corpus import labelled_pages, variety_pages

from docintake.classifiers.doctype import classify_texts, model_path
from docintake.classifiers.features import DOCUMENT_TYPES
from docintake.classifiers.training import Example, save, train

VALIDATION_SEEDS = range(100_000, 100_060)
VARIETY_VALIDATION_SEEDS = range(200_000, 200_040)


def examples(seeds: range) -> list[Example]:
    return [Example(p.text, p.document_type) for p in labelled_pages(seeds, split="tune")]


def variety_examples(seeds: range) -> list[Example]:
    return [Example(p.text, p.document_type) for p in variety_pages(seeds)]


def report(title: str, gold: list[str], predicted: list[str]) -> float:
    """Print per-type precision/recall/F1 and return the macro-F1 over the types present."""
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    print(f"\n{title}: {len(gold)} pages, accuracy {correct / len(gold):.4f}")
    print(f"{'type':30} {'n':>5} {'P':>7} {'R':>7} {'F1':>7}")
    f1s = []
    for t in DOCUMENT_TYPES:
        tp = sum(g == p == t for g, p in zip(gold, predicted, strict=True))
        n_gold, n_pred = gold.count(t), predicted.count(t)
        if not n_gold and not n_pred:
            continue
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        print(f"{t:30} {n_gold:5} {prec:7.4f} {rec:7.4f} {f1:7.4f}")
    macro = sum(f1s) / len(f1s)
    print(f"{'macro-F1':30} {'':5} {'':7} {'':7} {macro:7.4f}")
    return macro


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_types", description=__doc__)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--train-seeds", type=int, default=120, help="case seeds per tune family")
    parser.add_argument("--variety-seeds", type=int, default=300, help="case seeds per variety template")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--transfer", action="store_true",
                        help="train on variety pages only, score the tune families (writes no model)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    variety_set = variety_examples(range(args.variety_seeds))
    train_set = variety_set if args.transfer else variety_set + examples(range(args.train_seeds))
    print(f"training pages: {len(train_set)} ({dict(sorted(Counter(e.label for e in train_set).items()))})")
    nlp = train(train_set, args.seed, epochs=args.epochs, log=print)
    took = time.perf_counter() - started
    train_pred = [p.best.value for p in classify_texts([e.text for e in train_set], nlp)]
    report("training", [e.label for e in train_set], train_pred)
    valid_sets = {"tune families, unseen case seeds": examples(VALIDATION_SEEDS)}
    if args.transfer:
        valid_sets = {"transfer: tune families' templates, never trained on": valid_sets.popitem()[1]}
    else:
        valid_sets["variety pages, unseen case seeds"] = variety_examples(VARIETY_VALIDATION_SEEDS)
    for title, valid_set in valid_sets.items():
        valid_pred = [p.best.value for p in classify_texts([e.text for e in valid_set], nlp)]
        report(f"validation ({title})", [e.label for e in valid_set], valid_pred)
    if args.transfer:
        return 0
    if args.out.exists():
        shutil.rmtree(args.out)
    save(nlp, args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"\nmodel written to {args.out} ({size / 1e6:.2f} MB); trained in {took:.1f}s (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
