"""One module per schema revision; the first creates every record of ARCHITECTURE.md."""
