"""Readers (bytes -> pages of words with boxes and confidences), OCR, and later the field recognizers."""
