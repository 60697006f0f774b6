"""What the corpus holds: one line per sample file (families in the file, output kind, case options)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Output kind -> (format short name as `extract --json` prints it, file extension, how the file is made).
KINDS: dict[str, tuple[str, str, str]] = {
    "pdf_text": ("pdf", "pdf", "reportlab PDF with a text layer"),
    "pdf_acroform": ("pdf", "pdf",
                     "reportlab PDF whose values are AcroForm text fields and check boxes (not flattened)"),
    "pdf_annot": ("pdf", "pdf", "reportlab PDF; member ID added as a FreeText annotation and ticks as check-mark "
                                "Stamp annotations (pypdf)"),
    "pdf_scanned": ("pdf", "pdf", "image-only PDF: pages rendered by gs pnggray at 150 dpi, noised, skewed, "
                                  "embedded as JPEG by reportlab"),
    "pdf_mixed": ("pdf", "pdf", "reportlab text pages with one page replaced by its image-only scan (pypdf)"),
    "tiff_g4": ("tiff", "tif", "fax: PDF with fax header, skew and speckle -> gs -sDEVICE=tiffg4 -r204x196 (fine)"),
    "tiff_g3": ("tiff", "tif", "fax: PDF with fax header, skew and speckle -> gs -sDEVICE=tiffg3 -r204x98 (standard)"),
    "tiff_nodpi": ("tiff", "tif", "fax: gs tiffg4 -r204x196, rewritten by Pillow as G4 without DPI tags"),
    "png": ("png", "png", "gs pnggray -r150, saved by Pillow"),
    "png_noisy": ("png", "png", "gs pnggray -r150 + noise, pepper, blur and 0.8 degree skew (Pillow)"),
    "jpeg": ("jpeg", "jpg", "gs pnggray -r150 + mild noise, JPEG quality 78 (Pillow)"),
    "jpeg_exif6": ("jpeg", "jpg", "gs pnggray -r150; pixels stored turned 90 degrees, EXIF Orientation=6"),
    "jpeg_exif8": ("jpeg", "jpg", "gs pnggray -r150; pixels stored turned 90 degrees, EXIF Orientation=8"),
    "jpeg_upside_down": ("jpeg", "jpg", "gs pnggray -r150 + noise; page scanned upside down (no EXIF)"),
    "bmp": ("bmp", "bmp", "gs pnggray -r150 scaled to 120 dpi, 8-bit BMP (Pillow)"),
    "bmp_1bit": ("bmp", "bmp", "gs pnggray -r150 thresholded to a 1-bit BMP (Pillow)"),
    "docx": ("docx", "docx", "python-docx: paragraphs, tables, header, footer with a PAGE field"),
    "doc": ("doc", "doc", "python-docx DOCX converted by soffice --headless --convert-to doc"),
    "xlsx": ("xlsx", "xlsx", "openpyxl: sheet 'Request' (labels/values) and sheet 'Services' (tables)"),
    "xls": ("xls", "xls", "xlwt: one Excel 97 sheet, labels in column A"),
    "rtf": ("rtf", "rtf", "hand-written RTF (ansicpg1252, \\'xx escapes, a table, \\page breaks)"),
    "xps": ("xps", "xps", "hand-written XPS zip: FixedDocumentSequence, Glyphs elements, embedded TTF"),
    "txt_utf8": ("txt", "txt", "plain text, UTF-8"),
    "txt_utf16": ("txt", "txt", "plain text, UTF-16 little-endian with BOM"),
    "txt_cp1252": ("txt", "txt", "plain text, Windows-1252 with CRLF line ends"),
}
IMAGE_KINDS = frozenset(k for k in KINDS if KINDS[k][0] in ("png", "jpeg", "bmp"))
FAX_KINDS = frozenset({"tiff_g4", "tiff_g3", "tiff_nodpi"})
FLOW_KINDS = frozenset({"docx", "doc", "xlsx", "xls", "rtf", "txt_utf8", "txt_utf16", "txt_cp1252"})


@dataclass(frozen=True)
class Sample:
    """One file of the corpus: its documents (a packet when several), output kind and case options."""

    stem: str
    kind: str
    families: tuple[str, ...]
    quick: bool = False
    plan_style: str | None = None  # mbi | blue | medicaid | generic
    accented: bool = False
    scenario: int | None = None
    hcpcs: bool | None = None
    urgent: bool | None = None
    follow_up: bool = False  # letters that quote the Reference ID
    fax_header: bool = False  # a PDF as an e-fax service delivers it (header line on every page)
    second_member_from: int | None = None  # documents from this index on are about a second member


def _s(stem: str, kind: str, *families: str, **kw: Any) -> Sample:
    return Sample(stem, kind, families, **kw)


COVER_T, COVER_H = "fax_cover_memo", "fax_cover_boxed"
SSP, PBP, RAD, DME = "state_standard_pa", "plan_branded_pa", "radiology_pa", "dme_order_form"
LMN, APP, PN, LAB, DC = "lmn_letter", "appeal_letter", "progress_note", "lab_report", "discharge_summary"
APP2, DCT, CONS = "appeal_second_level", "discharge_transfer_summary", "consult_note"
MRI, CT = "imaging_mri_report", "imaging_ct_report"
BIZ, EOB, NOISE = "business_letter", "eob_statement", "noise_page"
PGF, STR, REF = "precert_grid_form", "service_table_request", "referral_letter"
CONT = "continuation_request"
HHPOC = "home_health_plan_of_care"
THER = "outpatient_therapy_request"
FACE = "facesheet_precert_request"
ORDER = "imaging_order_checklist"
CALL = "office_call_note"
INF = "infusion_referral_form"
BH = "behavioral_health_treatment_request"
INP = "inpatient_admission_notification"
SURG = "surgery_precert_request"
EQUIP = "equipment_medical_necessity_certificate"
RX = "medication_prior_auth_request"
GRID, SLR, CLN, COVER_X = "grid_request_form", "service_line_request", "clinical_letter_note", "fax_cover_transmittal"
DRUG, NOA = "drug_pa_form", "admission_notification"
OON, SBK = "oon_exception_request", "surgical_booking_note"
GTR, PMP = "genetic_test_requisition", "portal_message_printout"
UPA = "uniform_pa_request"
CCR = "concurrent_review_update"

PLAN: tuple[Sample, ...] = (
    # --- tune: state-standard request form
    _s("ssp_text", "pdf_text", SSP, quick=True, plan_style="blue"),
    _s("ssp_acroform", "pdf_acroform", SSP, quick=True, plan_style="generic"),
    _s("ssp_annot", "pdf_annot", SSP, quick=True, plan_style="medicaid", urgent=True),
    _s("ssp_fax_packet_fine", "tiff_g4", COVER_T, SSP, PN, quick=True, plan_style="mbi"),
    _s("ssp_fax_standard", "tiff_g3", SSP, plan_style="medicaid", urgent=True),
    _s("ssp_docx", "docx", SSP, quick=True, plan_style="generic"),
    _s("ssp_doc", "doc", SSP, quick=True, plan_style="blue"),
    _s("ssp_xlsx", "xlsx", SSP, plan_style="mbi"),
    _s("ssp_xls", "xls", SSP, plan_style="medicaid"),
    _s("ssp_txt_cp1252", "txt_cp1252", SSP, accented=True),
    _s("ssp_efax_mbi", "pdf_text", SSP, plan_style="mbi", fax_header=True),
    _s("ssp_scanned", "pdf_scanned", SSP, plan_style="generic"),
    # --- tune: plan-branded request form
    _s("pbp_text", "pdf_text", PBP, plan_style="blue", urgent=True),
    _s("pbp_acroform", "pdf_acroform", PBP, plan_style="mbi"),
    _s("pbp_scanned", "pdf_scanned", PBP, quick=True, plan_style="blue"),
    _s("pbp_fax_fine", "tiff_g4", PBP, plan_style="generic"),
    _s("pbp_upside_down", "jpeg_upside_down", PBP, quick=True, plan_style="blue"),
    _s("pbp_bmp", "bmp", PBP, quick=True, plan_style="mbi"),
    _s("pbp_xps", "xps", PBP, quick=True, plan_style="blue"),
    _s("pbp_rtf", "rtf", PBP, plan_style="generic"),
    _s("pbp_docx", "docx", PBP, plan_style="mbi", urgent=True),
    _s("pbp_xlsx", "xlsx", PBP, quick=True, plan_style="blue"),
    # --- tune: radiology request form (Medicaid numbers)
    _s("rad_text", "pdf_text", RAD, plan_style="medicaid", scenario=1),
    _s("rad_png_noisy", "png_noisy", RAD, quick=True, plan_style="medicaid", scenario=9),
    _s("rad_fax_nodpi", "tiff_nodpi", RAD, quick=True, plan_style="medicaid", scenario=6),
    _s("rad_xls", "xls", RAD, quick=True, plan_style="medicaid", scenario=4),
    _s("rad_txt_utf8", "txt_utf8", RAD, quick=True, plan_style="medicaid", scenario=1),
    _s("rad_jpeg", "jpeg", RAD, plan_style="medicaid", scenario=10, urgent=True),
    _s("rad_annot", "pdf_annot", RAD, plan_style="medicaid", scenario=11),
    # --- tune: letter of medical necessity
    _s("lmn_text", "pdf_text", LMN, plan_style="blue"),
    _s("lmn_followup_text", "pdf_text", LMN, plan_style="mbi", follow_up=True),
    _s("lmn_docx", "docx", LMN, plan_style="generic", urgent=True),
    _s("lmn_doc", "doc", LMN, plan_style="medicaid"),
    _s("lmn_rtf_accented", "rtf", LMN, quick=True, accented=True, follow_up=True, plan_style="blue"),
    _s("lmn_txt_utf16", "txt_utf16", LMN, quick=True, plan_style="mbi"),
    _s("lmn_xps", "xps", LMN, plan_style="generic"),
    _s("lmn_fax_standard", "tiff_g3", LMN, quick=True, plan_style="blue", follow_up=True),
    _s("lmn_mixed_packet", "pdf_mixed", COVER_T, LMN, PN, quick=True, plan_style="generic", follow_up=True),
    # --- tune: progress note
    _s("pn_text", "pdf_text", PN, plan_style="generic"),
    _s("pn_txt_utf8", "txt_utf8", PN, plan_style="blue"),
    _s("pn_txt_cp1252", "txt_cp1252", PN, quick=True, accented=True, plan_style="medicaid"),
    _s("pn_docx", "docx", PN, plan_style="mbi"),
    _s("pn_png", "png", PN, plan_style="generic"),
    _s("pn_jpeg_exif6", "jpeg_exif6", PN, quick=True, plan_style="blue", urgent=True),
    _s("pn_fax_fine", "tiff_g4", PN, plan_style="mbi"),
    _s("pn_rtf", "rtf", PN, plan_style="medicaid"),
    # --- tune: lab report
    _s("lab_text", "pdf_text", LAB, plan_style="mbi", scenario=5),
    _s("lab_xlsx", "xlsx", LAB, plan_style="generic", scenario=5),
    _s("lab_xls", "xls", LAB, plan_style="blue", scenario=4),
    _s("lab_png", "png", LAB, plan_style="medicaid", scenario=5),
    _s("lab_bmp_1bit", "bmp_1bit", LAB, plan_style="mbi", scenario=3),
    _s("lab_txt_utf8", "txt_utf8", LAB, plan_style="generic", scenario=5),
    # --- tune: memo fax cover, alone and leading packets
    _s("fcm_text", "pdf_text", COVER_T, urgent=True),
    _s("fcm_png", "png", COVER_T),
    _s("fcm_packet_pdf", "pdf_text", COVER_T, PBP, LAB, plan_style="blue", fax_header=True),
    _s("fcm_fax_packet_standard", "tiff_g3", COVER_T, RAD, LMN, plan_style="medicaid", follow_up=True),
    # --- heldout: DME order form (HCPCS scenarios)
    _s("dme_text", "pdf_text", DME, quick=True, plan_style="mbi", scenario=2, hcpcs=True),
    _s("dme_acroform", "pdf_acroform", DME, plan_style="generic", scenario=11, hcpcs=True),
    _s("dme_annot", "pdf_annot", DME, plan_style="blue", scenario=5, hcpcs=True, urgent=True),
    _s("dme_fax_packet_fine", "tiff_g4", COVER_H, DME, DC, plan_style="mbi", scenario=12, hcpcs=True),
    _s("dme_fax_standard", "tiff_g3", DME, plan_style="medicaid", scenario=2, hcpcs=True),
    _s("dme_docx", "docx", DME, plan_style="generic", scenario=10, hcpcs=True),
    _s("dme_xlsx", "xlsx", DME, plan_style="blue", scenario=2, hcpcs=True),
    _s("dme_png", "png_noisy", DME, plan_style="mbi", scenario=11, hcpcs=True),
    _s("dme_jpeg", "jpeg", DME, plan_style="generic", scenario=2, hcpcs=True),
    _s("dme_jpeg_exif8", "jpeg_exif8", DME, plan_style="medicaid", scenario=5, hcpcs=True),
    _s("dme_txt_utf8", "txt_utf8", DME, plan_style="blue", scenario=12, hcpcs=True),
    # --- heldout: appeal letter
    _s("app_text", "pdf_text", APP, plan_style="blue"),
    _s("app_docx", "docx", APP, plan_style="mbi", urgent=True),
    _s("app_doc", "doc", APP, plan_style="generic"),
    _s("app_rtf_accented", "rtf", APP, accented=True, plan_style="medicaid"),
    _s("app_xps", "xps", APP, plan_style="mbi"),
    _s("app_txt_utf16", "txt_utf16", APP, plan_style="generic"),
    _s("app_fax_nodpi", "tiff_nodpi", APP, plan_style="blue"),
    _s("app_mixed_packet", "pdf_mixed", COVER_H, APP, DC, plan_style="mbi"),
    # --- heldout: discharge summary
    _s("dc_text", "pdf_text", DC, plan_style="medicaid", urgent=True),
    _s("dc_scanned", "pdf_scanned", DC, plan_style="blue"),
    _s("dc_docx", "docx", DC, plan_style="generic"),
    _s("dc_txt_cp1252", "txt_cp1252", DC, accented=True, plan_style="mbi"),
    _s("dc_xls", "xls", DC, plan_style="blue"),
    # --- heldout: boxed fax cover
    _s("fcb_text", "pdf_text", COVER_H),
    _s("fcb_bmp", "bmp", COVER_H, urgent=True),
    _s("fcb_fax_standard", "tiff_g3", COVER_H),
    # --- tune: second-level appeal, transfer/discharge summary, imaging (MRI/X-ray) report
    _s("app2_text", "pdf_text", APP2, plan_style="generic"),
    _s("app2_docx", "docx", APP2, plan_style="blue", urgent=True),
    _s("app2_fax_packet_fine", "tiff_g4", COVER_T, APP2, PN, plan_style="medicaid"),
    _s("dct_text", "pdf_text", DCT, plan_style="mbi"),
    _s("dct_txt_utf8", "txt_utf8", DCT, plan_style="generic", urgent=True),
    _s("dct_scanned", "pdf_scanned", DCT, plan_style="blue"),
    _s("mri_text", "pdf_text", MRI, plan_style="blue"),
    _s("mri_png", "png", MRI, quick=True, plan_style="medicaid"),
    _s("mri_docx", "docx", MRI, plan_style="generic"),
    _s("mri_fax_packet_standard", "tiff_g3", COVER_T, SSP, MRI, plan_style="mbi"),
    # --- tune: other (an explanation of benefits, a blank or smudged page)
    _s("eob_text", "pdf_text", EOB, plan_style="blue"),
    _s("eob_png", "png", EOB, plan_style="mbi"),
    _s("noise_text", "pdf_text", NOISE),
    _s("noise_png_noisy", "png_noisy", NOISE),
    # --- tune: two members in one fax (the second member's part must split off)
    _s("two_members_fax_fine", "tiff_g4", COVER_T, SSP, COVER_T, PBP, plan_style="blue", second_member_from=2),
    _s("two_members_pdf", "pdf_text", SSP, SSP, plan_style="medicaid", second_member_from=1, fax_header=True),
    _s("two_members_notes_pdf", "pdf_text", COVER_T, PN, LAB, PN, plan_style="generic", second_member_from=3),
    # --- heldout: consultation note, CT/ultrasound report, business letter
    _s("cons_text", "pdf_text", CONS, plan_style="mbi"),
    _s("cons_txt_utf8", "txt_utf8", CONS, plan_style="blue"),
    _s("cons_jpeg", "jpeg", CONS, plan_style="generic"),
    _s("ct_text", "pdf_text", CT, plan_style="medicaid"),
    _s("ct_scanned", "pdf_scanned", CT, plan_style="blue"),
    _s("ct_docx", "docx", CT, plan_style="mbi"),
    _s("ct_fax_packet_standard", "tiff_g3", COVER_H, CONS, CT, plan_style="generic"),
    _s("biz_text", "pdf_text", BIZ),
    _s("biz_docx", "docx", BIZ),
    _s("biz_fax_fine", "tiff_g4", BIZ),
    # --- heldout: two members in one fax
    _s("two_members_dme_fax", "tiff_g3", COVER_H, DME, DME, plan_style="mbi", scenario=2, hcpcs=True,
       second_member_from=2),
    _s("two_members_records_pdf", "pdf_text", CONS, CT, CONS, plan_style="generic", second_member_from=2),
    _s("two_members_app_pdf", "pdf_text", COVER_H, APP, COVER_H, APP, plan_style="blue", second_member_from=2),
    # --- tune, added for general weaknesses: labels above boxes, identity in prose, codes in a services table
    _s("pgf_text", "pdf_text", PGF, plan_style="generic"),
    _s("pgf_scanned", "pdf_scanned", PGF, plan_style="blue", urgent=True),
    _s("pgf_fax_fine", "tiff_g4", COVER_T, PGF, plan_style="medicaid"),
    _s("pgf_docx", "docx", PGF, plan_style="mbi"),
    _s("pgf_txt_utf8", "txt_utf8", PGF, plan_style="blue"),
    _s("pgf_xlsx", "xlsx", PGF, plan_style="generic"),
    _s("ref_text", "pdf_text", REF, plan_style="medicaid"),
    _s("ref_docx", "docx", REF, plan_style="generic", urgent=True),
    _s("ref_fax_standard", "tiff_g3", REF, plan_style="blue"),
    _s("ref_txt_cp1252", "txt_cp1252", REF, accented=True, plan_style="mbi"),
    _s("ref_rtf", "rtf", REF, plan_style="blue"),
    _s("str_text", "pdf_text", STR, plan_style="blue"),
    _s("str_fax_fine", "tiff_g4", STR, plan_style="mbi", urgent=True),
    _s("str_scanned", "pdf_scanned", STR, plan_style="generic"),
    _s("str_docx", "docx", STR, plan_style="medicaid"),
    _s("str_xls", "xls", STR, plan_style="blue"),
    # --- tune, added for competing dates: a continuation/extension request (previous period, last dose, ...)
    _s("cont_text", "pdf_text", CONT, plan_style="blue", scenario=7, hcpcs=True),
    _s("cont_efax", "pdf_text", CONT, plan_style="mbi", scenario=12, fax_header=True),
    _s("cont_fax_packet_fine", "tiff_g4", COVER_T, CONT, plan_style="medicaid", scenario=3, hcpcs=True, urgent=True),
    _s("cont_fax_standard", "tiff_g3", CONT, plan_style="generic", scenario=2, hcpcs=True),
    _s("cont_scanned", "pdf_scanned", CONT, plan_style="blue", scenario=11, hcpcs=True),
    _s("cont_docx", "docx", CONT, plan_style="generic", scenario=5),
    _s("cont_xlsx", "xlsx", CONT, plan_style="mbi", scenario=10, urgent=True),
    _s("cont_txt_utf8", "txt_utf8", CONT, plan_style="medicaid", scenario=7),
    _s("cont_rtf_accented", "rtf", CONT, accented=True, plan_style="blue", scenario=12),
    # --- tune, added for a CMS-485-style plan of care: numbered boxes, labels above values, name with address
    _s("hhpoc_text", "pdf_text", HHPOC, plan_style="mbi", scenario=0, urgent=False),
    _s("hhpoc_fax_fine", "tiff_g4", HHPOC, plan_style="mbi", scenario=12, urgent=False),
    _s("hhpoc_fax_standard", "tiff_g3", COVER_T, HHPOC, plan_style="generic", scenario=11, urgent=True),
    _s("hhpoc_scanned", "pdf_scanned", HHPOC, plan_style="blue", scenario=5, urgent=False),
    _s("hhpoc_docx", "docx", HHPOC, plan_style="medicaid", scenario=4, urgent=False),
    _s("hhpoc_txt_cp1252", "txt_cp1252", HHPOC, accented=True, plan_style="mbi", scenario=3, urgent=False),
    _s("hhpoc_efax", "pdf_text", HHPOC, plan_style="blue", scenario=12, fax_header=True, urgent=True),
    # --- tune: office call note
    _s("call_text", "pdf_text", CALL, plan_style="blue", scenario=1, urgent=False),
    _s("call_efax", "pdf_text", CALL, plan_style="mbi", scenario=0, hcpcs=True, fax_header=True, urgent=True),
    _s("call_fax_fine", "tiff_g4", CALL, plan_style="medicaid", scenario=6, urgent=False),
    _s("call_fax_packet_standard", "tiff_g3", COVER_T, CALL, plan_style="generic", scenario=7, hcpcs=True,
       urgent=True),
    _s("call_scanned", "pdf_scanned", CALL, plan_style="mbi", scenario=5, hcpcs=True),
    _s("call_docx", "docx", CALL, plan_style="generic", scenario=2, hcpcs=True, urgent=False),
    _s("call_txt_utf8", "txt_utf8", CALL, plan_style="blue", scenario=10, urgent=True),
    _s("call_rtf_accented", "rtf", CALL, accented=True, plan_style="medicaid", scenario=14, urgent=False),
    # --- tune: outpatient therapy request
    _s("ther_text", "pdf_text", THER, plan_style="blue", scenario=12, hcpcs=True, urgent=False),
    _s("ther_efax", "pdf_text", THER, plan_style="mbi", scenario=10, hcpcs=True, fax_header=True, urgent=True),
    _s("ther_fax_fine", "tiff_g4", THER, plan_style="medicaid", scenario=0, urgent=False),
    _s("ther_fax_standard", "tiff_g3", COVER_T, THER, plan_style="generic", scenario=12, urgent=True),
    _s("ther_scanned", "pdf_scanned", THER, plan_style="blue", scenario=6, urgent=False),
    _s("ther_docx", "docx", THER, plan_style="generic", scenario=10, urgent=False),
    _s("ther_txt_utf8", "txt_utf8", THER, plan_style="mbi", scenario=1, urgent=False),
    _s("ther_rtf_accented", "rtf", THER, accented=True, plan_style="medicaid", scenario=12, hcpcs=True),
    # --- tune: face sheet + request
    _s("face_text", "pdf_text", FACE, plan_style="blue", scenario=0, hcpcs=True),
    _s("face_efax", "pdf_text", FACE, plan_style="mbi", scenario=13, fax_header=True),
    _s("face_fax_fine", "tiff_g4", COVER_T, FACE, plan_style="medicaid", scenario=14, urgent=True),
    _s("face_fax_standard", "tiff_g3", FACE, plan_style="generic", scenario=10, hcpcs=True),
    _s("face_scanned", "pdf_scanned", FACE, plan_style="blue", scenario=6, urgent=True),
    _s("face_docx", "docx", FACE, plan_style="mbi", scenario=4, urgent=False),
    _s("face_txt_cp1252", "txt_cp1252", FACE, accented=True, plan_style="generic", scenario=1),
    _s("face_xlsx", "xlsx", FACE, plan_style="medicaid", scenario=8),
    # --- tune: imaging order checklist (a ticked menu of exams; only ticked codes are ordered)
    _s("order_text", "pdf_text", ORDER, plan_style="blue", scenario=9, hcpcs=True),
    _s("order_efax", "pdf_text", ORDER, plan_style="mbi", scenario=4, fax_header=True, urgent=True),
    _s("order_fax_fine", "tiff_g4", ORDER, plan_style="medicaid", scenario=1, urgent=False),
    _s("order_fax_standard", "tiff_g3", COVER_T, ORDER, plan_style="generic", scenario=11, hcpcs=True),
    _s("order_scanned", "pdf_scanned", ORDER, plan_style="blue", scenario=3, urgent=True),
    _s("order_docx", "docx", ORDER, plan_style="generic", scenario=6, urgent=False),
    _s("order_txt_utf8", "txt_utf8", ORDER, plan_style="mbi", scenario=14),
    _s("order_rtf_accented", "rtf", ORDER, accented=True, plan_style="medicaid", scenario=10, hcpcs=True),
    # --- tune, session 5: infusion-center / specialty-pharmacy referral and PA intake (service date worded many ways)
    _s("inf_text", "pdf_text", INF, plan_style="blue", scenario=7, hcpcs=True),
    _s("inf_efax", "pdf_text", INF, plan_style="mbi", scenario=3, hcpcs=True, fax_header=True, urgent=True),
    _s("inf_acroform", "pdf_acroform", INF, plan_style="generic", scenario=7, hcpcs=True, urgent=False),
    _s("inf_annot", "pdf_annot", INF, plan_style="medicaid", scenario=14, urgent=True),
    _s("inf_fax_fine", "tiff_g4", INF, plan_style="medicaid", scenario=7, hcpcs=True, urgent=False),
    _s("inf_fax_standard", "tiff_g3", COVER_T, INF, plan_style="generic", scenario=3, hcpcs=True, urgent=True),
    _s("inf_scanned", "pdf_scanned", INF, plan_style="blue", scenario=5),
    _s("inf_docx", "docx", INF, plan_style="mbi", scenario=7, hcpcs=True, urgent=False),
    _s("inf_xlsx", "xlsx", INF, plan_style="generic", scenario=11),
    _s("inf_txt_utf8", "txt_utf8", INF, plan_style="medicaid", scenario=14, urgent=False),
    _s("inf_rtf_accented", "rtf", INF, accented=True, plan_style="blue", scenario=3, hcpcs=True),
    # --- tune, session 5: behavioral health outpatient treatment request (OTR form, practice letter, EHR printout)
    _s("bh_text", "pdf_text", BH, plan_style="medicaid", scenario=15, hcpcs=True, urgent=False),
    _s("bh_fax_fine", "tiff_g4", BH, plan_style="generic", scenario=5, urgent=False),
    _s("bh_fax_packet_standard", "tiff_g3", COVER_T, BH, plan_style="mbi", scenario=15, hcpcs=True, urgent=True),
    _s("bh_scanned", "pdf_scanned", BH, plan_style="medicaid", scenario=9, hcpcs=False, urgent=False),
    _s("bh_jpeg", "jpeg", BH, plan_style="blue", scenario=15, hcpcs=False),
    _s("bh_docx", "docx", BH, plan_style="generic", scenario=15, urgent=True),
    _s("bh_doc", "doc", BH, plan_style="mbi", scenario=8, urgent=False),
    _s("bh_txt_cp1252", "txt_cp1252", BH, accented=True, plan_style="medicaid", scenario=5, hcpcs=True, urgent=False),
    _s("bh_rtf_accented", "rtf", BH, accented=True, plan_style="blue", scenario=3, hcpcs=False, urgent=False),
    # --- tune, session 6: inpatient admission notification / precert / continued stay (the admission date worded
    # many ways among many dates)
    _s("inp_text", "pdf_text", INP, plan_style="mbi", scenario=11, urgent=True),
    _s("inp_efax", "pdf_text", INP, plan_style="blue", scenario=0, fax_header=True, urgent=False),
    _s("inp_fax_fine", "tiff_g4", INP, plan_style="medicaid", scenario=4, urgent=True),
    _s("inp_fax_packet_standard", "tiff_g3", COVER_T, INP, plan_style="generic", scenario=12, hcpcs=True),
    _s("inp_scanned", "pdf_scanned", INP, plan_style="blue", scenario=8, urgent=False),
    _s("inp_docx", "docx", INP, plan_style="mbi", scenario=5, urgent=True),
    _s("inp_txt_utf8", "txt_utf8", INP, plan_style="medicaid", scenario=15, urgent=True),
    _s("inp_rtf_accented", "rtf", INP, accented=True, plan_style="generic", scenario=14, urgent=False),
    _s("inp_xlsx", "xlsx", INP, plan_style="blue", scenario=9),
    # --- tune, session 6: outpatient surgery / procedure precertification (the scheduled date among many dates)
    _s("surg_text", "pdf_text", SURG, plan_style="blue", scenario=6, urgent=False),
    _s("surg_efax", "pdf_text", SURG, plan_style="mbi", scenario=0, hcpcs=True, fax_header=True, urgent=True),
    _s("surg_acroform", "pdf_acroform", SURG, plan_style="generic", scenario=10, hcpcs=True, urgent=False),
    _s("surg_fax_fine", "tiff_g4", SURG, plan_style="medicaid", scenario=1, urgent=False),
    _s("surg_fax_packet_standard", "tiff_g3", COVER_T, SURG, plan_style="generic", scenario=3, urgent=True),
    _s("surg_scanned", "pdf_scanned", SURG, plan_style="blue", scenario=13, hcpcs=True),
    _s("surg_docx", "docx", SURG, plan_style="mbi", scenario=14, urgent=False),
    _s("surg_xlsx", "xlsx", SURG, plan_style="medicaid", scenario=4),
    _s("surg_txt_utf8", "txt_utf8", SURG, plan_style="generic", scenario=8, urgent=False),
    _s("surg_rtf_accented", "rtf", SURG, accented=True, plan_style="blue", scenario=1, hcpcs=False),
    # --- tune, session 6: DME certificate of medical necessity / standard written order / supplier letter
    _s("cmn_text", "pdf_text", EQUIP, plan_style="mbi", scenario=11, hcpcs=True, urgent=False),
    _s("cmn_efax", "pdf_text", EQUIP, plan_style="blue", scenario=2, hcpcs=True, fax_header=True, urgent=True),
    _s("cmn_fax_fine", "tiff_g4", EQUIP, plan_style="medicaid", scenario=12, hcpcs=True, urgent=False),
    _s("cmn_fax_packet_standard", "tiff_g3", COVER_T, EQUIP, plan_style="mbi", scenario=5, hcpcs=True, urgent=True),
    _s("cmn_scanned", "pdf_scanned", EQUIP, plan_style="generic", scenario=0, hcpcs=True),
    _s("cmn_docx", "docx", EQUIP, plan_style="mbi", scenario=1, urgent=False),
    _s("cmn_xlsx", "xlsx", EQUIP, plan_style="blue", scenario=3, hcpcs=False),
    _s("cmn_txt_utf8", "txt_utf8", EQUIP, plan_style="medicaid", scenario=10, hcpcs=True, urgent=False),
    _s("cmn_rtf_accented", "rtf", EQUIP, accented=True, plan_style="mbi", scenario=12, urgent=False),
    # --- tune, session 6: medication prior authorization / coverage determination (pharmacy and medical benefit)
    _s("rx_text", "pdf_text", RX, plan_style="mbi", scenario=5, urgent=False),
    _s("rx_efax", "pdf_text", RX, plan_style="blue", scenario=7, hcpcs=True, fax_header=True, urgent=True),
    _s("rx_fax_fine", "tiff_g4", RX, plan_style="medicaid", scenario=15, urgent=False),
    _s("rx_fax_packet_standard", "tiff_g3", COVER_T, RX, plan_style="generic", scenario=3, hcpcs=True, urgent=True),
    _s("rx_scanned", "pdf_scanned", RX, plan_style="mbi", scenario=9, urgent=False),
    _s("rx_docx", "docx", RX, plan_style="generic", scenario=4, urgent=False),
    _s("rx_xlsx", "xlsx", RX, plan_style="medicaid", scenario=13, hcpcs=True),
    _s("rx_txt_utf8", "txt_utf8", RX, plan_style="blue", scenario=8, urgent=True),
    _s("rx_rtf_accented", "rtf", RX, accented=True, plan_style="mbi", scenario=11, hcpcs=True),
    _s("rx_acroform", "pdf_acroform", RX, plan_style="blue", scenario=2, urgent=False),
    # --- heldout, written blind: grid form (labels above boxes), service-line request, clinic letter, transmittal
    _s("grid_text", "pdf_text", GRID, plan_style="blue"),
    _s("grid_acroform", "pdf_acroform", GRID, plan_style="generic", urgent=True),
    _s("grid_scanned", "pdf_scanned", GRID, plan_style="mbi"),
    _s("grid_fax_standard", "tiff_g3", COVER_X, GRID, plan_style="medicaid"),
    _s("grid_docx", "docx", GRID, plan_style="mbi"),
    _s("grid_txt_utf8", "txt_utf8", GRID, plan_style="generic"),
    _s("grid_xlsx", "xlsx", GRID, plan_style="medicaid", urgent=True),
    _s("slr_text", "pdf_text", SLR, plan_style="generic"),
    _s("slr_efax_packet", "pdf_text", COVER_X, SLR, plan_style="mbi", fax_header=True),
    _s("slr_fax_fine", "tiff_g4", SLR, plan_style="blue", urgent=True),
    _s("slr_scanned", "pdf_scanned", SLR, plan_style="medicaid"),
    _s("slr_xlsx", "xlsx", SLR, plan_style="mbi"),
    _s("slr_docx", "docx", SLR, plan_style="generic", hcpcs=True),
    _s("slr_txt_cp1252", "txt_cp1252", SLR, accented=True, plan_style="blue"),
    _s("cln_text", "pdf_text", CLN, plan_style="mbi"),
    _s("cln_docx", "docx", CLN, plan_style="blue", urgent=True),
    _s("cln_rtf_accented", "rtf", CLN, accented=True, plan_style="generic"),
    _s("cln_fax_packet_fine", "tiff_g4", COVER_X, CLN, plan_style="medicaid"),
    _s("cln_scanned", "pdf_scanned", CLN, plan_style="generic"),
    _s("cln_txt_utf16", "txt_utf16", CLN, plan_style="blue"),
    _s("cln_xps", "xps", CLN, plan_style="mbi"),
    _s("fcx_text", "pdf_text", COVER_X, urgent=True),
    # --- heldout, written blind later: medical-benefit drug PA form (J-codes), hospital notification of admission
    _s("drug_text", "pdf_text", DRUG, plan_style="blue", scenario=7, hcpcs=True),
    _s("drug_fax_fine", "tiff_g4", COVER_X, DRUG, plan_style="mbi", scenario=3, hcpcs=True, urgent=True),
    _s("drug_fax_standard", "tiff_g3", DRUG, plan_style="generic", scenario=13, hcpcs=True),
    _s("drug_scanned", "pdf_scanned", DRUG, plan_style="medicaid", scenario=9, hcpcs=True),
    _s("drug_docx", "docx", DRUG, plan_style="generic", scenario=3, hcpcs=True),
    _s("drug_xlsx", "xlsx", DRUG, plan_style="mbi", scenario=7, hcpcs=True, urgent=True),
    _s("drug_txt_utf8", "txt_utf8", DRUG, plan_style="blue", scenario=13, hcpcs=True),
    _s("noa_text", "pdf_text", NOA, plan_style="mbi", scenario=0),
    _s("noa_fax_fine", "tiff_g4", NOA, plan_style="generic", scenario=1, urgent=True),
    _s("noa_fax_standard", "tiff_g3", COVER_X, NOA, plan_style="blue", scenario=8),
    _s("noa_scanned", "pdf_scanned", NOA, plan_style="medicaid", scenario=4),
    _s("noa_docx", "docx", NOA, plan_style="blue", scenario=14, urgent=True),
    _s("noa_rtf_accented", "rtf", NOA, accented=True, plan_style="generic", scenario=6),
    _s("noa_txt_cp1252", "txt_cp1252", NOA, accented=True, plan_style="mbi", scenario=10),
    # --- heldout, written blind in session 3: out-of-network exception questionnaire, surgeon's booking note
    _s("oon_text", "pdf_text", OON, plan_style="generic", scenario=4),
    _s("oon_fax_packet_standard", "tiff_g3", COVER_X, OON, plan_style="medicaid", scenario=15, urgent=True),
    _s("oon_fax_fine", "tiff_g4", OON, plan_style="blue", scenario=2, hcpcs=True),
    _s("oon_scanned", "pdf_scanned", OON, plan_style="mbi", scenario=13, hcpcs=True),
    _s("oon_docx", "docx", OON, plan_style="generic", scenario=1, urgent=True),
    _s("oon_rtf_accented", "rtf", OON, accented=True, plan_style="blue", scenario=14),
    _s("oon_txt_utf8", "txt_utf8", OON, plan_style="mbi", scenario=11, hcpcs=True),
    _s("sbk_text", "pdf_text", SBK, plan_style="blue", scenario=0, hcpcs=True),
    _s("sbk_fax_fine", "tiff_g4", SBK, plan_style="medicaid", scenario=6, urgent=True),
    _s("sbk_fax_standard", "tiff_g3", SBK, plan_style="mbi", scenario=1),
    _s("sbk_scanned", "pdf_scanned", SBK, plan_style="generic", scenario=10, hcpcs=True),
    _s("sbk_jpeg", "jpeg", SBK, plan_style="mbi", scenario=8),
    _s("sbk_docx", "docx", SBK, plan_style="blue", scenario=14, urgent=True),
    _s("sbk_txt_cp1252", "txt_cp1252", SBK, accented=True, plan_style="generic", scenario=4),
    # --- heldout, written blind in session 4: genetic-testing lab requisition, printed portal / e-mail thread
    _s("gtr_text", "pdf_text", GTR, plan_style="blue", scenario=3, hcpcs=False),
    _s("gtr_fax_fine", "tiff_g4", GTR, plan_style="mbi", scenario=4, urgent=True),
    _s("gtr_fax_packet_standard", "tiff_g3", COVER_X, GTR, plan_style="medicaid", scenario=15, hcpcs=True),
    _s("gtr_scanned", "pdf_scanned", GTR, plan_style="generic", scenario=9, hcpcs=True),
    _s("gtr_docx", "docx", GTR, plan_style="mbi", scenario=3, hcpcs=True, urgent=True),
    _s("gtr_txt_cp1252", "txt_cp1252", GTR, accented=True, plan_style="blue", scenario=0),
    _s("gtr_xlsx", "xlsx", GTR, plan_style="generic", scenario=15, hcpcs=False),
    _s("pmp_text", "pdf_text", PMP, plan_style="generic", scenario=1),
    _s("pmp_fax_packet_fine", "tiff_g4", COVER_X, PMP, plan_style="blue", scenario=6, urgent=True),
    _s("pmp_fax_standard", "tiff_g3", PMP, plan_style="mbi", scenario=11, hcpcs=True),
    _s("pmp_scanned", "pdf_scanned", PMP, plan_style="medicaid", scenario=13, hcpcs=True),
    _s("pmp_jpeg", "jpeg", PMP, plan_style="generic", scenario=5, urgent=False),
    _s("pmp_docx", "docx", PMP, plan_style="blue", scenario=2, hcpcs=True, urgent=False),
    _s("pmp_rtf_accented", "rtf", PMP, accented=True, plan_style="mbi", scenario=8),
    _s("pmp_txt_utf8", "txt_utf8", PMP, plan_style="generic", scenario=0, hcpcs=True, urgent=True),
    # --- heldout, written blind in session 5: uniform PA request form
    _s("upa_text", "pdf_text", UPA, plan_style="medicaid", scenario=0, hcpcs=True),
    _s("upa_fax_fine", "tiff_g4", UPA, plan_style="blue", scenario=6, urgent=True),
    _s("upa_fax_packet_standard", "tiff_g3", COVER_X, UPA, plan_style="mbi", scenario=11, hcpcs=True),
    _s("upa_scanned", "pdf_scanned", UPA, plan_style="generic", scenario=2, hcpcs=True, urgent=False),
    _s("upa_docx", "docx", UPA, plan_style="blue", scenario=14, urgent=True),
    _s("upa_rtf_accented", "rtf", UPA, accented=True, plan_style="medicaid", scenario=12, hcpcs=True),
    _s("upa_txt_cp1252", "txt_cp1252", UPA, accented=True, plan_style="generic", scenario=1),
    # --- heldout, written blind in session 5: hospital concurrent review
    _s("ccr_text", "pdf_text", CCR, plan_style="blue", scenario=11, hcpcs=True),
    _s("ccr_fax_packet_fine", "tiff_g4", COVER_X, CCR, plan_style="mbi", scenario=12, hcpcs=True, urgent=True),
    _s("ccr_fax_standard", "tiff_g3", CCR, plan_style="medicaid", scenario=4, urgent=False),
    _s("ccr_scanned", "pdf_scanned", CCR, plan_style="generic", scenario=3, hcpcs=True),
    _s("ccr_png_noisy", "png_noisy", CCR, plan_style="blue", scenario=7, hcpcs=False, urgent=True),
    _s("ccr_docx", "docx", CCR, plan_style="mbi", scenario=0, hcpcs=True, urgent=False),
    _s("ccr_rtf_accented", "rtf", CCR, accented=True, plan_style="medicaid", scenario=15, hcpcs=True),
)


def select(quick: bool) -> tuple[Sample, ...]:
    """The whole plan, or the quick subset (every format and kind of PDF/TIFF, a few families)."""
    return tuple(s for s in PLAN if s.quick) if quick else PLAN
