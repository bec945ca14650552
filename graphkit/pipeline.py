"""The library entry point: inputs → RDF dataset, with a report of what could not be read."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.ingest.article import Article, InputProblem


@dataclass
class BuildResult:
    dataset: object  # rdflib.Dataset
    articles: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    facts: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def extract_all(articles: Iterable[Article | InputProblem], *, on_article: Callable | None = None,
                keep_facts: bool = False):
    """Extract facts from each article; problems are passed through. Yields ArticleFacts or InputProblem."""
    from graphkit.extract.article import extract

    for item in articles:
        if isinstance(item, InputProblem):
            yield item
            continue
        try:
            facts = extract(item)
        except Exception as e:  # one bad article must not stop the batch
            yield InputProblem(item.source, f"extraction failed ({type(e).__name__}: {e}); please report this article")
            continue
        if on_article:
            on_article(item)
        yield facts


def build(inputs: Sequence[str | Path], *, max_bytes: int = 10_000_000, on_article: Callable | None = None,
          keep_facts: bool = False) -> BuildResult:
    """Build the graph of ``inputs`` (files, directories, corpora).

    Returns the dataset (one named graph per article), the ids of the articles built and the
    inputs that could not be read. Never prints.
    """
    from graphkit.ingest.readers import iter_articles
    from graphkit.kg.build import article_quads
    from graphkit.kg.namespaces import bind_all

    from rdflib import Dataset

    ds = Dataset()
    bind_all(ds)
    result = BuildResult(ds)
    seen: dict[str, str] = {}
    for item in extract_all(iter_articles(list(inputs), max_bytes=max_bytes), on_article=on_article):
        if isinstance(item, InputProblem):
            result.problems.append(item)
            continue
        aid = item.article.id
        if aid in seen:
            result.problems.append(InputProblem(item.article.source,
                                                f"duplicate article id '{aid}' (also {seen[aid]}); kept the first"))
            continue
        seen[aid] = item.article.source
        ds.addN(article_quads(item))
        result.articles.append(aid)
        if keep_facts:
            result.facts.append(item)
    return result
