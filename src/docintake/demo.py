"""`docintake demo`: the samples through the whole embedded pipeline (cases seeded, a watched drop folder,
workers), or with ``--read-only`` just read every sample with a progress bar and print what came out of each."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from docintake.cases.reference import make_reference_id
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


def _console() -> Console:
    """A console; when output is not a terminal (make, CI logs) wide enough that the tables stay readable."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=160)


def sample_files(root: Path) -> list[Path]:
    """Every document under ``root``, without the expected-result files beside them."""
    return sorted(
        p for p in root.rglob("*") if p.is_file() and not p.name.endswith(_SKIP_SUFFIXES)
        and not p.name.startswith(".")
    )


def run_demo(root: Path, settings: Settings, *, workers: int = 0) -> int:
    """Read every sample under ``root`` in parallel worker processes and print a table."""
    console = _console()
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


# -- the whole embedded pipeline --------------------------------------------------------------------------------

DEMO_CASES_PER_KIND = 3
DEMO_REFERENCE_BASE = 100_000_000  # seeded cases' Reference IDs: outside the draft allocator's range
STATUSES = ("attached", "draft_created", "review", "quarantined", "duplicate")


def demo_cases(root: Path, files: list[Path]) -> list[dict[str, Any]]:
    """A few open cases derived from the samples' expected JSON (synthetic people).

    Some carry the Reference ID a sample quotes (those documents attach by Reference ID); others get a new
    Reference ID and the identity of a sample without one (those attach by member ID + date of birth). Only
    text-layer samples are used, and no member is seeded twice (that would make matching ambiguous).
    """
    by_reference: list[dict[str, Any]] = []
    by_member: list[dict[str, Any]] = []
    members: set[tuple[str, str]] = set()
    for path in files:
        expected = _expected(path)
        if not expected or expected.get("ocr") != "none" or len(expected.get("segments") or []) > 1:
            continue
        fields = expected.get("fields") or {}
        policy, dob, name = (_value(fields, k) for k in ("policy_id", "dob", "patient_name"))
        if not (policy and dob and isinstance(name, dict)) or (policy, dob) in members:
            continue
        reference_id = _value(fields, "reference_id")
        group = by_reference if reference_id else by_member
        if len(group) >= DEMO_CASES_PER_KIND:
            continue
        members.add((policy, dob))
        group.append({
            "reference_id": reference_id or make_reference_id(DEMO_REFERENCE_BASE + len(by_member)),
            "policy_id": policy, "dob": dob, "patient_name": {"first": name.get("first"), "last": name.get("last")},
            "plan": "Demo plan", "status": "open",
            **{kind: [c["value"] for c in fields.get(kind) or []] for kind in ("cpt", "hcpcs", "icd10")},
        })
    return by_reference + by_member


def _expected(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.with_name(path.name + ".expected.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "rejected" not in data else None


def _value(fields: dict[str, Any], key: str) -> Any:
    found = fields.get(key)
    return found.get("value") if isinstance(found, dict) else None


def demo_settings(settings: Settings, workers: int) -> Settings:
    """The embedded default in a fresh data directory under ``<data dir>/demo/``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    data_dir = settings.data_dir / "demo" / stamp
    suffix = 1
    while data_dir.exists():
        suffix += 1
        data_dir = settings.data_dir / "demo" / f"{stamp}-{suffix}"
    values = {**settings.model_dump(), "data_dir": data_dir, "database_url": None, "broker_url": None,
              "blob_backend": "local", "watch_settle_s": 1.0, "watch_rescan_s": 2.0,
              "watch_working_dir": None, "watch_archive_dir": None, "workers": workers or settings.workers}
    return Settings(**values)


def _import_cases(cases: list[dict[str, Any]], records: Any) -> int:
    from docintake.cases.importing import case_from_json
    from docintake.storage.cases import upsert_case

    now = datetime.now(UTC)
    for item in cases:
        with records.transaction() as session:
            upsert_case(session, case_from_json(item), now)
    return len(cases)


def _drop_names(root: Path, files: list[Path]) -> dict[str, Path]:
    """Inbox name -> sample; a name two samples share gets its folder's name in front."""
    counts: dict[str, int] = {}
    for path in files:
        counts[path.name] = counts.get(path.name, 0) + 1
    return {(path.name if counts[path.name] == 1 else f"{path.parent.name}__{path.name}"): path for path in files}


def run_pipeline_demo(root: Path, settings: Settings, *, workers: int = 0, console: Console | None = None) -> int:
    """Seed cases, drop every sample into a watched folder, let the workers finish, print the outcomes."""
    from docintake.intake.outcome import ingest_json
    from docintake.intake.watch import Taken
    from docintake.intake.watch_service import WatchService

    console = console or _console()
    files = sample_files(root) if root.is_dir() else []
    if not files:
        console.print(f"No sample files under {root}. Run `make samples` first.")
        return 2
    settings = demo_settings(settings, workers)
    prepare_process(settings)
    inbox = settings.data_dir / "inbox"
    inbox.mkdir(mode=0o700, parents=True)
    cases = demo_cases(root, files)
    (settings.data_dir / "cases.json").write_text(json.dumps(cases, indent=2), encoding="utf-8")

    taken: dict[str, Taken] = {}
    lock = threading.Lock()

    def on_taken(item: Taken) -> None:
        with lock:
            taken[item.file_name] = item

    service = WatchService(inbox, settings, on_taken=on_taken)
    records = service.pipeline.records
    seeded = _import_cases(cases, records)
    console.print(f"demo data directory: {settings.data_dir}\nseeded {seeded} open cases "
                  f"({settings.data_dir / 'cases.json'}); dropping {len(files)} files into {inbox}")
    runner = threading.Thread(target=service.run, name="watch", daemon=True)
    runner.start()
    names = _drop_names(root, files)
    started = time.perf_counter()
    for name, path in names.items():
        staging = inbox / f".{name}.part"  # hidden while copied, like a fax server's temporary file
        shutil.copyfile(path, staging)
        os.replace(staging, inbox / name)
    done: set[str] = set()
    deadline = time.monotonic() + settings.ingest_timeout_s
    columns = (TextColumn("processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("process", total=len(names))
            while len(done) < len(names) and time.monotonic() < deadline and runner.is_alive():
                with lock:
                    pending = {n: t for n, t in taken.items() if n not in done}
                ids = sorted({t.recorded.document_id for t in pending.values()})
                finished = records.final(ids) if ids else set()
                for name, item in pending.items():
                    if item.recorded.is_duplicate or item.recorded.document_id in finished:
                        done.add(name)
                progress.update(task, completed=len(done))
                if len(done) < len(names):
                    time.sleep(0.3)
        rows = [_outcome_row(name, names[name], root, taken.get(name), records, ingest_json) for name in names]
    finally:
        service.stop()
        runner.join(timeout=60)
    elapsed = time.perf_counter() - started
    _print_outcomes(console, rows, root, elapsed, settings)
    return 0 if len(done) == len(names) else 1


def _outcome_row(name: str, path: Path, root: Path, item: Any, records: Any, ingest_json: Any) -> tuple[str, ...]:
    shown = str(path.relative_to(root))
    if item is None:
        return shown, "not taken", "-", "-", ""
    out = ingest_json(name, item.recorded, records.ingest_view(item.recorded.document_id))
    status = out["status"] if out["status"] in STATUSES else f"{out['status']} (unfinished)"
    case = out["case"]
    reasons = list(out["review_reasons"])
    if out["duplicate_of"]:
        reasons = [f"of {out['duplicate_of'][:8]}"]
    return (shown, status, case["reference_id"] if case else "-", case["match"] if case else "-", ", ".join(reasons))


def _print_outcomes(console: Console, rows: list[tuple[str, ...]], root: Path, elapsed: float,
                    settings: Settings) -> None:
    table = Table(title=f"docintake demo: {len(rows)} files under {root} through the embedded pipeline")
    for name in ("file", "status", "case", "match", "reasons"):
        table.add_column(name, overflow="fold")
    for row in sorted(rows):
        table.add_row(*row)
    console.print(table)
    totals = {status: sum(1 for r in rows if r[1] == status) for status in STATUSES}
    others = len(rows) - sum(totals.values())
    console.print(", ".join(f"{count} {status}" for status, count in totals.items())
                  + (f", {others} unfinished" if others else "") + f" in {elapsed:.1f} s.")
    console.print(f"Look further: DOCINTAKE_DATA_DIR={settings.data_dir} docintake cases list")
    console.print(f"Work the review queue: export DOCINTAKE_DATA_DIR={settings.data_dir}; "
                  "docintake users add clerk1; docintake serve --no-workers; then open "
                  "http://127.0.0.1:8000/review")
