"""Command line: `python -m samples.generator --out samples/out [--seed N] [--quick] [--family F] [--no-verify]`."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from samples.generator import DEFAULT_SEED
from samples.generator.build import Built, build
from samples.generator.codes import BILLABLE_DROPPED, billable_icd10
from samples.generator.families import heldout_families
from samples.generator.office import docx_to_doc
from samples.generator.plan import Sample, select
from samples.generator.refusals import write_refusals

_SUBDIRS = ("tune", "heldout", "refusals")


def _build_family(samples: list[Sample], out: str, tmp: str, seed: int) -> tuple[list[Built], float]:
    """One family's samples, in a worker process; returns what was built and how long it took."""
    start = time.perf_counter()
    built = [build(s, Path(out), Path(tmp), seed) for s in samples]
    return built, time.perf_counter() - start


def _missing_dependencies() -> list[str]:
    """Generator-only packages that are not in the project's runtime dependencies."""
    import importlib.util

    needed = {"simple_icd_10_cm": "simple-icd-10-cm", "pypdf": "pypdf", "msoffcrypto": "msoffcrypto-tool",
              "reportlab": "reportlab", "xlwt": "xlwt"}
    return [pkg for module, pkg in needed.items() if importlib.util.find_spec(module) is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.generator", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("samples/out"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--quick", action="store_true", help="a smaller subset covering every format and refusal")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--no-verify", action="store_true", help="skip the sniff and text self-checks")
    parser.add_argument("--family", action="append", default=[],
                        help="only the files of this template family (repeat for several; no refusals): the "
                             "same files the full run makes for it, for measuring one new family quickly")
    args = parser.parse_args(argv)
    missing = _missing_dependencies()
    if missing:
        print(f"missing packages: {' '.join(missing)}; install them with .venv/bin/pip install {' '.join(missing)}",
              file=sys.stderr)
        return 2
    started = time.perf_counter()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    # A fresh tree every run, so files from an earlier plan never linger; the manifest goes first and is
    # written last, so its presence means a complete, checked run.
    (out / "manifest.json").unlink(missing_ok=True)
    for sub in _SUBDIRS:
        shutil.rmtree(out / sub, ignore_errors=True)
    billable_icd10()
    if BILLABLE_DROPPED:
        print(f"dropped non-billable ICD-10-CM codes from the lists: {', '.join(BILLABLE_DROPPED)}")

    by_family: dict[str, list[Sample]] = defaultdict(list)
    for sample in select(args.quick):
        fam = next((f for f in sample.families if not f.startswith("fax_cover")), sample.families[0])
        if not args.family or fam in args.family:
            by_family[fam].append(sample)
    if args.family and not by_family:
        print(f"no samples of the families {', '.join(args.family)} in the plan", file=sys.stderr)
        return 2
    entries: list[dict[str, object]] = []
    doc_jobs: list[tuple[Path, Path]] = []
    with tempfile.TemporaryDirectory(prefix="samples-gen-") as tmp:
        with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {fam: pool.submit(_build_family, samples, str(out), tmp, args.seed)
                       for fam, samples in by_family.items()}
            for fam, future in futures.items():
                built, took = future.result()
                split = "heldout" if fam in heldout_families() else "tune"
                kinds = ", ".join(sorted({str(b.entry["kind"]) for b in built}))
                print(f"[{split:7}] {fam:18} {len(built):3} files in {took:5.1f}s  ({kinds})", flush=True)
                entries += [b.entry for b in built]
                doc_jobs += [b.doc_job for b in built if b.doc_job]
        t = time.perf_counter()
        docx_to_doc(doc_jobs)
        print(f"[doc    ] {'soffice DOCX->DOC':18} {len(doc_jobs):3} files in {time.perf_counter() - t:5.1f}s",
              flush=True)
        t = time.perf_counter()
        refusals = []
        if not args.family:
            docx_source = next(out / str(e["path"]) for e in entries if e["kind"] == "docx")
            refusals = write_refusals(out / "refusals", docx_source, args.seed)
            print(f"[refusal] {'refusals':18} {len(refusals):3} files in {time.perf_counter() - t:5.1f}s",
                  flush=True)
    for name, code, how in refusals:
        exp = out / "refusals" / f"{name}.expected.json"
        exp.write_text(json.dumps({"schema_version": 1, "file": name, "rejected": {"code": code}, "made_by": how},
                                  indent=2) + "\n")
        entries.append({"path": f"refusals/{name}", "file": name, "format": None, "kind": "refusal",
                        "split": "refusals", "family": None, "families": [],
                        "expected": f"refusals/{name}.expected.json", "quick": True, "refusal": code})
    entries.sort(key=lambda e: str(e["path"]))
    total = sum((out / str(e["path"])).stat().st_size for e in entries if e["kind"] != "refusal")
    print(f"{len(entries)} files ({total / 1e6:.1f} MB excluding refusals) in {time.perf_counter() - started:.1f}s")
    if not args.no_verify:
        from samples.generator.verify import verify

        problems = verify(out, entries)
        for p in problems:
            print("PROBLEM:", p, file=sys.stderr)
        print("self-check: " + ("ok" if not problems else f"{len(problems)} problem(s); no manifest written"))
        if problems:
            return 1
    manifest = {"schema_version": 1, "seed": args.seed, "quick": args.quick, "only_families": sorted(args.family),
                "heldout_families": sorted(heldout_families()), "files": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
