"""Make one sample file from its plan line and write its expected JSON beside it."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from random import Random

from samples.generator import family_clinical
from samples.generator.data import Case, make_case
from samples.generator.document import Doc, Truth
from samples.generator.families import builder, split_of
from samples.generator.fax import pdf_to_fax_tiff, strip_dpi
from samples.generator.flow import write_rtf, write_txt
from samples.generator.office import write_docx, write_xls, write_xlsx
from samples.generator.plan import FAX_KINDS, FLOW_KINDS, IMAGE_KINDS, KINDS, Sample
from samples.generator.raster import images_to_pdf, mixed_pdf, render_pages, save_image, scanner_damage
from samples.generator.render_pdf import RenderOptions, render_pdf
from samples.generator.xps import write_xps


@dataclass
class Built:
    """What building a sample produced: the manifest entry and, for DOC, a pending DOCX conversion."""

    entry: dict[str, object]
    doc_job: tuple[Path, Path] | None = None


def make_docs(sample: Sample, seed: int) -> tuple[Case, list[Doc]]:
    """The sample's case and documents; each sample has its own RNG so files do not depend on each other."""
    rng = Random(f"{seed}:{sample.stem}")
    case = make_case(rng, plan_style=sample.plan_style, accented=sample.accented, scenario=sample.scenario,
                     with_hcpcs=sample.hcpcs)
    if sample.urgent is not None:
        case = dataclasses.replace(case, urgent=sample.urgent)
    second = None
    if sample.second_member_from is not None:
        second = make_case(rng, plan_style=sample.plan_style, scenario=sample.scenario, with_hcpcs=sample.hcpcs)
        # One fax, one sending machine: the second member's pages carry the same header line.
        second = dataclasses.replace(second, fax=case.fax, requesting=case.requesting)
    docs = []
    for i, family in enumerate(sample.families):
        about = second if second is not None and i >= (sample.second_member_from or 0) else case
        if family == "lmn_letter":
            docs.append(family_clinical.lmn_letter(about, rng, follow_up=sample.follow_up))
        else:
            docs.append(builder(family)(about, rng))
    return case, docs


def principal(docs: list[Doc]) -> Doc:
    """The document a packet is about: the first that is not a fax cover."""
    return next((d for d in docs if d.document_type != "fax_cover"), docs[0])


def build(sample: Sample, out_root: Path, tmp: Path, seed: int) -> Built:
    """Render one sample into out_root/<split>/<family>/ and write `<file>.expected.json` beside it."""
    case, docs = make_docs(sample, seed)
    main = principal(docs)
    split = split_of(main.family)
    if any(split_of(d.family) != split for d in docs):
        raise ValueError(f"{sample.stem}: a file may not mix tune and heldout families")
    fmt, ext, how = KINDS[sample.kind]
    path = out_root / split / main.family / f"{sample.stem}.{ext}"
    path.parent.mkdir(parents=True, exist_ok=True)
    work = tmp / sample.stem
    work.mkdir(parents=True, exist_ok=True)
    pixels = Random(f"{seed}:{sample.stem}:pixels")
    kind = sample.kind
    doc_job = None
    ocr = "none"

    if kind in FLOW_KINDS or kind == "xps":
        if len(docs) != 1:
            raise ValueError(f"{sample.stem}: flow formats hold one document")
        doc = docs[0]
        if kind == "docx":
            pages = [_docx_pages(doc, path)]
        elif kind == "doc":
            pages = [_docx_pages(doc, work / "source.docx")]
            doc_job = (work / "source.docx", path)
        elif kind == "xlsx":
            pages = [write_xlsx(doc, path)]
        elif kind == "xls":
            pages = [write_xls(doc, path)]
        elif kind == "rtf":
            pages = [write_rtf(doc, path)]
        elif kind == "xps":
            pages = [write_xps(doc, path)]
        else:
            pages = [write_txt(doc, path, kind)]
    elif kind in ("pdf_text", "pdf_acroform"):
        opts = RenderOptions(fax=case.fax if sample.fax_header else None, fax_style=pixels.randrange(3),
                             acroform=kind == "pdf_acroform")
        pages = render_pdf(docs, path, opts).pages_per_doc
    elif kind == "pdf_annot":
        from samples.generator.annotate import add_annotations

        result = render_pdf(docs, work / "plain.pdf", RenderOptions(annotate=True))
        add_annotations(work / "plain.pdf", path, result, case.policy_printed)
        pages = result.pages_per_doc
    elif kind in ("pdf_scanned", "pdf_mixed"):
        result = render_pdf(docs, work / "text.pdf")
        pages = result.pages_per_doc
        images = [scanner_damage(im, pixels, skew=pixels.uniform(-1.2, 1.2)) for im in render_pages(work / "text.pdf")]
        if kind == "pdf_scanned":
            images_to_pdf(images, path)
            ocr = "full"
        else:
            images_to_pdf(images, work / "scanned.pdf")
            mixed_pdf(work / "text.pdf", work / "scanned.pdf", result.pages - 1, path)
            ocr = "partial"
    elif kind in FAX_KINDS:
        skew = pixels.uniform(0.5, 2.0) * pixels.choice((-1, 1))
        opts = RenderOptions(fax=case.fax, fax_style=pixels.randrange(3), skew_deg=skew,
                             speckle=pixels.randint(150, 600), seed=pixels.randrange(1 << 30))
        pages = render_pdf(docs, work / "fax.pdf", opts).pages_per_doc
        received = case.fax.sent
        if kind == "tiff_nodpi":
            pdf_to_fax_tiff(work / "fax.pdf", work / "fax.tif", "fine", received)
            strip_dpi(work / "fax.tif", path)
        else:
            pdf_to_fax_tiff(work / "fax.pdf", path, "fine" if kind == "tiff_g4" else "standard", received)
        ocr = "full"
    elif kind in IMAGE_KINDS:
        result = render_pdf(docs, work / "page.pdf")
        if result.pages != 1:
            raise ValueError(f"{sample.stem}: an image holds one page, the document has {result.pages}")
        (page,) = render_pages(work / "page.pdf")
        if kind == "png_noisy":
            page = scanner_damage(page, pixels, noise=24, pepper=0.003, blur=0.7, skew=0.8)
        elif kind in ("jpeg", "jpeg_upside_down"):
            page = scanner_damage(page, pixels, noise=10, pepper=0.001)
        save_image(page, path, kind.replace("_noisy", ""))
        pages = [1]
        ocr = "full"
    else:
        raise ValueError(f"unknown kind {kind}")

    expected = expected_json(sample, docs, pages, fmt, ocr, path.name, how)
    exp_path = path.with_name(path.name + ".expected.json")
    exp_path.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    entry = {"path": str(path.relative_to(out_root)), "file": path.name, "format": fmt, "kind": kind, "split": split,
             "family": main.family, "families": list(sample.families),
             "expected": str(exp_path.relative_to(out_root)), "quick": sample.quick}
    return Built(entry, doc_job)


def _docx_pages(doc: Doc, path: Path) -> int:
    write_docx(doc, path)
    return doc.explicit_pages


def expected_json(sample: Sample, docs: list[Doc], pages_per_doc: list[int], fmt: str, ocr: str, name: str,
                  how: str) -> dict[str, object]:
    """The expected `extract --json` shape (values only) plus the sample-only keys."""
    segments, first = [], 1
    for doc, n in zip(docs, pages_per_doc, strict=True):
        segments.append({"pages": [first, first + n - 1], "document_type": doc.document_type,
                         "fields": doc.truth.to_json()})
        first += n
    contains: list[str] = []
    for doc in docs:
        contains += [s for s in doc.text_contains if s and s not in contains]
    main = principal(docs)
    made_by = how
    if len(docs) > 1:
        made_by += f"; a packet of {len(docs)} documents ({', '.join(d.family for d in docs)})"
    if sample.second_member_from is not None:
        made_by += f"; documents from number {sample.second_member_from + 1} on are about a second member"
    if sample.fax_header and sample.kind == "pdf_text":
        made_by += "; fax header line on every page (e-fax delivery)"
    return {
        "schema_version": 1,
        "file": name,
        "format": fmt,
        "pages": sum(pages_per_doc),
        "ocr": ocr,
        "document_type": {"value": main.document_type, "confidence": None},
        "fields": Truth.merged([d.truth for d in docs]).to_json(),
        "segments": segments,
        "text_contains": contains,
        "family": main.family,
        "split": split_of(main.family),
        "made_by": made_by,
    }
