"""The case store's domain: matching, drafts and their 96-hour life, audit (to come: issue 5)."""
