"""Readers for plain text (UTF-8, UTF-16 with BOM, cp1252) and RTF; pages split at form feeds and \\page."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from docintake.errors import Corrupt, TooManyPages
from docintake.extractors.pages import flow_page, split_flow_text
from docintake.extractors.registry import ReadContext, Reader
from docintake.intake.sniff import MIME_BY_FORMAT
from docintake.model import Page

# Control characters other than tab, newline, carriage return and form feed carry no text (\x1a is the
# DOS end-of-file mark, NULs come from padded fax-server exports); a vertical tab is Word's line break.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_BLANK_PAGE = re.compile(r"[^\f]*\S[^\f]*")

# One RTF token we rewrite, with escaped backslashes matched first so that "\\page" (a literal backslash
# followed by the word page) is left alone. \cellx (a cell boundary) and \pagebb differ by the lookahead.
_RTF_REWRITE = re.compile(r"\\\\|\\(page|cell|nestcell|nestrow)(?![a-zA-Z0-9-]) ?")
# striprtf's \uN emits chr(N) and skips the one fallback character that follows; \uc1 inside a group of
# our own makes that skip count right whatever \ucN the document set.
_RTF_MARKS = {
    "page": "{\\uc1\\u12?}",
    "cell": "{\\uc1\\u9?}",
    "nestcell": "{\\uc1\\u9?}",
    "nestrow": "{\\uc1\\u10?}",
}
_RTF_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_RTF_BRACES = re.compile(r"\\[\\{}]|[{}]")
# Groups of hex-coded binary data (pictures, OLE objects, themes): megabytes that striprtf would step
# through character by character only to ignore them.
_RTF_BINARY_GROUP = re.compile(
    r"\{\\(?:\*\\)?(?:pict|objdata|datastore|themedata|colorschememapping)(?![a-z])"
)


def decode_text(data: bytes) -> str:
    """Text from bytes: a BOM decides; otherwise UTF-8 if it decodes strictly, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Corrupt("the UTF-16 text ends in the middle of a character") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five byte values undefined; those are shown as U+FFFD rather than refusing the file.
        return data.decode("cp1252", errors="replace")


def pages_from_text(text: str, max_pages: int) -> list[Page]:
    """Flow pages split at form feeds; blank pages dropped, the count bounded before any page is built."""
    text = _CONTROLS.sub("", text.replace("\x0b", "\n"))
    count = sum(1 for _ in _NON_BLANK_PAGE.finditer(text))
    if count > max_pages:
        raise TooManyPages(f"{count} pages; the limit is {max_pages}")
    chunks = [lines for lines in split_flow_text(text) if any(line.strip() for line in lines)]
    return [flow_page(number, lines) for number, lines in enumerate(chunks or [[]], start=1)]


def read_txt(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of a plain-text file."""
    return pages_from_text(decode_text(data), ctx.max_pages)


def read_rtf(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of an RTF file: \\page breaks pages, table cells are tab-separated, a row is one line."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"{\\rtf"):
        raise Corrupt("the RTF header is missing")
    found = _RTF_CODEPAGE.search(start[:4096])
    codepage = f"cp{int(found.group(1))}" if found else "cp1252"
    try:
        source = start.decode(codepage, errors="replace")
    except LookupError:  # a code page Python does not know: the escapes still decode per font charset
        source = start.decode("latin-1")
    if _brace_depth(source) != 0:
        raise Corrupt("the RTF ends before its groups are closed (the file is probably truncated)")
    if "\\bin" not in source:  # raw binary may hold unbalanced braces: then leave the groups to striprtf
        source = _drop_binary_groups(source)
    marked = _RTF_REWRITE.sub(lambda m: _RTF_MARKS.get(m.group(1) or "", m.group(0)), source)
    text = rtf_to_text(marked, encoding=codepage, errors="replace")
    # \uN escapes arrive as UTF-16 code units: join surrogate pairs, replace any that stand alone.
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return pages_from_text(text, ctx.max_pages)


def _drop_binary_groups(source: str) -> str:
    kept: list[str] = []
    position = 0
    while found := _RTF_BINARY_GROUP.search(source, position):
        kept.append(source[position : found.start()])
        position = _group_end(source, found.start())
    kept.append(source[position:])
    return "".join(kept)


def _group_end(source: str, start: int) -> int:
    """Index just past the group opening at ``start`` (the end of the text if it never closes)."""
    depth = 0
    for token in _RTF_BRACES.finditer(source, start):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
            if depth == 0:
                return token.end()
    return len(source)


def _brace_depth(source: str) -> int:
    depth = 0
    for token in _RTF_BRACES.finditer(source):
        if token.group() == "{":
            depth += 1
        elif token.group() == "}":
            depth -= 1
            if depth == 0:
                return 0  # what follows the outer group is ignored, as Word does
    return depth


READERS: tuple[Reader, ...] = (
    Reader("txt", (MIME_BY_FORMAT["txt"],), read_txt),
    Reader("rtf", (MIME_BY_FORMAT["rtf"],), read_rtf),
)
