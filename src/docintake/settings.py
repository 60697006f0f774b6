"""One Settings object (env prefix DOCINTAKE_), built once at the entry point and handed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, PositiveFloat, PositiveInt
from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "docintake"


class Settings(BaseSettings):
    """Every knob docintake has. Unknown keys are refused; nothing changes after start-up."""

    model_config = SettingsConfigDict(env_prefix="DOCINTAKE_", extra="forbid", frozen=True)

    data_dir: Path = Field(default_factory=_default_data_dir)

    # Admission bounds.
    max_bytes: PositiveInt = 25 * MB  # 26,214,400: the portal's limit per attachment
    max_pages: PositiveInt = 500
    max_page_pixels: PositiveInt = 120_000_000  # one page or image; a 600 dpi letter page is 34 M
    max_archive_bytes: PositiveInt = 300 * MB  # sum of uncompressed members of a docx/xlsx/xps
    max_archive_ratio: PositiveFloat = 200.0  # a member inflating more than this (and past 1 MB) is a bomb
    max_archive_members: PositiveInt = 10_000

    # Reading.
    tesseract_cmd: str = "tesseract"
    ocr_language: str = "eng"
    ocr_timeout_s: PositiveFloat = 180.0
    ocr_render_dpi: PositiveInt = 300  # PDF pages that must be rendered before OCR
    ocr_min_text_chars: int = 20  # a PDF page with less text than this in its text layer is OCR'd
    soffice_cmd: str = "soffice"
    convert_timeout_s: PositiveFloat = 120.0

    # Fields.
    auto_accept: float = Field(default=0.9, ge=0.5, le=1.0)  # a value at or above needs no clerk

    @property
    def tmp_dir(self) -> Path:
        """Private scratch space for Tesseract and LibreOffice, inside the data directory."""
        return self.data_dir / "tmp"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"
