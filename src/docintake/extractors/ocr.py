"""OCR of one page image with Tesseract (LSTM engine, one thread per process; parallelism is ours)."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass

import pytesseract
from PIL import Image

from docintake.errors import ProcessingFailed, TooManyPixels
from docintake.extractors.registry import ReadContext
from docintake.model import BBox, Page, PageSource, Word

log = logging.getLogger(__name__)

# Below this mean word confidence (or with too few real words) a page may be upside down or sideways;
# only then is orientation detection (a second Tesseract run) worth its cost.
_ORIENTATION_SUSPECT_CONF = 0.6
_ORIENTATION_SUSPECT_WORDS = 8
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]{2,}")


@dataclass(frozen=True, slots=True)
class _Run:
    words: tuple[Word, ...]
    text: str

    @property
    def quality(self) -> float:
        """Sum of confidences of word-like tokens: more readable words, read surely, is better."""
        return sum(w.confidence for w in self.words if _ALNUM_WORD.search(w.text))

    @property
    def mean_confidence(self) -> float:
        real = [w.confidence for w in self.words if _ALNUM_WORD.search(w.text)]
        return sum(real) / len(real) if real else 0.0


def _tesseract_env() -> None:
    # pytesseract passes our environment to every tesseract process it starts; OpenMP threads in
    # Tesseract make a fax page ten times slower on a busy two-core machine.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def prepare(image: Image.Image, ctx: ReadContext) -> Image.Image:
    """Bound the size and reduce the image to a mode Tesseract reads fast (bilevel or grey)."""
    if image.width * image.height > ctx.max_page_pixels:
        raise TooManyPixels(f"{image.width}x{image.height} pixels; the limit is {ctx.max_page_pixels}")
    if image.mode in ("1", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").split()[-1])
        image = background
    return image.convert("L")


def _run_tesseract(image: Image.Image, ctx: ReadContext, psm: int = 3) -> _Run:
    _tesseract_env()
    pytesseract.pytesseract.tesseract_cmd = ctx.tesseract_cmd
    try:
        data = pytesseract.image_to_data(
            image,
            lang=ctx.ocr_language,
            config=f"--oem 1 --psm {psm}",
            output_type=pytesseract.Output.DICT,
            timeout=ctx.ocr_timeout_s,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise ProcessingFailed("the OCR engine (tesseract) is not installed") from exc
    except RuntimeError as exc:  # pytesseract signals its timeout as RuntimeError
        raise ProcessingFailed("OCR of a page timed out") from exc
    except pytesseract.TesseractError as exc:
        raise ProcessingFailed(f"the OCR engine failed with status {exc.status}") from exc
    width, height = image.size
    words: list[Word] = []
    line_ids: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line = line_ids.setdefault(key, len(line_ids))
        left, top = data["left"][i], data["top"][i]
        bbox = BBox.from_points(left, top, left + data["width"][i], top + data["height"][i], width, height)
        words.append(Word(text, bbox, round(min(max(conf / 100.0, 0.0), 1.0), 4), line))
    return _Run(tuple(words), _text_by_blocks(words, line_ids))


def _text_by_blocks(words: list[Word], line_ids: dict[tuple[int, int, int], int]) -> str:
    """Lines joined by newlines; a blank line between Tesseract's blocks and paragraphs."""
    para_of_line = {line: key[:2] for key, line in line_ids.items()}
    out: list[str] = []
    current_line, current_para = -1, None
    for word in words:
        if word.line != current_line:
            para = para_of_line[word.line]
            if out:
                out.append("\n\n" if para != current_para else "\n")
            current_line, current_para = word.line, para
        else:
            out.append(" ")
        out.append(word.text)
    return "".join(out)


def _detect_rotation(image: Image.Image, ctx: ReadContext) -> int:
    """Degrees clockwise to turn the image upright, by Tesseract's orientation detection (0 if unsure)."""
    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(
            image, config="--psm 0 -c min_characters_to_try=10", output_type=pytesseract.Output.DICT,
            timeout=ctx.ocr_timeout_s,
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too little text to tell: leave the page as it is
    return int(osd.get("rotate", 0)) % 360


def ocr_page(image: Image.Image, ctx: ReadContext, number: int, *, fix_orientation: bool = True,
             width_pt: float | None = None, height_pt: float | None = None) -> Page:
    """Read one page image; if it reads badly, try it turned upright by orientation detection."""
    image = prepare(image, ctx)
    run = _run_tesseract(image, ctx)
    rotation = 0
    suspect = run.mean_confidence < _ORIENTATION_SUSPECT_CONF or sum(
        1 for w in run.words if _ALNUM_WORD.search(w.text)
    ) < _ORIENTATION_SUSPECT_WORDS
    if fix_orientation and suspect:
        turn = _detect_rotation(image, ctx)
        if turn:
            # PIL rotates counter-clockwise; OSD reports the clockwise turn that makes the page upright.
            turned = image.rotate(-turn, expand=True)
            second = _run_tesseract(turned, ctx)
            if second.quality > run.quality:
                run, rotation = second, turn
                if turn in (90, 270):
                    width_pt, height_pt = height_pt, width_pt
    return Page(number=number, words=run.words, text=run.text, source=PageSource.OCR,
                width_pt=width_pt, height_pt=height_pt, rotation=rotation)
