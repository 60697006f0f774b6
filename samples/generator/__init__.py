"""Deterministic generator of the synthetic samples corpus: documents in every accepted format plus expected JSON."""

DEFAULT_SEED = 20261124
