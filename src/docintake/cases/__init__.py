"""The case store's domain: Reference IDs, case records, matching a document to a case, drafts, imports."""
