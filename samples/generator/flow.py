"""Plain text (UTF-8, UTF-16 with BOM, cp1252) and hand-written RTF with page breaks and cp1252 escapes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from samples.generator.document import KV, Banner, Checks, Doc, Gap, PageBreak, Rule, Table, Text, Title

TXT_ENCODINGS = {"txt_utf8": "utf-8", "txt_utf16": "utf-16", "txt_cp1252": "cp1252"}


def to_text(doc: Doc) -> str:
    """The document as fixed-width text; page breaks become form feeds."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Title):
            lines += [block.text.upper() if block.align == "center" else block.text, "=" * min(72, len(block.text))]
        elif isinstance(block, Banner):
            lines += [block.text, block.sub, ""]
        elif isinstance(block, Text):
            for para in block.text.split("\n"):
                lines += textwrap.wrap(para, 78) or [""]
            lines.append("")
        elif isinstance(block, KV):
            if block.heading:
                lines += ["", block.heading.upper()]
            if doc.style.kv == "stacked":
                lines += _stacked_lines(block)
            else:
                width = max(len(label) for label, _ in block.rows) + 2
                lines += [f"{label + ':':<{width}} {value}" for label, value in block.rows]
            lines.append("")
        elif isinstance(block, Table):
            lines += _text_table(block)
        elif isinstance(block, Checks):
            boxes = "  ".join(f"[{'X' if c else ' '}] {label}" for label, c, _ in block.items)
            lines.append(f"{block.label} {boxes}".strip())
        elif isinstance(block, Rule):
            lines.append("-" * 72)
        elif isinstance(block, Gap):
            lines.append("")
        elif isinstance(block, PageBreak):
            lines.append("\f")
    return "\n".join(lines).replace("\n\f\n", "\f") + "\n"


def _stacked_lines(block: KV) -> list[str]:
    """Labels on one line, their values on the next, in columns (a grid form as fixed-width text)."""
    chunks = [block.rows[i:i + block.cols] for i in range(0, len(block.rows), block.cols)]
    widths = [max(len(text) for chunk in chunks if j < len(chunk) for text in chunk[j]) + 3
              for j in range(block.cols)]
    out: list[str] = []
    for chunk in chunks:
        out.append("".join(f"{label:<{widths[j]}}" for j, (label, _) in enumerate(chunk)).rstrip())
        out.append("".join(f"{value:<{widths[j]}}" for j, (_, value) in enumerate(chunk)).rstrip())
    return out


def _text_table(block: Table) -> list[str]:
    widths = [max(len(row[i]) for row in (block.header, *block.rows)) for i in range(len(block.header))]
    out = [block.heading.upper()] if block.heading else []
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out.append(fmt.format(*block.header).rstrip())
    out.append("  ".join("-" * w for w in widths))
    out += [fmt.format(*row).rstrip() for row in block.rows]
    return [*out, ""]


def write_txt(doc: Doc, out: Path, kind: str) -> int:
    """Write text in the kind's encoding (cp1252 with CRLF, as Windows tools save it); returns the page count."""
    text = to_text(doc)
    if kind == "txt_cp1252":
        text = text.replace("\n", "\r\n")
    out.write_bytes(text.encode(TXT_ENCODINGS[kind]))
    return text.count("\f") + 1


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                code = ord(ch)
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


_RTF_FONTS = {"courier": 2, "liberation_mono": 2, "helvetica": 1, "dejavu_sans": 1, "liberation_sans": 1}


def write_rtf(doc: Doc, out: Path) -> int:
    """Hand-written RTF 1.x (ansicpg1252): bold labels, a real table, `\\page` breaks; returns the page count."""
    e = _rtf_escape
    font = _RTF_FONTS.get(doc.style.font, 0)
    half_points = int(doc.style.size * 2 + 2)
    parts = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1033",
        "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}"
        "{\\f2\\fmodern\\fcharset0 Courier New;}}",
        "{\\info{\\title " + e(doc.title) + "}{\\author docintake samples generator}}",
        f"\\paperw12240\\paperh15840\\margl1080\\margr1080\\f{font}\\fs{half_points}",
    ]
    for block in doc.blocks:
        if isinstance(block, Title):
            align = "\\qc" if block.align == "center" else "\\ql"
            parts.append(f"{{\\pard{align}\\b\\fs{int(block.size * 2)} {e(block.text)}\\par}}")
        elif isinstance(block, Banner):
            parts.append(f"{{\\pard\\b\\fs28 {e(block.text)}\\par}}{{\\pard {e(block.sub)}\\par}}")
        elif isinstance(block, Text):
            body = "\\line ".join(e(line) for line in block.text.split("\n"))
            bold = "\\b" if block.bold else ""
            parts.append(f"{{\\pard\\sa120{bold} {body}\\par}}")
        elif isinstance(block, KV):
            if block.heading:
                parts.append(f"{{\\pard\\b {e(block.heading)}\\par}}")
            if doc.style.kv == "stacked":
                for i in range(0, len(block.rows), block.cols):
                    chunk = block.rows[i:i + block.cols]
                    parts.append(_rtf_table(Table(tuple(label for label, _ in chunk), (tuple(v for _, v in chunk),))))
            else:
                parts += [f"{{\\pard{{\\b {e(label)}:}} {e(value)}\\par}}" for label, value in block.rows]
        elif isinstance(block, Table):
            parts.append(_rtf_table(block))
        elif isinstance(block, Checks):
            boxes = "   ".join(f"[{'X' if c else ' '}] {e(label)}" for label, c, _ in block.items)
            parts.append(f"{{\\pard {e(block.label)} {boxes}\\par}}")
        elif isinstance(block, (Rule, Gap)):
            parts.append("{\\pard\\par}")
        elif isinstance(block, PageBreak):
            parts.append("\\page")
    parts.append("}")
    out.write_bytes("\n".join(parts).encode("ascii"))
    return doc.explicit_pages


def _rtf_table(block: Table) -> str:
    total = 10080  # twips between the margins
    weights = block.widths or tuple(1.0 for _ in block.header)
    edges, acc = [], 0.0
    for w in weights:
        acc += total * w / sum(weights)
        edges.append(int(acc))
    borders = "\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs"
    rowdef = "\\trowd\\trgaph70" + "".join(f"{borders}\\cellx{x}" for x in edges)
    rows = []
    for r, row in enumerate((block.header, *block.rows)):
        bold = "\\b" if r == 0 else ""
        cells = "".join(f"\\pard\\intbl{bold} {_rtf_escape(c)}\\b0\\cell " for c in row)
        rows.append(f"{rowdef}\n{cells}\\row")
    heading = f"{{\\pard\\b {_rtf_escape(block.heading)}\\par}}\n" if block.heading else ""
    return heading + "\n".join(rows) + "\n\\pard\\par"
