"""Readers chosen by MIME type, and the frozen context every reader gets instead of global settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docintake.errors import Corrupt, IntakeError, TooManyPages
from docintake.model import Page
from docintake.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a reader may know: limits and tool locations. Built once from Settings."""

    max_pages: int = 500
    max_page_pixels: int = 120_000_000
    max_archive_bytes: int = 300 * 1024 * 1024
    tesseract_cmd: str = "tesseract"
    ocr_language: str = "eng"
    ocr_timeout_s: float = 180.0
    ocr_render_dpi: int = 300
    ocr_min_text_chars: int = 20
    ocr_reread: bool = True
    soffice_cmd: str = "soffice"
    convert_timeout_s: float = 120.0
    tmp_dir: Path | None = None
    """Private scratch folder for external tools; None means the process's temporary folder."""

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadContext:
        return cls(
            max_pages=settings.max_pages,
            max_page_pixels=settings.max_page_pixels,
            max_archive_bytes=settings.max_archive_bytes,
            tesseract_cmd=settings.tesseract_cmd,
            ocr_language=settings.ocr_language,
            ocr_timeout_s=settings.ocr_timeout_s,
            ocr_render_dpi=settings.ocr_render_dpi,
            ocr_min_text_chars=settings.ocr_min_text_chars,
            ocr_reread=settings.ocr_reread,
            soffice_cmd=settings.soffice_cmd,
            convert_timeout_s=settings.convert_timeout_s,
            tmp_dir=settings.tmp_dir,
        )


ReadFn = Callable[[bytes, ReadContext], list[Page]]


@dataclass(frozen=True, slots=True)
class Reader:
    """A reader for some MIME types. ``score`` may decline a type (None) or bid higher than another reader."""

    name: str
    mime_types: tuple[str, ...]
    read: ReadFn
    score: Callable[[str], int | None] = field(default=lambda _mime: 10)


class ReaderRegistry:
    """Readers by MIME type; the highest score wins."""

    def __init__(self) -> None:
        self._readers: list[Reader] = []

    def register(self, reader: Reader) -> None:
        self._readers.append(reader)

    def reader_for(self, mime: str) -> Reader | None:
        bids = [
            (score, reader)
            for reader in self._readers
            if mime in reader.mime_types and (score := reader.score(mime)) is not None
        ]
        return max(bids, key=lambda bid: bid[0])[1] if bids else None

    def read(self, data: bytes, mime: str, ctx: ReadContext) -> tuple[Page, ...]:
        """Pages of ``data``; every failure ends as an IntakeError (foreign parser errors become ``corrupt``)."""
        reader = self.reader_for(mime)
        if reader is None:
            raise LookupError(f"no reader registered for {mime}")
        try:
            pages = reader.read(data, ctx)
        except IntakeError:
            raise
        except (MemoryError, RecursionError) as exc:
            raise Corrupt("the file's structure is too deeply nested or too large to read") from exc
        except Exception as exc:  # third-party parsers raise anything on damaged input
            log.info("reader %s failed: %s", reader.name, type(exc).__name__)
            raise Corrupt(f"the {reader.name} reader could not parse it") from exc
        if len(pages) > ctx.max_pages:
            raise TooManyPages(f"{len(pages)} pages; the limit is {ctx.max_pages}")
        return tuple(pages)


def builtin_registry() -> ReaderRegistry:
    """The readers that ship with docintake, registered explicitly."""
    from docintake.extractors import image, pdf, spreadsheet, text, word, xps

    registry = ReaderRegistry()
    for module in (pdf, image, word, spreadsheet, text, xps):
        for reader in module.READERS:
            registry.register(reader)
    return registry
