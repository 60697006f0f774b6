"""Tests of docintake.queue."""
