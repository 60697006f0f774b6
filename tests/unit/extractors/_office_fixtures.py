"""Synthetic documents for the flow-format and XPS reader tests (no real patient data, tokens are made up)."""

from __future__ import annotations

import io
import zipfile
from types import ModuleType

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml

from docintake.extractors.registry import ReadContext, ReaderRegistry
from docintake.model import Page

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = (
    f'xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def read_through_registry(module: ModuleType, data: bytes, mime: str, ctx: ReadContext) -> tuple[Page, ...]:
    """Read as the pipeline does, so foreign parser errors end as typed errors too."""
    registry = ReaderRegistry()
    for reader in module.READERS:
        registry.register(reader)
    return registry.read(data, mime, ctx)


def lines_of(page: Page) -> list[str]:
    return page.text.split("\n")


def w_xml(fragment: str) -> object:
    """A WordprocessingML element from a fragment that uses the w, w14, mc and v prefixes."""
    name_end = min(i for i in (fragment.find(" "), fragment.find(">"), fragment.find("/")) if i > 0)
    return parse_xml(f"{fragment[:name_end]} {_NSDECL}{fragment[name_end:]}")


def text_box_run(text: str) -> object:
    """A run holding a drawing text box (DrawingML choice and its VML fallback repeat the same text)."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return w_xml(
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx xmlns:wps=\"http://schemas.microsoft.com/office/"
        f'word/2010/wordprocessingShape">{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def vml_text_box_run(text: str) -> object:
    """A run holding a VML text box, the form LibreOffice imports from and Word 2003 wrote."""
    return w_xml(
        '<w:r><w:pict><v:shape id="box1" type="#_x0000_t202" '
        'style="position:absolute;margin-left:0;margin-top:0;width:200pt;height:50pt;z-index:1">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )


def checkbox_sdt(checked: bool) -> object:
    """A Word 2010 checkbox content control; its content is the box glyph, its state is in sdtPr."""
    glyph = "☒" if checked else "☐"
    return w_xml(
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def legacy_checkbox_runs(checked: bool) -> list[object]:
    """A FORMCHECKBOX field: begin (with the state), instruction, end; the field has no result text."""
    state = '<w:checked/>' if checked else '<w:checked w:val="0"/>'
    return [
        w_xml(f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>{state}'
              "</w:checkBox></w:ffData></w:fldChar></w:r>"),
        w_xml('<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'),
        w_xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    ]


def pa_form_docx() -> bytes:
    """A two-page prior-authorization form: header/footer, labels and values, a table, a page break."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Acme Health Plan HDR777"
    section.footer.paragraphs[0].text = "Confidential FTR888"
    document.add_paragraph("Prior Authorization Request")
    document.add_paragraph("Member ID")
    document.add_paragraph("W123456789")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Reference ID", "PA1234567897"
    table.cell(1, 0).text, table.cell(1, 1).text = "Date of Birth", "01/05/1960"
    document.add_paragraph("Urgent").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("Clinical notes NPI 1234567893")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# XPS ------------------------------------------------------------------------------------------------------

XPS_NS = "http://schemas.microsoft.com/xps/2005/06"
OXPS_NS = "http://schemas.openxps.org/oxps/v1.0"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_FIXEDREP = {
    XPS_NS: "http://schemas.microsoft.com/xps/2005/06/fixedrepresentation",
    OXPS_NS: "http://schemas.openxps.org/oxps/v1.0/fixedrepresentation",
}


def glyphs(text: str, x: float, y: float, size: float = 16, **attrs: str) -> str:
    """A Glyphs element with its baseline origin at (x, y) in 1/96 inch; FontUri names a font not shipped."""
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return (
        f'<Glyphs Fill="#FF000000" FontUri="/Resources/Fonts/absent.odttf" FontRenderingEmSize="{size}" '
        f'OriginX="{x}" OriginY="{y}" UnicodeString="{text}"{extra}/>'
    )


def fixed_page(body: str, width: float = 816, height: float = 1056, ns: str = XPS_NS) -> str:
    return f'<FixedPage xmlns="{ns}" Width="{width}" Height="{height}" xml:lang="en-US">{body}</FixedPage>'


def xps_package(pages: list[str], *, ns: str = XPS_NS, extra: dict[str, bytes] | None = None,
                page_count: int | None = None) -> bytes:
    """An XPS zip: content types, the fixedrepresentation relationship, a sequence, one document, its pages.

    ``page_count`` lists more PageContent entries than parts shipped (to test counting before reading).
    """
    count = len(pages) if page_count is None else page_count
    content = "".join(f'<PageContent Source="Pages/{i}.fpage"/>' for i in range(1, count + 1))
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="fdseq" '
            'ContentType="application/vnd.ms-package.xps-fixeddocumentsequence+xml"/>'
            '<Default Extension="fdoc" ContentType="application/vnd.ms-package.xps-fixeddocument+xml"/>'
            '<Default Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/>'
            '<Default Extension="png" ContentType="image/png"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_REL_NS}"><Relationship Id="R0" Type="{_FIXEDREP[ns]}" '
            'Target="/FixedDocumentSequence.fdseq"/></Relationships>'
        ),
        "FixedDocumentSequence.fdseq": (
            f'<FixedDocumentSequence xmlns="{ns}">'
            '<DocumentReference Source="/Documents/1/FixedDocument.fdoc"/></FixedDocumentSequence>'
        ),
        "Documents/1/FixedDocument.fdoc": f'<FixedDocument xmlns="{ns}">{content}</FixedDocument>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        for number, page in enumerate(pages, start=1):
            archive.writestr(f"Documents/1/Pages/{number}.fpage", page)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
