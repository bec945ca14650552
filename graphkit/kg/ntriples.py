"""N-Triples syntax shared by the graph writer (:mod:`graphkit.kg.build`) and the store (:mod:`graphkit.kg.store`)."""
from __future__ import annotations


def nt_escape(text: str) -> str:
    r"""A literal's lexical form escaped for N-Triples (between its quotes).

    >>> nt_escape('a "b" \\ c\nd')
    'a \\"b\\" \\\\ c\\nd'
    """
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
