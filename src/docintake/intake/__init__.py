"""Sources and admission: type from the bytes, size and safety limits, quarantine."""
