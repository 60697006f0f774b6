"""Synthetic sample documents (no real patient data) and the generator that makes them."""
