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
    export.add_argument("--out", type=Path, help="write to this file (private, 0600) instead of stdout")


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
        lines = [json.dumps(item, sort_keys=True, default=str) for item in corrected_documents(records)]
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
