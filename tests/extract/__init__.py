"""Tests of graphkit.extract: one module per extraction concern, tables of real sentences."""
