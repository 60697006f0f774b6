"""Process set-up done once at an entry point: private files, private scratch space, quiet logs."""

from __future__ import annotations

import logging
import os
import tempfile

from docintake.settings import Settings


def prepare_process(settings: Settings) -> None:
    """Make every file this process creates private, and put temporary files inside the data directory.

    pytesseract and the converters write page images to the temporary folder: they are PHI too.
    """
    os.umask(0o077)
    settings.tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    tempfile.tempdir = str(settings.tmp_dir)
    os.environ["TMPDIR"] = str(settings.tmp_dir)  # for the tools we start (tesseract, soffice)
    os.environ["OMP_THREAD_LIMIT"] = "1"


def configure_logging(verbose: bool = False) -> None:
    """Logs go to stderr and carry ids, codes and counts only (never document text or values)."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # pdfminer reports every oddity of a damaged PDF at WARNING, sometimes quoting content.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
