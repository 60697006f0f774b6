"""`python -m bench.review_pages`: how long a clerk waits for a page image, per format.

For every accepted sample, page 1 is rendered as the review UI renders it (PageRenderer, local blob store in a
scratch folder), then asked for again (from the store). Prints per format the median and worst first render, the
median cached answer, and the median image size. Formats drawn from the reader's words (XPS, doc/docx/rtf/txt/
xls/xlsx) include reading the file again.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from docintake.intake.admission import AdmissionLimits, admit_bytes
from docintake.review.pages import PageRenderer
from docintake.runtime import prepare_process
from docintake.settings import Settings
from docintake.storage.blobs import LocalBlobStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=Path, default=Path("samples/out"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as scratch:
        settings = Settings(data_dir=Path(scratch))
        prepare_process(settings)
        blobs = LocalBlobStore(settings.blob_dir)
        renderer = PageRenderer(blobs, settings)
        limits = AdmissionLimits.from_settings(settings)
        first: dict[str, list[float]] = defaultdict(list)
        again: dict[str, list[float]] = defaultdict(list)
        sizes: dict[str, list[int]] = defaultdict(list)
        files = json.loads((args.samples / "manifest.json").read_text())["files"]
        for item in files:
            if item.get("split") == "refusals" or not item.get("format"):
                continue
            data = (args.samples / item["path"]).read_bytes()
            try:
                admitted = admit_bytes(data, limits)
            except Exception:
                continue
            key = blobs.put_original(data)
            started = time.perf_counter()
            png, _ = renderer.image(key, admitted.sha256, admitted.format, admitted.mime, 1)
            first[admitted.format].append(time.perf_counter() - started)
            started = time.perf_counter()
            renderer.image(key, admitted.sha256, admitted.format, admitted.mime, 1)
            again[admitted.format].append(time.perf_counter() - started)
            sizes[admitted.format].append(len(png))
    print("review page images (page 1 of every accepted sample)")
    print(f"{'format':8} {'files':>5} {'first ms (median)':>18} {'first ms (max)':>15} {'cached ms':>10} {'KB':>7}")
    for fmt in sorted(first):
        print(f"{fmt:8} {len(first[fmt]):5d} {1000 * statistics.median(first[fmt]):18.0f} "
              f"{1000 * max(first[fmt]):15.0f} {1000 * statistics.median(again[fmt]):10.1f} "
              f"{statistics.median(sizes[fmt]) / 1024:7.0f}")


if __name__ == "__main__":
    main()
