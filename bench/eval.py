"""`make eval`: field accuracy on the labelled samples, split by held-out/tune and text-native/OCR'd.

Per field: precision, recall and F1 of the exact value after normalisation, the share of values
auto-accepted (confidence >= 0.9), and the silent-error rate (wrong values among those auto-accepted).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docintake.contract import extract_json
from docintake.errors import IntakeError
from docintake.intake.admission import admit_path
from docintake.pipeline import PipelineContext, classify_split, extract_path, find_fields, read_document
from docintake.runtime import prepare_process
from docintake.settings import Settings

FIELDS = ("reference_id", "policy_id", "dob", "patient_name", "npi", "cpt", "hcpcs", "icd10", "service_date",
          "urgent")
LISTS = frozenset({"npi", "cpt", "hcpcs", "icd10"})
AUTO = 0.9


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    auto: int = 0
    auto_wrong: int = 0
    predicted: int = 0
    examples: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.auto += other.auto
        self.auto_wrong += other.auto_wrong
        self.predicted += other.predicted


def _key(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "patient_name" and isinstance(value, dict):
        return f"{value.get('first', '')}|{value.get('last', '')}".lower()
    return str(value).upper()


def compare(expected: dict[str, Any], got: dict[str, Any], file: str) -> dict[str, Tally]:
    """Per-field tallies for one document."""
    out: dict[str, Tally] = {}
    for name in FIELDS:
        t = Tally()
        exp, pred = expected.get(name), got.get(name)
        if name in LISTS:
            want = {_key(name, e["value"]) for e in exp or []}
            for f in pred or []:
                k = _key(name, f["value"])
                t.predicted += 1
                ok = k in want
                t.tp += ok
                t.fp += not ok
                if f["confidence"] >= AUTO:
                    t.auto += 1
                    if not ok:
                        t.auto_wrong += 1
                        t.examples.append(f"{file}: {name} {f['explanation']}")
                if not ok:
                    t.misses.append(f"{file}: {name} extra {k} @{f['confidence']:.2f} ({f['explanation']})")
            missing = want - {_key(name, f["value"]) for f in pred or []}
            t.fn += len(missing)
            t.misses.extend(f"{file}: {name} missed {k}" for k in sorted(missing))
        else:
            want_key = _key(name, exp["value"]) if exp else ""
            if pred is not None:
                t.predicted += 1
                ok = _key(name, pred["value"]) == want_key
                t.tp += ok and bool(want_key)
                t.fp += not ok
                if pred["confidence"] >= AUTO:
                    t.auto += 1
                    if not ok:
                        t.auto_wrong += 1
                        t.examples.append(f"{file}: {name} {pred['explanation']}")
            if want_key and (pred is None or _key(name, pred["value"]) != want_key):
                t.fn += 1
            if pred is None and want_key:
                t.misses.append(f"{file}: {name} missed {want_key}")
            elif pred is not None and _key(name, pred["value"]) != want_key:
                t.misses.append(f"{file}: {name} want {want_key or '-'} got {_key(name, pred['value'])} "
                                f"@{pred['confidence']:.2f} ({pred['explanation']})")
        out[name] = t
    return out


_CTX: PipelineContext | None = None
_READ_CACHE: Path | None = None

# What a cached reading depends on: every source file except the field miners and the classifiers, which run
# after the reading and are what one iterates on.
_SRC = Path(__file__).resolve().parent.parent / "src" / "docintake"
_AFTER_READING = ("extractors/fields/", "classifiers/")


def reading_digest(ctx: PipelineContext) -> str:
    """A digest of the reading code and the read settings: a cached reading is reused only while both hold."""
    h = hashlib.sha256(repr(ctx.read).encode())
    for f in sorted(_SRC.rglob("*.py")):
        rel = f.relative_to(_SRC).as_posix()
        if not rel.startswith(_AFTER_READING):
            h.update(rel.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def corpus_jobs(roots: list[Path], split: str,
                families: frozenset[str] = frozenset()) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The labelled documents of some generated corpora (their manifests), by path: (corpus root, entry).

    ``families``: only documents of these template families (all when empty)."""
    jobs: dict[str, tuple[Path, dict[str, Any]]] = {}
    for root in roots:
        manifest = json.loads((root / "manifest.json").read_text())
        for e in manifest["files"]:
            # `reviewed`: a deployment's own documents as its clerks settled them (`docintake corrections export
            # --corpus DIR`), measured, never tuned on here.
            if families and e.get("family") not in families:
                continue
            if e.get("split") in ("tune", "heldout", "reviewed") and split in ("all", e["split"]):
                jobs[str(root / e["path"])] = (root, e)
    print(f"{len(jobs)} documents from {len(roots)} corpora", file=sys.stderr)
    return jobs


def init_worker(values: dict[str, Any], read_cache: Path | None = None) -> None:
    """Process-pool initializer: settings, private files and a pipeline context, once per worker process."""
    global _CTX, _READ_CACHE
    settings = Settings(**values)
    prepare_process(settings)
    _CTX = PipelineContext.from_settings(settings)
    if read_cache is not None:
        _READ_CACHE = read_cache / reading_digest(_CTX)
        _READ_CACHE.mkdir(parents=True, exist_ok=True)


def worker_context() -> PipelineContext:
    """The context `init_worker` built in this process."""
    assert _CTX is not None, "init_worker has not run in this process"
    return _CTX


def _extract_cached(path: Path, ctx: PipelineContext, cache: Path) -> dict[str, Any]:
    """Like extract_path, with the read pages kept in ``cache`` by the file's digest (field work re-runs fast)."""
    admitted = admit_path(path, ctx.limits)
    slot = cache / f"{admitted.sha256}.pickle"
    try:
        doc = replace(pickle.loads(slot.read_bytes()), file=path.name)
    except (OSError, pickle.UnpicklingError, EOFError):
        doc = read_document(admitted, path.name, ctx)
        tmp = slot.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(doc))
        tmp.replace(slot)
    return extract_json(classify_split(find_fields(doc, ctx), ctx))


def _run(path: str) -> tuple[str, dict[str, Any] | None, float]:
    start = time.perf_counter()
    try:
        if _READ_CACHE is not None:
            out = _extract_cached(Path(path), worker_context(), _READ_CACHE)
        else:
            out = extract_json(extract_path(Path(path), worker_context()))
    except IntakeError:
        out = None
    return path, out, time.perf_counter() - start


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def print_table(title: str, tallies: dict[str, Tally], docs: int) -> Tally:
    print(f"\n{title} ({docs} documents)")
    print(f"{'field':13} {'prec':>6} {'recall':>6} {'F1':>6} {'values':>7} {'auto@0.9':>9} {'silent err':>11}")
    total = Tally()
    for name in FIELDS:
        t = tallies.get(name, Tally())
        total.add(t)
        p, r = _ratio(t.tp, t.tp + t.fp), _ratio(t.tp, t.tp + t.fn)
        f1 = 2 * p * r / (p + r) if p + r else float("nan")
        print(f"{name:13} {p:6.3f} {r:6.3f} {f1:6.3f} {t.predicted:7d} {_ratio(t.auto, t.predicted):9.1%} "
              f"{_ratio(t.auto_wrong, t.auto):10.2%} ({t.auto_wrong}/{t.auto})")
    p, r = _ratio(total.tp, total.tp + total.fp), _ratio(total.tp, total.tp + total.fn)
    f1 = 2 * p * r / (p + r) if p + r else float("nan")
    print(f"{'ALL':13} {p:6.3f} {r:6.3f} {f1:6.3f} {total.predicted:7d} {_ratio(total.auto, total.predicted):9.1%} "
          f"{_ratio(total.auto_wrong, total.auto):10.2%} ({total.auto_wrong}/{total.auto})")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench.eval")
    parser.add_argument("--samples", type=Path, action="append",
                        help="a generated corpus (its manifest.json); repeat for several seeds")
    parser.add_argument("--split", choices=("heldout", "tune", "reviewed", "all"), default="all")
    parser.add_argument("--family", action="append", default=[],
                        help="only this template family (repeat for several): e.g. a newly written blind family")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--show-errors", type=int, default=10, help="print this many silent errors per group")
    parser.add_argument("--misses", type=Path, help="write every wrong or missed value of the TUNE split here "
                        "(never the held-out one: its errors are not for tuning)")
    parser.add_argument("--read-cache", type=Path, help="keep each file's read pages (text layer or OCR) in this "
                        "folder and reuse them while the reading code is unchanged: for iterating on field rules; "
                        "`make eval` does not use it")
    args = parser.parse_args()
    jobs = corpus_jobs(args.samples or [Path("samples/out")], args.split, frozenset(args.family))
    settings = Settings()
    results: dict[str, tuple[dict[str, Any] | None, float]] = {}
    init = (settings.model_dump(), args.read_cache)
    with ProcessPoolExecutor(args.workers, initializer=init_worker, initargs=init) as pool:
        futures = [pool.submit(_run, p) for p in jobs]
        for i, fut in enumerate(as_completed(futures), 1):
            path, out, seconds = fut.result()
            results[path] = (out, seconds)
            print(f"\r  extracting {i}/{len(futures)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    counts: dict[str, int] = defaultdict(int)
    errors: dict[str, list[str]] = defaultdict(list)
    misses: list[str] = []
    for path, (root, entry) in jobs.items():
        got, _ = results[path]
        expected = json.loads((root / entry["expected"]).read_text())
        if got is None:
            continue
        kind = "ocr" if got["ocr"] != "none" else "text"
        for group in (f"{entry['split']}/{kind}", f"{entry['split']}/all"):
            counts[group] += 1
            for name, t in compare(expected["fields"], got["fields"], f"{root.name}/{Path(path).name}").items():
                groups[group][name].add(t)
                errors[group].extend(t.examples)
                if entry["split"] == "tune" and group.endswith("/all"):
                    misses.extend(f"{kind} {line}" for line in t.misses)
    for group in sorted(groups):
        print_table(group, groups[group], counts[group])
        for line in errors[group][: args.show_errors]:
            print(f"   silent: {line}")
    if args.misses:
        args.misses.write_text("".join(f"{line}\n" for line in sorted(misses)))
        print(f"\n{len(misses)} tune misses written to {args.misses}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
