"""Shared fixtures: a private read context, and skips (with the reason shown) for missing tools."""

from __future__ import annotations

import shutil
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


@pytest.fixture
def ctx(tmp_path: Path) -> ReadContext:
    """A read context whose scratch folder is this test's own."""
    scratch = tmp_path / "scratch"
    scratch.mkdir(mode=0o700)
    return ReadContext(tmp_dir=scratch)
