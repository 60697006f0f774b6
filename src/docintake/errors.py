"""One error tree: every refusal and failure carries a code, whether a retry may help, and what to do.

Messages never contain document text or field values: only sizes, counts and codes.
"""

from __future__ import annotations

from typing import ClassVar


class IntakeError(Exception):
    """Base of every error docintake reports about a document."""

    code: ClassVar[str] = "processing_failed"
    retryable: ClassVar[bool] = False
    advice: ClassVar[str] = "The document could not be processed."

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The advice for a person, with the (value-free) detail of this case."""
        return f"{self.advice} ({self.detail})" if self.detail else self.advice


class Refusal(IntakeError):
    """The file itself cannot be taken in; a person must send a different file."""


class EmptyFile(Refusal):
    code = "empty"
    advice = "The file is empty. Ask the sender to send the document again."


class TooLarge(Refusal):
    code = "too_large"
    advice = (
        "The file is larger than the 25 MB limit per attachment. Ask the sender to split it into smaller "
        "files or to send it with fewer pages per file."
    )


class UnsupportedFormat(Refusal):
    code = "unsupported_format"
    advice = (
        "The file is not one of the accepted formats (pdf, txt, png, jpg/jpeg, bmp, tif/tiff, doc, docx, xls, "
        "xlsx, rtf, xps), whatever its name says. Ask the sender to save it as PDF and send it again."
    )


class Encrypted(Refusal):
    code = "encrypted"
    advice = (
        "The file is protected by a password. Ask the sender for an unprotected copy; do not ask for the "
        "password."
    )


class Corrupt(Refusal):
    code = "corrupt"
    advice = (
        "The file is damaged or incomplete and cannot be read. Ask the sender to send it again, ideally as PDF."
    )


class SuspiciousArchive(Refusal):
    code = "suspicious_archive"
    advice = (
        "The file expands to far more data than a real document would (a possible archive bomb). It was not "
        "opened. Ask the sender to save it again or send it as PDF; report it to security if it keeps coming."
    )


class TooManyPixels(Refusal):
    code = "too_many_pixels"
    advice = (
        "An image in the file is larger than any scanned or faxed page should be. Ask the sender to scan it "
        "at 300 dpi or less and send it again."
    )


class TooManyPages(Refusal):
    code = "too_many_pages"
    advice = "The file has more pages than one submission may have. Ask the sender to split it into parts."


class ProcessingFailed(IntakeError):
    """Reading failed for a reason that is ours, not the file's; the original is kept and may be retried."""

    code = "processing_failed"
    retryable = True
    advice = (
        "The document could not be processed because of a problem on our side. The original is kept; "
        "retry it later or ask an administrator to check the OCR and conversion tools."
    )


REFUSAL_CODES: tuple[str, ...] = (
    "empty",
    "too_large",
    "unsupported_format",
    "encrypted",
    "corrupt",
    "suspicious_archive",
    "too_many_pixels",
    "too_many_pages",
    "processing_failed",
)
