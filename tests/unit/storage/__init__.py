"""Tests of docintake.storage."""
