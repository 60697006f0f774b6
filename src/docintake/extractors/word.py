"""Readers for Word documents: docx by walking its body XML, doc by converting it to docx with LibreOffice.

DOC: LibreOffice headless, not antiword. Measured on this machine (2 cores, median of 5-20 runs): a one-page
form takes 1.3 ms with antiword and 1.4 s with LibreOffice (fresh private profile, ~210 MB resident) plus
our docx reader; a ten-page document 3.8 ms and 2.5 s. But antiword's text drops headers, footers and text
boxes and shows no page breaks, and it is unmaintained C (last release 2005) fed untrusted files, while
LibreOffice's docx keeps all of them, so .doc and .docx share one reader. A .doc upload is rare next to
faxed PDF/TIFF, so a second or two per document is affordable.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import olefile
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from docintake.errors import Corrupt, Encrypted, ProcessingFailed, TooManyPages
from docintake.extractors.pages import flow_page
from docintake.extractors.registry import ReadContext, Reader
from docintake.intake.sniff import MIME_BY_FORMAT
from docintake.model import Page

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_CHECKED, _UNCHECKED = "[X]", "[ ]"
_BOX_CHARS = str.maketrans({"☒": _CHECKED, "☑": _CHECKED, "☐": _UNCHECKED})
# Wingdings code points Word inserts as w:sym for ticked and empty boxes.
_BOX_SYMBOLS = {"F0FE": _CHECKED, "F0FD": _CHECKED, "F078": _CHECKED, "F0A8": _UNCHECKED, "F06F": _UNCHECKED}
# Inline wrappers whose children are runs; anything else that is not text is skipped.
_INLINE_WRAPPERS = {
    f"{_W}{name}"
    for name in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo")
}
_BLOCK_WRAPPERS = {f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"}
_FALSE = {"0", "false", "off"}
# What python-docx raises on a damaged package (a missing part, a broken zip member, bad XML).
_DOCX_DAMAGE = (
    PackageNotFoundError, zipfile.BadZipFile, zlib.error, KeyError, EOFError, ValueError, NotImplementedError,
    etree.XMLSyntaxError,
)  # fmt: skip


class _Flow:
    """Lines divided into pages at explicit breaks; blank lines and empty pages are not kept."""

    def __init__(self, max_pages: int) -> None:
        self.pages: list[list[str]] = [[]]
        self.max_pages = max_pages

    def line(self, text: str) -> None:
        # Leading tabs are kept: they hold the place of a table row's empty first cells.
        text = text.translate(_BOX_CHARS).replace("\xa0", " ").strip(" ").rstrip()
        if text.strip():
            self.pages[-1].append(text)

    def page_break(self) -> None:
        if self.pages[-1]:
            if len(self.pages) >= self.max_pages:
                raise TooManyPages(f"more than {self.max_pages} pages")
            self.pages.append([])

    def lines(self) -> list[str]:
        return [line for page in self.pages for line in page]


class _Body:
    """Walks block content (paragraphs, tables, content controls, text boxes) into a _Flow."""

    def __init__(self, document: Any) -> None:
        self._break_before = _styles_breaking_page(document)

    def blocks(self, container: Any, flow: _Flow) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child, flow)
            elif tag == f"{_W}tbl":
                self.table(child, flow)
            elif tag == f"{_W}sdt":
                self.blocks(_children(child, "sdtContent"), flow)
            elif tag == f"{_MC}AlternateContent":
                self.blocks(_chosen(child), flow)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(child, flow)

    def paragraph(self, p: Any, flow: _Flow) -> None:
        ppr = p.find(f"{_W}pPr")
        if self._breaks_before(ppr):
            flow.page_break()
        parts: list[str] = []
        boxes: list[Any] = []
        self._inline(p, parts, boxes, flow)
        flow.line("".join(parts))
        for box in boxes:  # a text box's paragraphs follow the paragraph it is anchored in
            self.blocks(box, flow)
        sect = ppr.find(f"{_W}sectPr") if ppr is not None else None
        if sect is not None:
            kind = sect.find(f"{_W}type")
            if kind is None or kind.get(f"{_W}val") not in ("continuous", "nextColumn"):
                flow.page_break()

    def _inline(self, el: Any, parts: list[str], boxes: list[Any], flow: _Flow) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_W}r":
                self._run(child, parts, boxes, flow)
            elif tag == f"{_W}sdt":
                box = _checkbox_state(child)
                if box is not None:
                    parts.append(box)
                else:
                    self._inline(_children(child, "sdtContent"), parts, boxes, flow)
            elif tag in _INLINE_WRAPPERS or tag == f"{_W}sdtContent":
                self._inline(child, parts, boxes, flow)

    def _run(self, run: Any, parts: list[str], boxes: list[Any], flow: _Flow) -> None:
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append("\t")
            elif tag == f"{_W}br" and child.get(f"{_W}type") == "page":
                flow.line("".join(parts))
                parts.clear()
                flow.page_break()
            elif tag in (f"{_W}br", f"{_W}cr"):
                flow.line("".join(parts))
                parts.clear()
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}sym":
                parts.append(_BOX_SYMBOLS.get((child.get(f"{_W}char") or "").upper(), ""))
            elif tag == f"{_W}fldChar":
                parts.append(_legacy_checkbox(child))
            else:  # drawings, VML shapes, alternate content: only their text boxes carry text
                boxes.extend(_text_boxes(child))

    def table(self, tbl: Any, flow: _Flow) -> None:
        """One line per row, cells separated by tabs; a nested table's rows follow the row that holds it."""
        for row in _descend(tbl, "tr"):
            cells: list[str] = []
            nested = _Flow(flow.max_pages)
            for cell in _descend(row, "tc"):
                inner = _Flow(flow.max_pages)
                for child in cell:
                    if child.tag == f"{_W}tbl":
                        self.table(child, nested)
                    else:
                        self.blocks([child], inner)
                cells.append(" ".join(inner.lines()).replace("\t", " "))
            if any(cells):
                flow.line("\t".join(cells))
            for line in nested.lines():
                flow.line(line)

    def _breaks_before(self, ppr: Any) -> bool:
        if ppr is None:
            return False
        direct = ppr.find(f"{_W}pageBreakBefore")
        if direct is not None:
            return direct.get(f"{_W}val") not in _FALSE
        style = ppr.find(f"{_W}pStyle")
        return style is not None and style.get(f"{_W}val") in self._break_before


def _children(el: Any, name: str) -> list[Any]:
    found = el.find(f"{_W}{name}")
    return list(found) if found is not None else []


def _chosen(alternate: Any) -> list[Any]:
    """The first branch of mc:AlternateContent; the Fallback repeats the same content for older readers."""
    for branch in alternate:
        return list(branch)
    return []


def _descend(el: Any, name: str) -> list[Any]:
    """Children named ``name``, looking through content controls and custom XML that may wrap them."""
    found: list[Any] = []
    for child in el:
        if child.tag == f"{_W}{name}":
            found.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            found.extend(_descend(child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child, name))
    return found


def _text_boxes(el: Any) -> list[Any]:
    if el.tag == f"{_W}txbxContent":
        return [el]
    if el.tag == f"{_MC}AlternateContent":
        return [box for child in _chosen(el) for box in _text_boxes(child)]
    return [box for child in el for box in _text_boxes(child)]


def _checkbox_state(sdt: Any) -> str | None:
    pr = sdt.find(f"{_W}sdtPr")
    box = pr.find(f"{_W14}checkbox") if pr is not None else None
    if box is None:
        return None
    checked = box.find(f"{_W14}checked")
    return _CHECKED if checked is not None and checked.get(f"{_W14}val") in ("1", "true") else _UNCHECKED


def _legacy_checkbox(fld_char: Any) -> str:
    """A FORMCHECKBOX field's state; its result text is empty, so the state must be spelled out."""
    box = fld_char.find(f"{_W}ffData/{_W}checkBox")
    if fld_char.get(f"{_W}fldCharType") != "begin" or box is None:
        return ""
    state = box.find(f"{_W}checked")
    if state is None:
        state = box.find(f"{_W}default")
        on = state is not None and state.get(f"{_W}val") not in _FALSE
    else:
        on = state.get(f"{_W}val") not in _FALSE
    return _CHECKED if on else _UNCHECKED


def _styles_breaking_page(document: Any) -> frozenset[str]:
    """Ids of paragraph styles that start a new page (directly or by the style they are based on)."""
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in document.styles.element.findall(f"{_W}style"):
        sid = style.get(f"{_W}styleId")
        flag = style.find(f"{_W}pPr/{_W}pageBreakBefore")
        own[sid] = None if flag is None else flag.get(f"{_W}val") not in _FALSE
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based_on[sid] = parent.get(f"{_W}val")

    def breaks(sid: str) -> bool:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            if own.get(sid) is not None:
                return bool(own[sid])
            sid = based_on.get(sid, "")
        return False

    return frozenset(sid for sid in own if breaks(sid))


def _header_footer_lines(document: Any, body: _Body, kind: str, max_pages: int) -> list[str]:
    """Lines of every section's headers (or footers), in section order, each line once."""
    seen: dict[str, None] = {}
    parts_done: set[str] = set()
    for sect in document.element.body.iter(f"{_W}sectPr"):
        for ref in sect.findall(f"{_W}{kind}Reference"):
            rid = ref.get(f"{_R}id")
            if rid in parts_done or rid not in document.part.related_parts:
                continue
            parts_done.add(rid)
            flow = _Flow(max_pages)
            body.blocks(document.part.related_parts[rid].element, flow)
            seen.update(dict.fromkeys(flow.lines()))
    return list(seen)


def read_docx(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of a docx: body in order, split at explicit page breaks; headers first, footers last."""
    try:
        document = docx.Document(io.BytesIO(data))
    except _DOCX_DAMAGE as exc:
        raise Corrupt("the Word document's package is damaged") from exc
    body = _Body(document)
    flow = _Flow(ctx.max_pages)
    body.blocks(document.element.body, flow)
    pages = [page for page in flow.pages if page] or [[]]
    pages[0][:0] = _header_footer_lines(document, body, "header", ctx.max_pages)
    pages[-1].extend(_header_footer_lines(document, body, "footer", ctx.max_pages))
    return [flow_page(number, lines) for number, lines in enumerate(pages, start=1)]


def read_doc(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of a Word 97-2003 document, converted to docx by LibreOffice and read as one."""
    _refuse_encrypted_doc(data)
    return read_docx(convert_with_soffice(data, ctx, "doc", "docx"), ctx)


def _refuse_encrypted_doc(data: bytes) -> None:
    """Refuse it if the FIB says it is encrypted (fEncrypted: bit 8 of the flags at offset 10)."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise Corrupt("the Word document has no main stream")
            fib = ole.openstream("WordDocument").read(12)
    except (OSError, ValueError, IndexError, olefile.olefile.OleFileError) as exc:
        raise Corrupt("the Word document's container is damaged") from exc
    if len(fib) < 12 or fib[:2] not in (b"\xec\xa5", b"\xdc\xa5"):
        raise Corrupt("the Word document's header is damaged")
    if int.from_bytes(fib[10:12], "little") & 0x0100:
        raise Encrypted("the Word document is encrypted")


def convert_with_soffice(data: bytes, ctx: ReadContext, source_ext: str, target_ext: str) -> bytes:
    """Convert with a LibreOffice process of our own (private profile, private temp), bounded in time."""
    if ctx.tmp_dir is not None:
        ctx.tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="soffice-", dir=ctx.tmp_dir))
    try:
        source = work / f"document.{source_ext}"
        source.write_bytes(data)
        (work / "tmp").mkdir(mode=0o700)
        command = [
            ctx.soffice_cmd,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
            "--convert-to", target_ext, "--outdir", str(work / "out"), str(source),
        ]  # fmt: skip
        result = _run(command, ctx.convert_timeout_s, {**os.environ, "TMPDIR": str(work / "tmp")})
        target = work / "out" / f"document.{target_ext}"
        if not target.is_file():
            if b"could not be loaded" in result.stdout + result.stderr:
                raise Corrupt(f"LibreOffice could not open the {source_ext} file")
            raise ProcessingFailed(f"LibreOffice produced no output (exit status {result.returncode})")
        return target.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(command: list[str], timeout: float, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )  # fmt: skip
    except OSError as exc:
        raise ProcessingFailed("the converter (LibreOffice soffice) is not installed or cannot run") from exc
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _end_session(proc)
        raise ProcessingFailed(f"LibreOffice did not finish within {timeout:.0f} s") from exc
    except BaseException:  # a worker's own deadline or shutdown must not leave a converter behind
        _end_session(proc)
        raise
    if proc.returncode != 0:
        log.info("soffice exited with status %d", proc.returncode)
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def _end_session(proc: subprocess.Popen[bytes]) -> None:
    """Kill the converter's whole session: soffice runs soffice.bin as a child that outlives the wrapper."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


READERS: tuple[Reader, ...] = (
    Reader("docx", (MIME_BY_FORMAT["docx"],), read_docx),
    Reader("doc", (MIME_BY_FORMAT["doc"],), read_doc),
)
