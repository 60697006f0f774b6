"""End-to-end throughput: `docintake ingest` over the sample mix with 1 and 2 workers, documents per minute.

Each run has a fresh data directory (SQLite, local blobs, the embedded transport). The workers are ingest's
own worker threads: OCR and conversion run in Tesseract and LibreOffice subprocesses, so two threads use both
cores; separate `docintake worker` processes behave the same through the queue.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from docintake.demo import sample_files


def run(files: list[Path], workers: int) -> tuple[float, Counter[str]]:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "DOCINTAKE_DATA_DIR": data_dir, "DOCINTAKE_WORKERS": str(workers)}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "docintake", "ingest", "--json", *map(str, files)],
                              capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ingest failed with status {done.returncode}")
    statuses = Counter(json.loads(line)["status"] for line in done.stdout.splitlines() if line.strip())
    return seconds, statuses


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench.throughput")
    parser.add_argument("--samples", type=Path, default=Path("samples/out"))
    parser.add_argument("--limit", type=int, default=60, help="documents per run (the first N of the mix)")
    args = parser.parse_args()
    files = [p for p in sample_files(args.samples) if "refusals" not in p.parts and p.suffix != ".json"]
    files = files[:: max(1, len(files) // args.limit)][: args.limit]  # every k-th file: every format, a fixed mix
    print(f"== end-to-end throughput: docintake ingest of {len(files)} sample documents ==")
    for workers in (1, 2):
        seconds, statuses = run(files, workers)
        print(f"  {workers} worker(s): {len(files) / seconds * 60:.1f} documents a minute ({seconds:.1f} s; "
              f"{dict(statuses)}; includes about 4 s of start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
