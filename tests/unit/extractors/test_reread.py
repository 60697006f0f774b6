"""The second reading of value-like OCR words: which words, how the strip maps back, how readings reconcile."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image

from docintake.extractors import ocr, reread
from docintake.extractors.ocr import ocr_page
from docintake.model import BBox, Word

from ._pdf_fixtures import page_picture


def _w(text: str, conf: float, line: int = 0) -> Word:
    return Word(text, BBox(0.1, 0.1, 0.3, 0.12), conf, line)


def test_only_unsure_value_like_words_are_read_again():
    words = (_w("Member", 0.6), _w("W123456789", 0.8), _w("12/01/2026", 0.7), _w("J0178", 0.9),
             _w("96365", 0.97), _w("a1", 0.5), Word("M17.11", None, 0.5))
    # Words without digits, words read surely, too short to be a value, and flow words (no box) are left alone.
    assert reread.candidates(words) == [1, 2, 3]


def test_the_strip_stacks_enlarged_crops_and_maps_readings_back_by_position():
    image = Image.new("L", (1000, 1000), 255)
    words = (Word("A1234", BBox(0.1, 0.1, 0.2, 0.12), 0.5), Word("B5678", BBox(0.5, 0.5, 0.6, 0.52), 0.5))
    strip, slots = reread.build_strip(image, words, [0, 1])
    assert strip.mode == "L" and strip.height > slots[-1].bottom
    assert [s.index for s in slots] == [0, 1]
    assert slots[0].bottom < slots[1].top  # one under another
    assert slots[0].bottom - slots[0].top >= 60  # a 20 px word enlarged towards 64 px
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        f"5\t1\t1\t1\t1\t1\t30\t{slots[1].top + 5}\t50\t40\t91.5\tB5678",
        f"5\t1\t1\t1\t1\t1\t90\t{slots[0].top + 5}\t50\t40\t88.0\t34",  # a word split in two: joined
        f"5\t1\t1\t1\t1\t1\t30\t{slots[0].top + 5}\t50\t40\t96.0\tA12",
        "5\t1\t1\t1\t1\t1\t30\t5\t50\t40\t-1\t",  # an empty cell
    ]
    second = reread.parse_strip(ocr.tsv_words("\n".join([header, *rows])), slots)
    assert second == {0: ("A1234", 0.88), 1: ("B5678", 0.915)}


def test_readings_that_agree_keep_the_surer_confidence_and_disagreement_the_lower():
    words = (_w("W123456789", 0.8), _w("W12345678S", 0.6), _w("10/12/1960", 0.85))
    second = {0: ("W123456789", 0.93), 1: ("W123456789", 0.9), 2: ("10/12/1966", 0.7)}
    out, agreed, changed = reread.reconcile(words, second)
    assert (out[0].text, out[0].confidence) == ("W123456789", 0.93)
    assert (out[1].text, out[1].confidence) == ("W123456789", 0.6)  # the surer reading, the doubt kept
    assert (out[2].text, out[2].confidence) == ("10/12/1960", 0.7)  # the first reading was surer
    assert (agreed, changed) == (1, 1)


def test_the_page_text_follows_the_reconciled_words():
    run = ocr._Run((Word("ID:", None, 0.9, 0), Word("W12", None, 0.5, 0), Word("Next", None, 0.9, 1)),
                   "ID: W12\n\nNext")
    words = (run.words[0], replace(run.words[1], text="W123"), run.words[2])
    assert ocr._retext(run, words) == "ID: W123\n\nNext"


def test_a_page_read_with_a_second_look_keeps_its_values(ctx):
    picture = page_picture(("Member ID: W123456789", "DOB: 01/05/1960"), font_px=22)
    first = ocr_page(picture, replace(ctx, ocr_reread=False), 1)
    second = ocr_page(picture, ctx, 1)
    assert [w.text for w in second.words] == [w.text for w in first.words]
    assert "W123456789" in second.text and "01/05/1960" in second.text
