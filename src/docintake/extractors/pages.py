"""Building pages: flow text (no geometry) and positioned words grouped into lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docintake.model import Page, PageSource, Word

_WS = re.compile(r"\S+")


def flow_page(number: int, lines: Iterable[str]) -> Page:
    """A page of a flow format: every word has no box and confidence 1.0; lines keep their order."""
    words: list[Word] = []
    kept: list[str] = []
    for line in lines:
        line = line.rstrip()
        index = len(kept)
        kept.append(line)
        words.extend(Word(m.group(), None, 1.0, index) for m in _WS.finditer(line))
    return Page(number=number, words=tuple(words), text="\n".join(kept).strip("\n"), source=PageSource.FLOW)


def split_flow_text(text: str, max_lines: int = 0) -> list[list[str]]:
    """Split text into pages at form feeds (and, if ``max_lines`` is set, every ``max_lines`` lines)."""
    pages: list[list[str]] = []
    for chunk in text.replace("\r\n", "\n").replace("\r", "\n").split("\f"):
        lines = chunk.split("\n")
        if max_lines:
            pages.extend(lines[i : i + max_lines] for i in range(0, max(len(lines), 1), max_lines))
        else:
            pages.append(lines)
    while len(pages) > 1 and not any(line.strip() for line in pages[-1]):
        pages.pop()
    return pages or [[]]


def text_from_lines(words: Sequence[Word]) -> str:
    """Page text in reading order from words that already carry line indices in reading order."""
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(lines[i]) for i in sorted(lines))
