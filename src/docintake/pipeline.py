"""The stages, as plain functions over the model: admit -> read (-> classify, fields, match in later issues)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from docintake.classifiers.routing import review_reasons
from docintake.extractors.fields.extract import extract_fields
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
    today: date
    """The date two-digit years and dates of birth are judged against (UTC)."""
    auto_accept: float = 0.9

    @classmethod
    def from_settings(
        cls, settings: Settings, readers: ReaderRegistry | None = None, today: date | None = None
    ) -> PipelineContext:
        return cls(
            limits=AdmissionLimits.from_settings(settings),
            read=ReadContext.from_settings(settings),
            readers=readers or builtin_registry(),
            today=today or datetime.now(UTC).date(),
            auto_accept=settings.auto_accept,
        )


def read_document(admitted: Admitted, file_name: str, ctx: PipelineContext) -> ExtractedDocument:
    """Read an admitted file into pages of words."""
    pages = ctx.readers.read(admitted.data, admitted.mime, ctx.read)
    return ExtractedDocument(file=file_name, sha256=admitted.sha256, format=admitted.format, pages=pages)


def find_fields(doc: ExtractedDocument, ctx: PipelineContext) -> ExtractedDocument:
    """Fields with confidences, and why a clerk must look (every file is a request form until types exist)."""
    fields = extract_fields(doc.pages, ctx.today)
    reasons = review_reasons("pa_request_form", fields, ctx.auto_accept)
    return replace(doc, fields=fields, review_reasons=tuple(reasons))


def extract_path(path: Path, ctx: PipelineContext) -> ExtractedDocument:
    """Admit, read and mine one file on disk; raises the typed refusals of errors.py."""
    return find_fields(read_document(admit_path(path, ctx.limits), path.name, ctx), ctx)
