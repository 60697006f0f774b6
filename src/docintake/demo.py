"""`docintake demo`: read every sample file with a progress bar and print what came out of each."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from docintake.errors import IntakeError
from docintake.pipeline import PipelineContext, extract_path
from docintake.runtime import prepare_process
from docintake.settings import Settings

_SKIP_SUFFIXES = (".expected.json", ".md", "manifest.json")


@dataclass(frozen=True, slots=True)
class DemoRow:
    file: str
    format: str
    pages: int
    ocr: str
    characters: int
    seconds: float
    outcome: str


_CTX: PipelineContext | None = None


def _init_worker(settings_values: dict[str, object]) -> None:
    global _CTX
    settings = Settings(**settings_values)
    prepare_process(settings)
    _CTX = PipelineContext.from_settings(settings)


def _read_one(path: str) -> DemoRow:
    assert _CTX is not None
    start = time.perf_counter()
    try:
        doc = extract_path(Path(path), _CTX)
    except IntakeError as error:
        return DemoRow(path, "-", 0, "-", 0, time.perf_counter() - start, f"refused: {error.code}")
    chars = sum(len(p.text) for p in doc.pages)
    return DemoRow(path, doc.format, len(doc.pages), doc.ocr, chars, time.perf_counter() - start, "read")


def sample_files(root: Path) -> list[Path]:
    """Every document under ``root``, without the expected-result files beside them."""
    return sorted(
        p for p in root.rglob("*") if p.is_file() and not p.name.endswith(_SKIP_SUFFIXES)
        and not p.name.startswith(".")
    )


def run_demo(root: Path, settings: Settings, *, workers: int = 0) -> int:
    """Read every sample under ``root`` in parallel worker processes and print a table."""
    console = Console()
    files = sample_files(root) if root.is_dir() else []
    if not files:
        console.print(f"No sample files under {root}. Run `make samples` first.")
        return 2
    workers = workers or os.cpu_count() or 1
    rows: list[DemoRow] = []
    started = time.perf_counter()
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress, ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings.model_dump(),)
    ) as pool:
        task = progress.add_task("read", total=len(files))
        for future in as_completed([pool.submit(_read_one, str(p)) for p in files]):
            rows.append(future.result())
            progress.advance(task)
    elapsed = time.perf_counter() - started

    table = Table(title=f"docintake demo: {len(rows)} files under {root}")
    for name, justify in (("file", "left"), ("format", "left"), ("pages", "right"), ("OCR", "left"),
                          ("characters", "right"), ("time (s)", "right"), ("outcome", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in sorted(rows, key=lambda r: r.file):
        table.add_row(str(Path(row.file).relative_to(root)), row.format, str(row.pages), row.ocr,
                      str(row.characters), f"{row.seconds:.2f}", row.outcome)
    console.print(table)
    read = [r for r in rows if r.outcome == "read"]
    console.print(
        f"{len(read)} read ({sum(r.pages for r in read)} pages, "
        f"{sum(1 for r in read if r.ocr != 'none')} with OCR), {len(rows) - len(read)} refused, "
        f"in {elapsed:.1f} s with {workers} worker processes."
    )
    return 0
