"""Benchmarks that print numbers (`make bench`); never run by the tests."""
