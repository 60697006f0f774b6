"""OCR of one page image with Tesseract through pytesseract (LSTM engine, one thread per process;
parallelism is ours).

pytesseract hands the page to Tesseract through a temporary file; the entry points point Python's temporary
folder at the private scratch folder inside the data directory (runtime.prepare_process), so page pixels
never land in the shared /tmp.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass

import pytesseract
from PIL import Image

from docintake.errors import ProcessingFailed, TooManyPixels
from docintake.extractors import reread
from docintake.extractors.registry import ReadContext
from docintake.model import BBox, Page, PageSource, Word

log = logging.getLogger(__name__)

# Measured on synthetic fax pages: upright pages read at a mean word confidence of 0.88-0.97 (noisy, blurred,
# standard-mode ones included), upside-down and 90°-counter-clockwise pages at 0.14-0.32. Only below this
# does orientation detection (a second Tesseract run, slower than the first) earn its cost.
_ORIENTATION_SUSPECT_CONF = 0.6
_OSD_MIN_CONFIDENCE = 2.0  # Tesseract's orientation confidence below which its answer is a guess
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]{2,}")
_MIN_DPI, _MAX_DPI = 50.0, 1200.0
_SQUARE_ENOUGH = 0.05  # relative x/y resolution difference Tesseract does not notice

# PIL transposes that turn an image clockwise by the key's degrees.
_TURN_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True, slots=True)
class _Run:
    words: tuple[Word, ...]
    text: str

    @property
    def _real(self) -> list[Word]:
        return [w for w in self.words if _ALNUM_WORD.search(w.text)]

    @property
    def quality(self) -> float:
        """Sum of confidences of word-like tokens: more readable words, read surely, is better."""
        return sum(w.confidence for w in self._real)

    @property
    def mean_confidence(self) -> float:
        real = self._real
        return sum(w.confidence for w in real) / len(real) if real else 0.0

    @property
    def sideways(self) -> bool:
        """Most words are taller than wide: Tesseract found text lines running up or down the image."""
        boxes = [w.bbox for w in self._real if len(w.text) >= 3 and w.bbox is not None]
        tall = sum(1 for b in boxes if (b.y1 - b.y0) > (b.x1 - b.x0))
        return tall >= 3 and tall > 0.6 * len(boxes)


def credible_dpi(value: float | None) -> float | None:
    """A resolution worth believing, or None (a missing, zero or absurd tag)."""
    return float(value) if value and _MIN_DPI <= value <= _MAX_DPI else None


def square_pixels(image: Image.Image, xdpi: float, ydpi: float) -> Image.Image:
    """Stretch the coarser axis of an image with non-square pixels (fax standard mode, 204×98 dpi) to match.

    Tesseract assumes square pixels; squashed glyphs cost it digits in member IDs. Fine mode (204×196) is
    square enough to leave alone. A bilevel page is stretched in grey with bicubic interpolation, which smooths
    the doubled rows into strokes Tesseract's own thresholding reads better than repeated pixel rows (tune OCR
    F1 0.926 -> 0.932 against nearest-neighbour rows).
    """
    if abs(xdpi - ydpi) <= _SQUARE_ENOUGH * max(xdpi, ydpi):
        return image
    if image.mode == "1":
        image = image.convert("L")
    resample = Image.Resampling.NEAREST if image.mode == "P" else Image.Resampling.BICUBIC
    if ydpi < xdpi:
        return image.resize((image.width, round(image.height * xdpi / ydpi)), resample)
    return image.resize((round(image.width * ydpi / xdpi), image.height), resample)


def prepare(image: Image.Image, ctx: ReadContext) -> Image.Image:
    """Bound the size and reduce the image to a mode Tesseract reads fast (bilevel or grey)."""
    if image.width * image.height > ctx.max_page_pixels:
        raise TooManyPixels(f"{image.width}x{image.height} pixels; the limit is {ctx.max_page_pixels}")
    if image.mode in ("1", "L"):
        return image
    if image.mode.startswith("I;16") or image.mode == "I":
        # 16-bit greys: convert("L") would clip everything above 255 to white.
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return image.convert("L")


def _tesseract(image: Image.Image, ctx: ReadContext, config: str, *, osd: bool = False) -> str:
    """Tesseract's TSV (or orientation report) for one image."""
    # OpenMP threads in Tesseract make a fax page ten times slower on a busy two-core machine; pytesseract
    # passes our environment to every Tesseract process it starts.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pytesseract.pytesseract.tesseract_cmd = ctx.tesseract_cmd
    try:
        if osd:
            return str(pytesseract.image_to_osd(image, config=config, timeout=ctx.ocr_timeout_s))
        return str(pytesseract.image_to_data(image, lang=ctx.ocr_language, config=config, timeout=ctx.ocr_timeout_s))
    except pytesseract.TesseractNotFoundError as exc:
        raise ProcessingFailed("the OCR engine (tesseract) is not installed") from exc
    except pytesseract.TesseractError as exc:
        raise ProcessingFailed(f"the OCR engine failed with status {exc.status}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise ProcessingFailed(f"OCR of a page took longer than {ctx.ocr_timeout_s:g} s") from exc


def _recognize(image: Image.Image, ctx: ReadContext, dpi: int | None) -> _Run:
    tsv = _tesseract(image, ctx, f"--oem 1 --psm 3{f' --dpi {dpi}' if dpi else ''}")
    width, height = image.size
    words: list[Word] = []
    line_ids: dict[tuple[str, str, str], int] = {}
    for r in tsv_words(tsv):
        line = line_ids.setdefault(r.line_key, len(line_ids))
        bbox = BBox.from_points(r.left, r.top, r.left + r.width, r.top + r.height, width, height)
        words.append(Word(r.text, bbox, round(r.confidence, 4), line))
    return _Run(tuple(words), _text_by_blocks(words, line_ids))


@dataclass(frozen=True, slots=True)
class TsvWord:
    """One word row of Tesseract's TSV: its text, confidence (0..1), pixel box and (block, paragraph, line)."""

    text: str
    confidence: float
    left: int
    top: int
    width: int
    height: int
    line_key: tuple[str, str, str]


def tsv_words(tsv: str) -> list[TsvWord]:
    """The words of Tesseract's TSV output (level 5 rows with text and a confidence)."""
    out = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text, conf = cols[11].strip(), float(cols[10])
        if not text or conf < 0:
            continue
        left, top, w, h = (int(c) for c in cols[6:10])
        out.append(TsvWord(text, min(max(conf / 100.0, 0.0), 1.0), left, top, w, h, (cols[2], cols[3], cols[4])))
    return out


def _text_by_blocks(words: list[Word], line_ids: dict[tuple[str, str, str], int]) -> str:
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


def _detect_rotation(image: Image.Image, ctx: ReadContext) -> int | None:
    """Degrees clockwise to turn the image upright by Tesseract's orientation detection; None if unsure."""
    try:
        osd = _tesseract(image, ctx, "--psm 0 -c min_characters_to_try=10", osd=True)
    except ProcessingFailed:
        return None  # Tesseract exits non-zero when there is too little text to tell
    fields = dict(line.split(":", 1) for line in osd.splitlines() if ":" in line)
    try:
        rotate = int(fields["Rotate"].strip()) % 360
        confidence = float(fields["Orientation confidence"].strip())
    except (KeyError, ValueError):
        return None
    return rotate if confidence >= _OSD_MIN_CONFIDENCE else None


def turn_box(box: BBox, turn: int) -> BBox:
    """The box (fractions) after its page is turned ``turn`` degrees clockwise."""
    if turn == 90:
        return BBox(round(1 - box.y1, 5), box.x0, round(1 - box.y0, 5), box.x1)
    if turn == 180:
        return BBox(round(1 - box.x1, 5), round(1 - box.y1, 5), round(1 - box.x0, 5), round(1 - box.y0, 5))
    if turn == 270:
        return BBox(box.y0, round(1 - box.x1, 5), box.y1, round(1 - box.x0, 5))
    return box


def _runs_downward(run: _Run) -> bool:
    """Whether consecutive words of a line mostly move down the image (text turned 90° clockwise)."""
    down = up = 0
    for prev, word in zip(run.words, run.words[1:], strict=False):
        if prev.line != word.line or prev.bbox is None or word.bbox is None:
            continue
        if word.bbox.y0 > prev.bbox.y0:
            down += 1
        elif word.bbox.y0 < prev.bbox.y0:
            up += 1
    return down >= up


def _upright(image: Image.Image, run: _Run, ctx: ReadContext, dpi: int | None) -> tuple[_Run, int]:
    """The best reading of the page and the clockwise turn (degrees) it needed."""
    if not run._real:
        return run, 0  # blank or speckle: nothing to orient by
    if run.mean_confidence >= _ORIENTATION_SUSPECT_CONF:
        if not run.sideways:
            return run, 0
        # Tesseract reads a page lying 90° clockwise well, along vertical lines: turn its boxes, not the
        # page, and save two more runs.
        turn = 270 if _runs_downward(run) else 90
        words = tuple(Word(w.text, turn_box(w.bbox, turn) if w.bbox else None, w.confidence, w.line)
                      for w in run.words)
        return _Run(words, run.text), turn
    turn = _detect_rotation(image, ctx)
    if not turn:
        # OSD unsure (little text) or says upright: the way Tesseract misreads tells the likely turn.
        turn = 90 if run.sideways else 180
    second = _recognize(image.transpose(_TURN_CLOCKWISE[turn]), ctx, dpi)
    if second.quality > run.quality:
        return second, turn
    return run, 0


def _reread(upright: Image.Image, run: _Run, ctx: ReadContext, number: int) -> _Run:
    """The run with its value-like words read a second time, enlarged (see `reread`)."""
    picked = reread.candidates(run.words)
    if not picked:
        return run
    strip, slots = reread.build_strip(upright, run.words, picked)
    if not slots:
        return run
    try:
        tsv = _tesseract(strip, ctx, "--oem 1 --psm 6")
    except ProcessingFailed:
        log.warning("ocr page %d: the second reading failed; the first stands", number)
        return run
    words, agreed, changed = reread.reconcile(run.words, reread.parse_strip(tsv_words(tsv), slots))
    log.debug("ocr page %d: %d words read again, %d agreed, %d changed", number, len(slots), agreed, changed)
    return _Run(words, _retext(run, words))


def _retext(run: _Run, words: tuple[Word, ...]) -> str:
    """The run's text with its words replaced by ``words`` (same order), separators kept."""
    out: list[str] = []
    at = 0
    for old, new in zip(run.words, words, strict=True):
        found = run.text.find(old.text, at)
        if found < 0:
            return run.text  # cannot happen: the text is the words joined; keep the first reading if it does
        out.append(run.text[at:found])
        out.append(new.text)
        at = found + len(old.text)
    out.append(run.text[at:])
    return "".join(out)


def ocr_page(image: Image.Image, ctx: ReadContext, number: int, *, fix_orientation: bool = True,
             width_pt: float | None = None, height_pt: float | None = None) -> Page:
    """Read one page image; if it reads badly or sideways, turn it upright (boxes are of the upright page)."""
    image = prepare(image, ctx)
    dpi = round(image.width * 72 / width_pt) if width_pt else None
    dpi = dpi if credible_dpi(dpi) else None
    run = _recognize(image, ctx, dpi)
    rotation = 0
    if fix_orientation:
        run, rotation = _upright(image, run, ctx, dpi)
    if ctx.ocr_reread:
        run = _reread(image if not rotation else image.transpose(_TURN_CLOCKWISE[rotation]), run, ctx, number)
    if rotation in (90, 270):
        width_pt, height_pt = height_pt, width_pt
    log.debug("ocr page %d: %d words, rotation %d", number, len(run.words), rotation)
    return Page(number=number, words=run.words, text=run.text, source=PageSource.OCR,
                width_pt=width_pt, height_pt=height_pt, rotation=rotation)
