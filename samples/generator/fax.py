"""Real fax TIFFs from Ghostscript's fax devices (G4 fine, G3 standard), and a copy without DPI tags."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PIL import Image

FAX_MODES = {
    "fine": ("tiffg4", "204x196"),
    "standard": ("tiffg3", "204x98"),
}
_TIFF_DATETIME = re.compile(rb"\d{4}:\d\d:\d\d \d\d:\d\d:\d\d\x00")


def gs(*args: str) -> None:
    """Run Ghostscript safely and quietly; a failure stops the run."""
    subprocess.run(["gs", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-q", *args], check=True)


def pdf_to_fax_tiff(pdf: Path, out: Path, mode: str, received: dt.datetime) -> None:
    """A multi-page fax TIFF; Ghostscript's DateTime tag is set to the fax's time so reruns give the same bytes."""
    device, resolution = FAX_MODES[mode]
    gs(f"-sDEVICE={device}", f"-r{resolution}", f"-sOutputFile={out}", str(pdf))
    stamp = received.strftime("%Y:%m:%d %H:%M:%S").encode() + b"\x00"
    out.write_bytes(_TIFF_DATETIME.sub(stamp, out.read_bytes()))


def strip_dpi(src: Path, out: Path) -> None:
    """Rewrite a G4 TIFF without resolution tags, as some fax servers deliver it."""
    with Image.open(src) as im:
        # copy() drops the TIFF tag directory, which Pillow would otherwise carry over (resolution included).
        frames = []
        for i in range(im.n_frames):
            im.seek(i)
            frames.append(im.copy())
    frames[0].save(out, format="TIFF", compression="group4", save_all=True, append_images=frames[1:])
    with Image.open(out) as check:
        if 282 in check.tag_v2 or 283 in check.tag_v2:
            raise RuntimeError(f"{out} still carries DPI tags")
