"""The stages, as plain functions over the model: admit -> read -> fields -> classify/split (-> match later)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from docintake.classifiers.doctype import classify_pages
from docintake.classifiers.routing import review_reasons
from docintake.classifiers.split import main_type, segments
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
    """The whole file's fields with confidences (top-level `fields`)."""
    return replace(doc, fields=extract_fields(doc.pages, ctx.today))


def classify_split(doc: ExtractedDocument, ctx: PipelineContext) -> ExtractedDocument:
    """Page types, proposed segments with their own fields, the file's type, and why a clerk must look."""
    kinds = classify_pages(doc.pages)
    parts = segments(doc.pages, kinds, lambda pages: extract_fields(pages, ctx.today), whole=doc.fields)
    kind = main_type(parts)
    reasons = review_reasons(kind.value, doc.fields, ctx.auto_accept)
    if len(parts) > 1:
        reasons.append("split_unconfirmed")  # a split is a proposal until a clerk confirms it
    return replace(doc, document_type=kind, segments=parts, review_reasons=tuple(reasons))


def process_admitted(admitted: Admitted, file_name: str, ctx: PipelineContext) -> ExtractedDocument:
    """Every stage after admission: read, mine, classify and split."""
    return classify_split(find_fields(read_document(admitted, file_name, ctx), ctx), ctx)


def extract_path(path: Path, ctx: PipelineContext) -> ExtractedDocument:
    """Admit, read, mine and classify one file on disk; raises the typed refusals of errors.py."""
    return process_admitted(admit_path(path, ctx.limits), path.name, ctx)
