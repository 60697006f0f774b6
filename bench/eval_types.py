"""Document types and splitting on the labelled samples: per-type precision/recall/F1 and boundary accuracy.

    python -m bench.eval_types --samples DIR [--samples DIR2 ...] [--split heldout|tune|all]

Types are scored per expected segment (a file of one document is one segment): the prediction is the type of the
predicted segment with the same pages, else of the predicted segment holding the expected segment's first page.
Boundaries (the first page of every segment after the first) are scored on files of several documents; files of
one document that were split anyway are counted apart.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from bench.eval import corpus_jobs, init_worker, worker_context
from docintake.classifiers.features import DOCUMENT_TYPES
from docintake.contract import extract_json
from docintake.errors import IntakeError
from docintake.pipeline import PipelineContext, extract_path, read_document
from docintake.settings import Settings


def _run(path: str) -> tuple[str, dict[str, Any] | None]:
    try:
        return path, extract_json(extract_path(Path(path), worker_context()))
    except IntakeError:
        return path, None


def _type_of(seg: dict[str, Any]) -> str | None:
    kind = seg.get("document_type")
    return kind.get("value") if isinstance(kind, dict) else kind


def type_pairs(expected: dict[str, Any], got: dict[str, Any]) -> list[tuple[str, str]]:
    """(expected, predicted) type for every expected segment."""
    pairs = []
    for seg in expected["segments"]:
        first, last = seg["pages"]
        same = next((s for s in got["segments"] if s["pages"] == [first, last]), None)
        holder = same or next((s for s in got["segments"] if s["pages"][0] <= first <= s["pages"][1]), None)
        pairs.append((_type_of(seg) or "", (_type_of(holder) if holder else None) or "none"))
    return pairs


def boundaries(segments: list[dict[str, Any]]) -> set[int]:
    return {s["pages"][0] for s in segments[1:]}


def print_types(title: str, pairs: list[tuple[str, str]]) -> float:
    """Per-type precision, recall and F1; returns the macro-F1 over the types that occur."""
    print(f"\n{title}: {len(pairs)} segments, accuracy {sum(a == b for a, b in pairs) / max(1, len(pairs)):.4f}")
    print(f"{'type':30} {'n':>4} {'prec':>7} {'recall':>7} {'F1':>7}")
    f1s = []
    for t in DOCUMENT_TYPES:
        tp = sum(a == b == t for a, b in pairs)
        n_exp, n_pred = sum(a == t for a, _ in pairs), sum(b == t for _, b in pairs)
        if not n_exp and not n_pred:
            continue
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_exp if n_exp else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if n_exp:
            f1s.append(f1)
        print(f"{t:30} {n_exp:4} {p:7.4f} {r:7.4f} {f1:7.4f}")
    macro = statistics.fmean(f1s) if f1s else float("nan")
    print(f"{'macro-F1':30} {'':4} {'':7} {'':7} {macro:7.4f}")
    return macro


def print_classification_speed(files: list[Path], ctx: PipelineContext, limit: int = 40) -> None:
    """Milliseconds per page to classify and split pages already read (model load excluded), for `make bench`."""
    from docintake.classifiers.doctype import classify_pages, load_model
    from docintake.intake.admission import admit_path

    load_model()
    docs = []
    for path in files[:limit]:
        try:
            docs.append(read_document(admit_path(path, ctx.limits), path.name, ctx))
        except IntakeError:
            continue
    pages = [p for d in docs for p in d.pages]
    classify_pages(pages[:5])  # warm up
    start = time.perf_counter()
    for d in docs:
        classify_pages(d.pages)
    per_page = (time.perf_counter() - start) * 1000 / max(1, len(pages))
    print(f"document-type classification: {per_page:.2f} ms a page ({len(pages)} pages of {len(docs)} files, "
          "after reading)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval_types", description=__doc__)
    parser.add_argument("--samples", type=Path, action="append", help="a generated corpus; repeat for several")
    parser.add_argument("--split", choices=("heldout", "tune", "all"), default="all")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--show-errors", type=int, default=15)
    args = parser.parse_args(argv)
    jobs = corpus_jobs(args.samples or [Path("samples/out")], args.split)
    results: dict[str, dict[str, Any] | None] = {}
    with ProcessPoolExecutor(args.workers, initializer=init_worker, initargs=(Settings().model_dump(),)) as pool:
        futures = [pool.submit(_run, p) for p in jobs]
        for i, fut in enumerate(as_completed(futures), 1):
            path, out = fut.result()
            results[path] = out
            print(f"\r  extracting {i}/{len(futures)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    files: dict[str, list[tuple[str, str]]] = defaultdict(list)
    bound: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # exact, expected, predicted, files exact
    over_split: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    for path, (root, entry) in sorted(jobs.items()):
        got = results[path]
        if got is None:
            continue
        expected = json.loads((root / entry["expected"]).read_text())
        split = entry["split"]
        pairs[split] += type_pairs(expected, got)
        files[split].append((_type_of(expected) or "", _type_of(got) or "none"))
        name = f"{root.name}/{entry['path']}"
        errors += [f"{name}: type {a} -> {b}" for a, b in type_pairs(expected, got) if a != b]
        want, have = boundaries(expected["segments"]), boundaries(got["segments"])
        if len(expected["segments"]) > 1:
            b = bound[split]
            b[0] += len(want & have)
            b[1] += len(want)
            b[2] += len(have)
            b[3] += want == have
            b.append(1)
            if want != have:
                errors.append(f"{name}: boundaries {sorted(want)} -> {sorted(have)}")
        else:
            over_split[split][0] += 1
            if have:
                over_split[split][1] += 1
                errors.append(f"{name}: one document split at {sorted(have)}")
    for split in sorted(pairs):
        print_types(f"[{split}] document types per segment", pairs[split])
        print_types(f"[{split}] document type per file (top-level)", files[split])
        b = bound[split]
        n_files = len(b) - 4
        union = b[1] + b[2] - b[0]
        print(f"\n[{split}] boundaries on {n_files} multi-document files: {b[0]} of {b[1]} expected found, "
              f"{b[2] - b[0]} spurious; exact share {b[0] / union if union else float('nan'):.4f} "
              f"(found / (expected + spurious)); files split exactly right {b[3]}/{n_files}")
        o = over_split[split]
        print(f"[{split}] single-document files split anyway: {o[1]} of {o[0]}")
    for line in errors[: args.show_errors]:
        print("  error:", line)
    if len(errors) > args.show_errors:
        print(f"  ... {len(errors) - args.show_errors} more")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
