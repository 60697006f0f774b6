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
