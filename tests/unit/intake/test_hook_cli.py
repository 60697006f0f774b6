"""`docintake tokens add/list/revoke` and `serve`'s usage errors, through the command line's main()."""

from __future__ import annotations

import json

import pytest

from docintake import cli


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DOCINTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(cli, "prepare_process", lambda _settings: None)  # keep this process's umask and tmp

    def run_cli(*args: str):
        code = cli.main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run_cli


def test_tokens_are_shown_once_listed_without_secrets_and_revoked(run):
    code, out, err = run("tokens", "add", "portal-2026", "--scope", "documents:read")
    assert code == 0, err
    made = json.loads(out)
    assert made["name"] == "portal-2026" and made["scopes"] == ["documents:read"]
    assert made["token"].startswith("dit_") and "shown only this once" in err

    assert run("tokens", "add", "portal-2026")[0] == 2  # names are unique
    assert run("tokens", "add", "bad name")[0] == 2
    assert run("tokens", "revoke", "portal-2026")[0] == 0
    code, out, _ = run("tokens", "list", "--json")
    (item,) = json.loads(out)
    assert item["id"] == made["id"] and item["revoked_at"] is not None
    assert made["token"] not in out and "token" not in item
    assert run("tokens", "revoke", "nobody")[0] == 2


def test_serve_wants_both_tls_files(run, tmp_path):
    key = tmp_path / "key.pem"
    key.write_text("not used")
    code, _, err = run("serve", "--port", "1", "--ssl-keyfile", str(key))
    assert code == 2 and "--ssl-certfile" in err
