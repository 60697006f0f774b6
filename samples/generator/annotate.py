"""Values added to a PDF as annotations (a FreeText member ID, check-mark stamps), as clerks' PDF tools do."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from samples.generator.render_pdf import RenderResult

# A check mark drawn in a 12 x 12 box: the stamp's appearance, so viewers and rasterizers show it.
_CHECK_AP = b"q 0 0 0.55 RG 1.8 w 1 J 1 j 1.5 6 m 4.5 2 l 10.5 11 l S Q"


def _stamp(writer: PdfWriter, rect: tuple[float, float, float, float]) -> DictionaryObject:
    x0, y0 = rect[0], rect[1]
    ap = DecodedStreamObject()
    ap.set_data(_CHECK_AP)
    ap.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(12), FloatObject(12)]),
    })
    ap_ref = writer._add_object(ap)  # pypdf has no public call for an indirect appearance stream
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Stamp"),
        NameObject("/Name"): NameObject("/Check"),
        NameObject("/Rect"): ArrayObject([FloatObject(x0 - 1), FloatObject(y0 - 1),
                                          FloatObject(x0 + 11), FloatObject(y0 + 11)]),
        NameObject("/Contents"): TextStringObject("Checked"),
        NameObject("/F"): NumberObject(4),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): ap_ref}),
    })


def add_annotations(src: Path, out: Path, result: RenderResult, member_id: str) -> None:
    """Put the member ID in a FreeText annotation over its blank box and stamp a check on each ticked box."""
    writer = PdfWriter(clone_from=PdfReader(src))
    if result.member_anchor is None:
        raise ValueError("the document has no member ID box to annotate")
    page, (x0, y0, x1, y1) = result.member_anchor
    note = FreeText(text=member_id, rect=(x0, y0 - 1, x0 + max(90.0, min(x1 - x0, 160.0)), y1 + 1),
                    font="Helvetica", font_size="10pt", font_color="1a1a8c", border_color=None,
                    background_color=None)
    note[NameObject("/T")] = TextStringObject("intake clerk")
    writer.add_annotation(page_number=page, annotation=note)
    for page_no, rect in result.check_anchors:
        writer.add_annotation(page_number=page_no, annotation=_stamp(writer, rect))
    with out.open("wb") as fh:
        writer.write(fh)
