"""docintake: fax and document intake for a prior-authorization provider portal."""

__version__ = "0.1.0"
