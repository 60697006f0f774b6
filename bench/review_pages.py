"""`python -m bench.review_pages`: how long a clerk waits for a page image, per format, and for the queue.

For every accepted sample, page 1 is rendered as the review UI renders it (PageRenderer, local blob store in a
scratch folder), then asked for again (from the store). Prints per format the median and worst first render, the
median cached answer, and the median image size. Formats drawn from the reader's words (XPS, doc/docx/rtf/txt/
xls/xlsx) include reading the file again. Then --queue documents waiting for review are recorded in a scratch
SQLite database and the queue page's query is timed.
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
    parser.add_argument("--queue", type=int, default=3000, help="documents waiting for review in the queue test")
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
        queue_ms = _queue(args.queue)
    print("review page images (page 1 of every accepted sample)")
    print(f"{'format':8} {'files':>5} {'first ms (median)':>18} {'first ms (max)':>15} {'cached ms':>10} {'KB':>7}")
    for fmt in sorted(first):
        print(f"{fmt:8} {len(first[fmt]):5d} {1000 * statistics.median(first[fmt]):18.0f} "
              f"{1000 * max(first[fmt]):15.0f} {1000 * statistics.median(again[fmt]):10.1f} "
              f"{statistics.median(sizes[fmt]) / 1024:7.0f}")
    print(f"\nreview queue over {args.queue} waiting documents (SQLite): median {queue_ms:.0f} ms")


def _queue(count: int) -> float:
    """The queue page's query over ``count`` waiting documents, each with a realistic extraction JSON."""
    import uuid
    from datetime import UTC, datetime, timedelta

    from docintake.storage.database import make_engine, upgrade
    from docintake.storage.records import SqlRecords
    from docintake.storage.review import SqlReview
    from docintake.storage.tables import Document

    def value(v: object) -> dict[str, object]:
        return {"value": v, "confidence": 0.8, "page": 1, "bbox": [0.1, 0.1, 0.2, 0.12], "explanation": "bench"}

    fields = {"reference_id": None, "policy_id": value("W123456789"), "dob": value("1970-03-04"),
              "patient_name": value({"first": "Ada", "last": "Quill"}), "npi": [value("1234567893")] * 4,
              "cpt": [value("27447")] * 8, "hcpcs": [], "icd10": [value("M17.11")] * 6,
              "service_date": value("2026-12-01"), "urgent": value(False)}
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="bench-queue-") as scratch:
        engine = make_engine(f"sqlite:///{scratch}/queue.db")
        upgrade(engine)
        records = SqlRecords(engine)
        with records.transaction() as session:
            for i in range(count):
                urgent = {**fields, "urgent": value(i % 7 == 0)}
                session.add(Document(
                    id=uuid.uuid4().hex, sha256=uuid.uuid4().hex * 2, size=1, format="tiff", mime="image/tiff",
                    blob_key=None, file_name=f"fax-{i}.tif", state="review", available_at=now, attempts=1,
                    extraction={"pages": 3, "ocr": "full", "fields": urgent,
                                "document_type": {"value": "pa_request_form", "confidence": 0.9}},
                    review_reasons=["low_confidence:dob"], created_at=now - timedelta(minutes=i), updated_at=now))
        review = SqlReview(records)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            review.queue()
            timings.append(time.perf_counter() - started)
        engine.dispose()
    return 1000 * statistics.median(timings)


if __name__ == "__main__":
    main()
