"""Page images for review: the page the reader saw, rendered once and kept beside the original."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from docintake.review.pages import PageNotFound, PageRenderer
from docintake.settings import Settings
from docintake.storage.blobs import MemoryBlobStore


@pytest.fixture
def renderer(tmp_path):
    return PageRenderer(MemoryBlobStore(), Settings(data_dir=tmp_path))


def _store(renderer, data):
    key = renderer.blobs.put_original(data)
    return key, key.split("/")[0]


def test_a_standard_mode_fax_frame_is_squared_and_each_frame_is_a_page(renderer):
    frames = [Image.new("1", (1728, 1100), 1), Image.new("1", (1728, 1100), 0)]
    data = io.BytesIO()
    frames[0].save(data, format="TIFF", save_all=True, append_images=frames[1:], compression="group4",
                   dpi=(204, 98))
    key, sha = _store(renderer, data.getvalue())
    first, media = renderer.image(key, sha, "tiff", "image/tiff", 1)
    page = Image.open(io.BytesIO(first))
    assert media == "image/png" and page.width == 1275
    assert page.height == pytest.approx(1275 * 1100 * (204 / 98) / 1728, abs=2)  # square pixels
    second = Image.open(io.BytesIO(renderer.image(key, sha, "tiff", "image/tiff", 2)[0]))
    assert second.getpixel((10, 10)) == 0  # the black frame, not the first one again
    with pytest.raises(PageNotFound):
        renderer.image(key, sha, "tiff", "image/tiff", 3)


def test_a_page_turned_by_ocr_is_shown_turned_the_same_way(renderer):
    image = Image.new("L", (400, 200), 255)
    data = io.BytesIO()
    image.save(data, format="PNG")
    key, sha = _store(renderer, data.getvalue())
    turned = Image.open(io.BytesIO(renderer.image(key, sha, "png", "image/png", 1, rotations=[90])[0]))
    assert turned.size == (200, 400)


def test_a_flow_page_is_drawn_from_its_text_and_cached(renderer):
    key, sha = _store(renderer, b"Member ID: W123456789\fsecond page\n")
    data, media = renderer.image(key, sha, "txt", "text/plain", 2)
    assert media == "image/png" and renderer.blobs.exists(f"{sha}/page-0002.flow1.png")
    assert renderer.image(key, sha, "txt", "text/plain", 2)[0] == data
    with pytest.raises(PageNotFound):
        renderer.image(key, sha, "txt", "text/plain", 3)


def test_a_photograph_is_kept_as_jpeg(renderer):
    photo = Image.effect_noise((800, 600), 60).convert("RGB")
    data = io.BytesIO()
    photo.save(data, format="JPEG")
    key, sha = _store(renderer, data.getvalue())
    image, media = renderer.image(key, sha, "jpeg", "image/jpeg", 1)
    assert media == "image/jpeg" and image[:3] == b"\xff\xd8\xff"
