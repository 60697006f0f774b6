"""`docintake users ...` and `docintake corrections export`: the review UI's command-line side."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from docintake.settings import Settings

EXIT_OK, EXIT_USAGE = 0, 2


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = commands.add_parser("users", help="people who sign in to the review UI (clerks and admins)")
    user_commands = users.add_subparsers(dest="users_command", required=True)
    add = user_commands.add_parser("add", help="add a user; the password is asked for (or read from stdin)")
    add.add_argument("username")
    add.add_argument("--role", choices=("clerk", "admin"), default="clerk")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of "
                                                                   "stdin (scripts); never pass it as an argument")
    listing = user_commands.add_parser("list", help="every user (never a password hash)")
    listing.add_argument("--json", action="store_true")
    for name, text in (("unlock", "clear a lock-out after failed sign-ins"), ("disable", "stop a user signing in"),
                       ("enable", "let a disabled user sign in again")):
        user_commands.add_parser(name, help=text).add_argument("username")
    passwd = user_commands.add_parser("passwd", help="set a new password (the user's sessions end)")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    role = user_commands.add_parser("role", help="make a user a clerk or an admin")
    role.add_argument("username")
    role.add_argument("role", choices=("clerk", "admin"))

    corrections = commands.add_parser("corrections", help="clerks' corrections, kept in this deployment")
    correction_commands = corrections.add_subparsers(dest="corrections_command", required=True)
    export = correction_commands.add_parser(
        "export", help="one JSON line per corrected document, in the samples' expected-JSON shape (values only)")
    target = export.add_mutually_exclusive_group()
    target.add_argument("--out", type=Path, help="write to this file (private, 0600) instead of stdout")
    target.add_argument("--corpus", type=Path, metavar="DIR",
                        help="write a corpus `python -m bench.eval --samples DIR` measures: each original, its "
                             "expected JSON and a manifest (split `reviewed`), all private to this user")


def run_users(args: argparse.Namespace, settings: Settings) -> int:
    from docintake.storage.factory import database
    from docintake.storage.users import InvalidUser, SqlUsers

    users = SqlUsers(database(settings))
    now = datetime.now(UTC)
    try:
        command = args.users_command
        if command == "list":
            listed = [{"username": a.username, "role": a.role, "disabled": a.disabled,
                       "locked_until": a.locked_until.isoformat() if a.locked(now) and a.locked_until else None,
                       "created_at": a.created_at.isoformat(),
                       "last_login_at": a.last_login_at.isoformat() if a.last_login_at else None}
                      for a in users.list()]
            if args.json:
                print(json.dumps(listed, indent=2))
            else:
                for item in listed:
                    state = "disabled" if item["disabled"] else "locked" if item["locked_until"] else "active"
                    print(f"{item['username']} {item['role']} {state}")
            return EXIT_OK
        if command in ("add", "passwd"):
            password = _password(args.password_stdin)
            if command == "add":
                account = users.add(args.username, password, args.role, now)
                print(f"added {account.username} ({account.role})")
            elif users.set_password(args.username, password, now) is None:
                return _no_user(args.username)
            else:
                print(f"password set for {args.username}")
            return EXIT_OK
        if command == "unlock":
            changed = users.unlock(args.username, now)
        elif command == "role":
            changed = users.set_role(args.username, args.role, now)
        else:
            changed = users.set_disabled(args.username, command == "disable", now)
        if changed is None:
            return _no_user(args.username)
        print(f"{command}: {changed.username}")
        return EXIT_OK
    except InvalidUser as error:
        print(f"docintake: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        users.engine.dispose()


def run_corrections(args: argparse.Namespace, settings: Settings) -> int:
    from docintake.storage.factory import database
    from docintake.storage.records import SqlRecords
    from docintake.storage.review import corrected_documents

    records = SqlRecords(database(settings))
    try:
        items = list(corrected_documents(records))
        if args.corpus is not None:
            from docintake.storage.factory import blob_store

            count = write_corpus(args.corpus, items, records, blob_store(settings))
            print(f"docintake: {count} corrected documents written to {args.corpus}", file=sys.stderr)
            return EXIT_OK
        lines = [json.dumps(item, sort_keys=True, default=str) for item in items]
    finally:
        records.engine.dispose()
    text = "".join(line + "\n" for line in lines)
    if args.out is None:
        sys.stdout.write(text)
    else:
        fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    print(f"docintake: {len(lines)} corrected documents exported", file=sys.stderr)
    return EXIT_OK


def write_corpus(folder: Path, items: list[dict[str, object]], records: object, blobs: object) -> int:
    """The samples' corpus layout for the deployment's own reviewed documents: ``reviewed/<id>.<ext>`` with
    ``.expected.json`` beside it, and ``manifest.json`` last (its presence means a complete corpus)."""
    from sqlalchemy import select

    from docintake.storage.tables import Document

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    (folder / "reviewed").mkdir(mode=0o700, exist_ok=True)
    entries = []
    for item in items:
        document_id = str(item["document_id"])
        with records.transaction() as session:  # type: ignore[attr-defined]
            key = session.scalar(select(Document.blob_key).where(Document.id == document_id))
        if key is None:
            continue
        fmt = str(item.get("format") or "bin")
        name = f"reviewed/{document_id}.{_EXTENSIONS.get(fmt, fmt)}"
        _private_write(folder / name, blobs.get(key))  # type: ignore[attr-defined]
        _private_write(folder / f"{name}.expected.json",
                       json.dumps(item, indent=1, sort_keys=True, default=str).encode("utf-8"))
        entries.append({"path": name, "file": item["file"], "format": item["format"], "split": "reviewed",
                        "family": "reviewed", "families": ["reviewed"], "expected": f"{name}.expected.json"})
    _private_write(folder / "manifest.json", json.dumps({"schema_version": 1, "made_by": "docintake corrections "
                                                         "export", "files": entries}, indent=1).encode("utf-8"))
    return len(entries)


_EXTENSIONS = {"jpeg": "jpg", "tiff": "tif"}


def _private_write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (12 characters or more): ")
    if getpass.getpass("Again: ") != first:
        from docintake.storage.users import InvalidUser

        raise InvalidUser("the two passwords differ")
    return first


def _no_user(name: str) -> int:
    print(f"docintake: no user named {name}", file=sys.stderr)
    return EXIT_USAGE
