"""Tests of notify/: the outbox relay and its sinks."""
