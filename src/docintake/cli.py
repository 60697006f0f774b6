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

    worker = commands.add_parser("worker", help="run worker threads, the reconciler, the drafts' sweep and the "
                                                "outbox relay until stopped (SIGTERM/SIGINT)")
    worker.add_argument("--parent-pid", type=int, metavar="PID",
                        help="stop when process PID ends (how `serve` starts its worker process)")

    watch = commands.add_parser("watch", help="take files from a drop folder (the fax server's) until stopped")
    watch.add_argument("folder", type=Path, metavar="DIR")
    watch.add_argument("--submit-only", action="store_true",
                       help="only record and queue files; run no workers here (`docintake worker` elsewhere)")
    sweep = commands.add_parser("sweep", help="remind drafts before they expire, expire them, send the notices, "
                                              "and deliver the outbox's undelivered events once")
    sweep.add_argument("--json", action="store_true", help="print the counts as JSON")

    serve = commands.add_parser("serve", help="the upload hook (HTTP API) and the review UI (/review), with embedded "
                                              "workers and reconciler")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-workers", action="store_true",
                       help="start no workers or reconciler here (run `docintake worker` elsewhere)")
    serve.add_argument("--ssl-keyfile", type=Path, help="TLS private key (PEM); with --ssl-certfile")
    serve.add_argument("--ssl-certfile", type=Path, help="TLS certificate chain (PEM); with --ssl-keyfile")

    tokens = commands.add_parser("tokens", help="bearer tokens of the upload hook (stored hashed)")
    token_commands = tokens.add_subparsers(dest="tokens_command", required=True)
    token_add = token_commands.add_parser("add", help="make a token and print it once")
    token_add.add_argument("name")
    token_add.add_argument("--scope", action="append", dest="scopes", metavar="SCOPE",
                           help="documents:write and/or documents:read (default: both)")
    token_list = token_commands.add_parser("list", help="every token (never the token itself)")
    token_list.add_argument("--json", action="store_true")
    token_revoke = token_commands.add_parser("revoke", help="revoke a token by name or id")
    token_revoke.add_argument("name_or_id")

    db = commands.add_parser("db", help="the database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply the shipped migrations (also done on every start)")

    cases = commands.add_parser("cases", help="the case store")
    case_commands = cases.add_subparsers(dest="cases_command", required=True)
    case_import = case_commands.add_parser("import", help="upsert cases by reference_id from a JSON list")
    case_import.add_argument("file", type=Path)
    case_list = case_commands.add_parser("list", help="every case with its linked documents")
    case_list.add_argument("--json", action="store_true")

    from docintake.review.commands import add_parsers

    add_parsers(commands)

    demo = commands.add_parser("demo", help="run the samples through the embedded pipeline and print a table")
    demo.add_argument("--samples", type=Path, default=Path("samples/out"), help="folder of sample files")
    demo.add_argument("--read-only", action="store_true", help="only read every sample (no cases, no store)")
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
        from docintake.demo import run_demo, run_pipeline_demo

        if args.read_only:
            return run_demo(args.samples, settings, workers=args.workers)
        return run_pipeline_demo(args.samples, settings, workers=args.workers)
    if args.command == "ingest":
        return _ingest(args.paths, settings, source=args.source, reference_id=args.reference_id, as_json=args.json)
    if args.command == "worker":
        return _worker(settings, parent_pid=args.parent_pid)
    if args.command == "watch":
        return _watch(args.folder, settings, with_workers=not args.submit_only)
    if args.command == "sweep":
        return _sweep(settings, as_json=args.json)
    if args.command == "serve":
        return _serve(args, settings)
    if args.command == "tokens":
        return _tokens(args, settings)
    if args.command in ("users", "corrections"):
        from docintake.review.commands import run_corrections, run_users

        return run_users(args, settings) if args.command == "users" else run_corrections(args, settings)
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


def _worker(settings: Settings, *, parent_pid: int | None = None) -> int:
    import signal
    import threading

    from docintake.cases.sweep import PeriodicSweep, sweeper_for
    from docintake.intake.assembly import Pipeline
    from docintake.notify.relay import PeriodicRelay, relay_for
    from docintake.runtime import exit_with_parent

    if parent_pid is not None:  # first: until the handlers below, SIGTERM's default action ends the process
        exit_with_parent(parent_pid)
    service = Pipeline(settings)
    sweep = PeriodicSweep(sweeper_for(settings, service.records), settings.sweep_interval_s)
    relay = PeriodicRelay(relay_for(settings, service.records), settings.relay_interval_s)
    stopping = threading.Event()

    def stop(_signum: int, _frame: object) -> None:
        if stopping.is_set():  # a second signal (the parent's death and its SIGTERM) while stopping
            return
        stopping.set()
        relay.stop()
        sweep.stop()
        service.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    service.start(settings.workers)
    sweep.start()
    relay.start()
    service.wait()
    return EXIT_OK


def _watch(folder: Path, settings: Settings, *, with_workers: bool) -> int:
    import signal

    from docintake.intake.watch import WatchFolderBusy
    from docintake.intake.watch_service import WatchService

    if not folder.is_dir():
        print(f"docintake: no such folder: {folder}", file=sys.stderr)
        return EXIT_USAGE
    service = WatchService(folder, settings, with_workers=with_workers)

    def stop(_signum: int, _frame: object) -> None:
        service.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"docintake: watching {folder} (settle {settings.watch_settle_s:g} s, rescan {settings.watch_rescan_s:g} s, "
          f"{settings.workers if with_workers else 0} worker threads); SIGTERM or Ctrl-C stops", file=sys.stderr)
    try:
        service.run()
    except WatchFolderBusy as error:
        print(f"docintake: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _sweep(settings: Settings, *, as_json: bool) -> int:
    from docintake.cases.sweep import sweeper_for
    from docintake.notify.relay import relay_for
    from docintake.notify.smtp import NotifierMisconfigured
    from docintake.storage.factory import database
    from docintake.storage.records import SqlRecords

    records = SqlRecords(database(settings))
    try:
        result = sweeper_for(settings, records).run_once()
        relayed = relay_for(settings, records).run_once()  # every undelivered event, the new draft events too
    except NotifierMisconfigured as error:
        print(f"docintake: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        records.engine.dispose()
    counts = {**result.as_json(), "relayed": relayed.delivered, "relay_failed": relayed.failed}
    print(json.dumps(counts) if as_json else ", ".join(f"{k} {v}" for k, v in counts.items()))
    # Unsent notices and undelivered events stay queued for the next sweep or relay pass.
    return EXIT_PROCESSING if result.failed or relayed.failed else EXIT_OK


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


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from docintake.intake.hook_server import serve

    if bool(args.ssl_keyfile) != bool(args.ssl_certfile):
        print("docintake: --ssl-keyfile and --ssl-certfile go together", file=sys.stderr)
        return EXIT_USAGE
    for path in (args.ssl_keyfile, args.ssl_certfile):
        if path is not None and not path.is_file():
            print(f"docintake: no such file: {path}", file=sys.stderr)
            return EXIT_USAGE
    serve(settings, args.host, args.port, embedded_workers=not args.no_workers, ssl_keyfile=args.ssl_keyfile,
          ssl_certfile=args.ssl_certfile, verbose=args.verbose)
    return EXIT_OK


def _tokens(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import UTC, datetime

    from docintake.intake.tokens import SCOPES, InvalidToken, issue_token
    from docintake.storage.api import SqlApiRecords
    from docintake.storage.factory import database

    store = SqlApiRecords(database(settings))
    try:
        if args.tokens_command == "add":
            try:
                token, plain = issue_token(store, args.name, tuple(args.scopes or SCOPES), datetime.now(UTC))
            except (InvalidToken, ValueError) as error:
                print(f"docintake: {error}", file=sys.stderr)
                return EXIT_USAGE
            print(json.dumps({"id": token.id, "name": token.name, "scopes": list(token.scopes), "token": plain}))
            print("docintake: the token is shown only this once; it is stored hashed", file=sys.stderr)
            return EXIT_OK
        if args.tokens_command == "revoke":
            revoked = store.revoke_token(args.name_or_id, datetime.now(UTC))
            if revoked is None:
                print(f"docintake: no token named {args.name_or_id}", file=sys.stderr)
                return EXIT_USAGE
            print(f"revoked {revoked.name} ({revoked.id})")
            return EXIT_OK
        listed = [{"id": t.id, "name": t.name, "scopes": list(t.scopes), "created_at": _utc(t.created_at),
                   "revoked_at": _utc(t.revoked_at)} for t in store.list_tokens()]
        if args.json:
            print(json.dumps(listed, indent=2))
            return EXIT_OK
        for item in listed:
            state = f"revoked {item['revoked_at']}" if item["revoked_at"] else "active"
            print(f"{item['name']} {item['id']} {','.join(item['scopes'])} {state}")
        return EXIT_OK
    finally:
        store.engine.dispose()


def _utc(moment: object) -> str | None:
    from datetime import UTC, datetime

    if not isinstance(moment, datetime):
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()
