"""The command line; the only place that turns errors into exit codes.

Exit status: 0 done, 1 unexpected failure, 2 bad usage or settings, 3 the file was refused,
4 processing failed on our side (retryable).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from docintake import __version__
from docintake.contract import extract_json, rejected_json
from docintake.errors import IntakeError, Refusal
from docintake.pipeline import PipelineContext, extract_path
from docintake.runtime import configure_logging, prepare_process
from docintake.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REFUSED, EXIT_PROCESSING = 0, 1, 2, 3, 4


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="docintake", description="Fax and document intake for prior-authorization requests."
    )
    parser.add_argument("--version", action="version", version=f"docintake {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (ids and counts only)")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="read one file and print what was found; stores nothing")
    extract.add_argument("path", type=Path)
    output = extract.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the JSON contract (ARCHITECTURE.md)")
    output.add_argument("--text", action="store_true", help="print the text of every page")

    ingest = commands.add_parser("ingest", help="take files in through the whole pipeline and wait for each result")
    ingest.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    ingest.add_argument("--source", choices=("fax", "upload", "cli"), default="cli")
    ingest.add_argument("--reference-id", help="the case these files belong to (checked, never ignored)")
    ingest.add_argument("--json", action="store_true", help="print one JSON line per file (ARCHITECTURE.md)")

    commands.add_parser("worker", help="run worker threads and the reconciler until stopped (SIGTERM/SIGINT)")

    db = commands.add_parser("db", help="the database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply the shipped migrations (also done on every start)")

    cases = commands.add_parser("cases", help="the case store")
    case_commands = cases.add_subparsers(dest="cases_command", required=True)
    case_import = case_commands.add_parser("import", help="upsert cases by reference_id from a JSON list")
    case_import.add_argument("file", type=Path)
    case_list = case_commands.add_parser("list", help="every case with its linked documents")
    case_list.add_argument("--json", action="store_true")

    demo = commands.add_parser("demo", help="read every sample file and print a table")
    demo.add_argument("--samples", type=Path, default=Path("samples/out"), help="folder of sample files")
    demo.add_argument("--workers", type=int, default=0, help="worker processes (default: one per core)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_logging(args.verbose)
    try:
        settings = Settings()
    except ValidationError as exc:
        names = ", ".join("DOCINTAKE_" + str(err["loc"][0]).upper() for err in exc.errors() if err["loc"])
        print(f"docintake: invalid settings: {names or 'see DOCINTAKE_* variables'}", file=sys.stderr)
        return EXIT_USAGE
    prepare_process(settings)
    if args.command == "extract":
        return _extract(args.path, settings, as_json=args.json, as_text=args.text)
    if args.command == "demo":
        from docintake.demo import run_demo

        return run_demo(args.samples, settings, workers=args.workers)
    if args.command == "ingest":
        return _ingest(args.paths, settings, source=args.source, reference_id=args.reference_id, as_json=args.json)
    if args.command == "worker":
        return _worker(settings)
    if args.command == "db":
        return _db_upgrade(settings)
    if args.command == "cases":
        if args.cases_command == "import":
            return _cases_import(args.file, settings)
        return _cases_list(settings, as_json=args.json)
    raise AssertionError(args.command)


def _extract(path: Path, settings: Settings, *, as_json: bool, as_text: bool) -> int:
    if not path.is_file():
        print(f"docintake: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    ctx = PipelineContext.from_settings(settings)
    try:
        doc = extract_path(path, ctx)
    except IntakeError as error:
        status = EXIT_REFUSED if isinstance(error, Refusal) else EXIT_PROCESSING
        if as_json:
            print(json.dumps(rejected_json(path.name, error), indent=2))
        else:
            print(f"{path.name}: refused ({error.code}): {error.message}", file=sys.stderr)
        return status
    if as_json:
        print(json.dumps(extract_json(doc), indent=2))
    elif as_text:
        for page in doc.pages:
            print(f"--- page {page.number} ({page.source.value}) ---")
            print(page.text)
    else:
        chars = sum(len(p.text) for p in doc.pages)
        print(f"{path.name}: {doc.format}, {len(doc.pages)} page(s), OCR {doc.ocr}, {chars} characters")
    return EXIT_OK


# The service commands import the storage and queue layers only when used: `extract` stays light.


def _ingest(paths: list[Path], settings: Settings, *, source: str, reference_id: str | None, as_json: bool) -> int:
    import time
    from datetime import UTC, datetime

    from docintake.intake.assembly import Pipeline
    from docintake.intake.outcome import ingest_json
    from docintake.intake.records import Arrival

    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"docintake: no such file: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    service = Pipeline(settings)
    try:
        service.start(settings.workers)
        recorded = []
        for path in paths:
            arrival = Arrival(file_name=path.name, source=source, received_at=datetime.now(UTC),
                              given_reference_id=reference_id)
            recorded.append((path, service.intake.submit_path(path, arrival)))
        pending = {r.document_id for _, r in recorded}
        deadline = time.monotonic() + settings.ingest_timeout_s
        while pending and time.monotonic() < deadline:
            pending -= service.records.final(sorted(pending))
            if pending:
                time.sleep(0.2)
        for path, record in recorded:
            if record.document_id in pending:
                continue
            out = ingest_json(path.name, record, service.records.ingest_view(record.document_id))
            if as_json:
                print(json.dumps(out), flush=True)
            else:
                case = out["case"]["reference_id"] if out["case"] else "-"
                print(f"{path.name}: {out['status']} (case {case}; document {record.document_id})", flush=True)
    finally:
        service.stop()
    if pending:
        print(f"docintake: {len(pending)} document(s) not finished in time; they stay queued", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _worker(settings: Settings) -> int:
    import signal

    from docintake.intake.assembly import Pipeline

    service = Pipeline(settings)

    def stop(_signum: int, _frame: object) -> None:
        service.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    service.start(settings.workers)
    service.wait()
    return EXIT_OK


def _db_upgrade(settings: Settings) -> int:
    from docintake.storage.database import current_revision
    from docintake.storage.factory import database

    engine = database(settings)
    print(f"database at revision {current_revision(engine)}")
    engine.dispose()
    return EXIT_OK


def _cases_import(file: Path, settings: Settings) -> int:
    from datetime import UTC, datetime

    from docintake.cases.importing import InvalidCase, case_from_json
    from docintake.storage.cases import upsert_case
    from docintake.storage.factory import database
    from docintake.storage.records import SqlRecords

    try:
        items = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        print(f"docintake: {file} is not a readable JSON file", file=sys.stderr)
        return EXIT_USAGE
    if not isinstance(items, list):
        print("docintake: the file must hold a JSON list of cases", file=sys.stderr)
        return EXIT_USAGE
    records = SqlRecords(database(settings))
    counts = {"created": 0, "updated": 0}
    errors = []
    now = datetime.now(UTC)
    for index, item in enumerate(items):
        try:
            case = case_from_json(item)
        except InvalidCase as error:
            errors.append({"index": index, "error": str(error)})
            continue
        with records.transaction() as session:
            counts[upsert_case(session, case, now)] += 1
    records.engine.dispose()
    print(json.dumps({**counts, "errors": errors}))
    return EXIT_FAILED if errors else EXIT_OK


def _cases_list(settings: Settings, *, as_json: bool) -> int:
    from docintake.cases.importing import case_to_json
    from docintake.storage.cases import list_cases
    from docintake.storage.factory import database
    from docintake.storage.records import SqlRecords

    records = SqlRecords(database(settings))
    with records.transaction() as session:
        cases = [case_to_json(case, documents) for case, documents in list_cases(session)]
    records.engine.dispose()
    if as_json:
        print(json.dumps(cases, indent=2))
    else:
        for case in cases:
            print(f"{case['reference_id']} {case['status']} documents={len(case['documents'])}")
    return EXIT_OK
