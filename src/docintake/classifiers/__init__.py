"""Document type, splitting of multi-document faxes, review routing."""
