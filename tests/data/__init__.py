"""Test data: the golden graph, the resolution articles, the dateline table (the seed facts are graphkit.examples)."""
