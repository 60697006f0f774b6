"""`make bench`: reading speed per format, OCR cost per fax page against bare tesseract, peak memory at 25 MB."""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from docintake.demo import sample_files
from docintake.errors import IntakeError
from docintake.pipeline import PipelineContext, extract_path
from docintake.runtime import prepare_process
from docintake.settings import Settings


def _reading(files: list[Path], ctx: PipelineContext) -> dict[str, list[tuple[float, int, bool]]]:
    """Seconds, pages and OCR-or-not of every readable sample, by format (one process, one at a time)."""
    by_format: dict[str, list[tuple[float, int, bool]]] = defaultdict(list)
    for i, path in enumerate(files, 1):
        print(f"\r  reading {i}/{len(files)}", end="", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            doc = extract_path(path, ctx)
        except IntakeError:
            continue
        by_format[doc.format].append((time.perf_counter() - start, len(doc.pages), doc.ocr != "none"))
    print(file=sys.stderr)
    return by_format


def _print_reading(by_format: dict[str, list[tuple[float, int, bool]]]) -> None:
    print(f"{'format':8} {'docs':>5} {'pages':>6} {'ms/doc (median)':>16} {'ms/page (median)':>17} {'OCR docs':>9}")
    for fmt in sorted(by_format):
        rows = by_format[fmt]
        per_doc = statistics.median(s for s, _, _ in rows) * 1000
        per_page = statistics.median(s / max(p, 1) for s, p, _ in rows) * 1000
        print(f"{fmt:8} {len(rows):5d} {sum(p for _, p, _ in rows):6d} {per_doc:16.1f} {per_page:17.1f} "
              f"{sum(1 for *_, o in rows if o):9d}")


def _field_speed(files: list[Path], ctx: PipelineContext) -> None:
    """Milliseconds per page of field extraction alone, on text-native pages already read."""
    from docintake.extractors.fields.extract import extract_fields
    from docintake.intake.admission import admit_path
    from docintake.pipeline import read_document

    docs = []
    for path in files:
        try:
            doc = read_document(admit_path(path, ctx.limits), path.name, ctx)
        except IntakeError:
            continue
        if doc.ocr == "none":
            docs.append(doc)
    extract_fields(docs[0].pages, ctx.today)  # load the code set and the pipeline once, outside the timing
    pages = sum(len(d.pages) for d in docs)
    start = time.perf_counter()
    for _ in range(3):
        for doc in docs:
            extract_fields(doc.pages, ctx.today)
    seconds = (time.perf_counter() - start) / 3
    print(f"field extraction on {len(docs)} text-native documents ({pages} pages): {seconds / pages * 1000:.2f} ms "
          f"a page, {pages / seconds:.0f} pages a second   (aim: under 10 ms a page)")


def _bare_tesseract_seconds(path: Path) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start = time.perf_counter()
    subprocess.run(["tesseract", str(path), "stdout", "--oem", "1", "-l", "eng", "tsv"], env=env,
                   capture_output=True, check=True)
    return time.perf_counter() - start


def _fax_ocr(files: list[Path], ctx: PipelineContext) -> None:
    faxes = [p for p in files if p.suffix.lower() in (".tif", ".tiff")]
    if not faxes:
        print("no fax TIFFs among the samples")
        return
    ours = bare = 0.0
    pages = 0
    for path in faxes:
        start = time.perf_counter()
        try:
            doc = extract_path(path, ctx)
        except IntakeError:
            continue
        ours += time.perf_counter() - start
        pages += len(doc.pages)
        bare += _bare_tesseract_seconds(path)
    print(f"fax TIFFs: {len(faxes)} files, {pages} pages")
    print(f"  OCR seconds per fax page (ours, all steps): {ours / pages:.3f}")
    print(f"  bare `tesseract --oem 1` on the same files:  {bare / pages:.3f} s/page")
    print(f"  ratio ours / bare: {ours / bare:.3f}   (aim: at most 1.15; ours also squares 204x98 pages and "
          "checks orientation when a page reads badly)")


_MEMORY_PROBE = """
import json, resource, sys, time
from pathlib import Path
from docintake.pipeline import PipelineContext, extract_path
from docintake.runtime import prepare_process
from docintake.settings import Settings
settings = Settings()
prepare_process(settings)
start = time.perf_counter()
doc = extract_path(Path(sys.argv[1]), PipelineContext.from_settings(settings))
print(json.dumps({"pages": len(doc.pages), "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _big_scanned_pdf(path: Path, target: int) -> None:
    """A ~25 MB image-only PDF: noisy greyscale page scans (JPEG), as a scanner would send."""
    from PIL import Image, ImageDraw

    rng = random.Random(7)
    pages: list[Image.Image] = []
    size = 0
    while size < target * 0.97:
        page = Image.effect_noise((1700, 2200), 40).point(lambda v: 200 + v // 5)
        draw = ImageDraw.Draw(page)
        for row in range(40):
            draw.text((120, 100 + row * 50), f"Progress note line {row} value {rng.randint(10**6, 10**7)}", fill=0)
        buf = io.BytesIO()
        page.save(buf, "JPEG", quality=95)
        size += buf.tell()
        pages.append(page)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=200, quality=95)


def _big_png(path: Path, target: int) -> None:
    """A ~25 MB PNG photo of a page (noise does not compress)."""
    from PIL import Image

    side = int((target / 1.0) ** 0.5)
    Image.effect_noise((side, side), 64).save(path, "PNG")


def _peak_memory() -> None:
    limit = Settings().max_bytes
    with tempfile.TemporaryDirectory() as folder:
        for name, build in (("scanned.pdf", _big_scanned_pdf), ("photo.png", _big_png)):
            path = Path(folder) / name
            build(path, limit - 64 * 1024)
            probe = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(path)], capture_output=True, text=True,
                                   check=False, env={**os.environ, "DOCINTAKE_DATA_DIR": folder})
            if probe.returncode != 0:
                print(f"  {name}: failed: {probe.stderr.strip().splitlines()[-1:]}")
                continue
            out = json.loads(probe.stdout)
            print(f"  {name} ({path.stat().st_size / 1e6:.1f} MB, {out['pages']} pages): peak RSS "
                  f"{out['peak_mb']:.0f} MB, {out['seconds']:.1f} s   (aim: under 400 MB)")


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--samples", type=Path, default=Path("samples/out"))
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    prepare_process(settings)
    ctx = PipelineContext.from_settings(settings)
    files = [p for p in sample_files(args.samples) if "refusals" not in p.parts]
    if not files:
        print(f"no samples under {args.samples}: run `make samples`")
        return 2
    print(f"== reading, {len(files)} sample files, one process ==")
    _print_reading(_reading(files, ctx))
    print("\n== field extraction ==")
    _field_speed(files, ctx)
    print("\n== fax OCR ==")
    _fax_ocr(files, ctx)
    from bench.eval_types import print_classification_speed

    print("\n== document types ==")
    print_classification_speed(files, ctx)
    if not args.skip_memory:
        print("\n== peak memory reading a 25 MB input (separate process) ==")
        _peak_memory()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
