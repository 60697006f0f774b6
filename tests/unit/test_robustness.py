"""Property: whatever bytes arrive — truncated, mutated or random — admission and reading end in pages or in
a typed refusal. No other exception, and no hang."""

from __future__ import annotations

import signal
from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docintake.errors import IntakeError
from docintake.extractors.registry import ReadContext, builtin_registry
from docintake.intake.admission import AdmissionLimits, admit_bytes
from docintake.settings import Settings
from tests import builders

LIMITS = AdmissionLimits.from_settings(Settings())
# Small bounds keep each example fast: a mutated image must not turn into a long OCR job.
CONTEXT = ReadContext(ocr_timeout_s=20, convert_timeout_s=30, max_page_pixels=4_000_000, max_pages=20)
SECONDS_PER_EXAMPLE = 60


def _small_image(fmt: str) -> Callable[[], bytes]:
    return lambda: builders.image_bytes(fmt, builders.page_image(size=(400, 260)))


SEEDS: dict[str, Callable[[], bytes]] = {
    "pdf": builders.pdf_bytes,
    "docx": builders.docx_bytes,
    "xlsx": builders.xlsx_bytes,
    "xls": builders.xls_bytes,
    "rtf": builders.rtf_bytes,
    "xps": builders.xps_bytes,
    "png": _small_image("PNG"),
    "jpeg": _small_image("JPEG"),
    "bmp": _small_image("BMP"),
    "tiff": _small_image("TIFF"),
    "txt": lambda: b"Member ID: W123456789\nDOB 01/05/1960\n",
}


@cache
def seed(name: str) -> bytes:
    return SEEDS[name]()


@cache
def registry():
    return builtin_registry()


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang(f"no answer within {SECONDS_PER_EXAMPLE} s")


def ends_in_pages_or_refusal(data: bytes) -> None:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS_PER_EXAMPLE)
    try:
        admitted = admit_bytes(data, LIMITS)
        pages = registry().read(admitted.data, admitted.mime, CONTEXT)
        assert isinstance(pages, tuple)
    except IntakeError as error:
        assert error.code and error.message
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = seed(draw(st.sampled_from(sorted(SEEDS))))
    how = draw(st.sampled_from(["truncate", "mutate", "splice"]))
    if how == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    buffer = bytearray(data)
    if how == "mutate":
        for _ in range(draw(st.integers(1, 16))):
            buffer[draw(st.integers(0, len(buffer) - 1))] = draw(st.integers(0, 255))
        return bytes(buffer)
    start = draw(st.integers(0, len(buffer)))
    return bytes(buffer[:start]) + draw(st.binary(max_size=64)) + bytes(buffer[start:])


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@pytest.mark.tesseract
@COMMON
@given(damaged())
def test_damaged_documents_end_in_pages_or_a_refusal(data):
    ends_in_pages_or_refusal(data)


@COMMON
@given(st.binary(max_size=4096))
def test_random_bytes_end_in_pages_or_a_refusal(data):
    ends_in_pages_or_refusal(data)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.sampled_from(sorted(SEEDS)), st.binary(min_size=1, max_size=512))
def test_known_magic_followed_by_junk_is_handled(name, junk):
    ends_in_pages_or_refusal(seed(name)[:8] + junk)
