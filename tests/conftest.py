"""Shared fixtures: a private read context, and skips (with the reason shown) for missing tools."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from docintake.extractors.registry import ReadContext


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tools = {"tesseract": "tesseract", "soffice": "soffice"}
    for marker, tool in tools.items():
        if shutil.which(tool):
            continue
        skip = pytest.mark.skip(reason=f"{tool} is not installed (run `make setup`)")
        for item in items:
            if marker in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _process_state_restored():
    """`docintake.cli.main` prepares the process as a service (umask, TMPDIR and tempfile's folder inside the
    data directory): a test that calls it must not hand that to the next test (a Chromium started later would
    put its sockets under a gone test folder)."""
    tempdir, tmpdir_env, threads = tempfile.tempdir, os.environ.get("TMPDIR"), os.environ.get("OMP_THREAD_LIMIT")
    umask = os.umask(0o077)
    os.umask(umask)
    yield
    tempfile.tempdir = tempdir
    for name, value in (("TMPDIR", tmpdir_env), ("OMP_THREAD_LIMIT", threads)):
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    os.umask(umask)


@pytest.fixture
def ctx(tmp_path: Path) -> ReadContext:
    """A read context whose scratch folder is this test's own."""
    scratch = tmp_path / "scratch"
    scratch.mkdir(mode=0o700)
    return ReadContext(tmp_dir=scratch)
