"""Tests of docintake.cases."""
