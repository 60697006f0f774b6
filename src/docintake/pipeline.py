"""The stages, as plain functions over the model: admit -> read (-> classify, fields, match in later issues)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docintake.extractors.registry import ReadContext, ReaderRegistry, builtin_registry
from docintake.intake.admission import AdmissionLimits, Admitted, admit_path
from docintake.model import ExtractedDocument
from docintake.settings import Settings


@dataclass(frozen=True, slots=True)
class PipelineContext:
    """Everything the stages need, built once from Settings at the entry point."""

    limits: AdmissionLimits
    read: ReadContext
    readers: ReaderRegistry

    @classmethod
    def from_settings(cls, settings: Settings, readers: ReaderRegistry | None = None) -> PipelineContext:
        return cls(
            limits=AdmissionLimits.from_settings(settings),
            read=ReadContext.from_settings(settings),
            readers=readers or builtin_registry(),
        )


def read_document(admitted: Admitted, file_name: str, ctx: PipelineContext) -> ExtractedDocument:
    """Read an admitted file into pages of words."""
    pages = ctx.readers.read(admitted.data, admitted.mime, ctx.read)
    return ExtractedDocument(file=file_name, sha256=admitted.sha256, format=admitted.format, pages=pages)


def extract_path(path: Path, ctx: PipelineContext) -> ExtractedDocument:
    """Admit and read one file on disk; raises the typed refusals of errors.py."""
    return read_document(admit_path(path, ctx.limits), path.name, ctx)
