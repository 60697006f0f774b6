"""Document type, splitting of multi-document faxes, review routing (to come: issue 4)."""
