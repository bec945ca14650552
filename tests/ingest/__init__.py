"""Tests of graphkit.ingest: readers, metadata and datelines."""
