"""Reading articles: text files, saved web pages and JSONL corpora, with title and date."""
from __future__ import annotations

from graphkit.ingest.article import Article, InputProblem
from graphkit.ingest.metadata import find_date, find_title
from graphkit.ingest.readers import iter_articles

__all__ = ["Article", "InputProblem", "iter_articles", "find_date", "find_title"]
