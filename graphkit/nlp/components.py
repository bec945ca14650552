"""spaCy components of the graphkit pipeline, registered with the ``graphkit_`` prefix (spaCy does not allow dots in names).

* ``graphkit_sentences``: sentence starts at line breaks and after ``. ! ? …`` before a capital,
  a digit or a quote (:mod:`graphkit.nlp.sentences`).
* ``graphkit_places``: provinces and districts (``doc.spans["places"]``, label PROVINCE/DISTRICT),
  from the gazetteers in ``graphkit/data``.
* ``graphkit_directives``: numbered documents (``doc.spans["directives"]``, label DIRECTIVE), the
  parsed value in ``span._.directive`` … kept in ``doc.user_data["directives"]`` to stay picklable.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("graphkit_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts (:func:`graphkit.nlp.sentences.sentence_spans`); their (start, end) character
    offsets also in ``doc.user_data["sentences"]``."""
    import numpy

    from spacy.attrs import IDX, SENT_START

    from graphkit.nlp.sentences import sentence_spans

    n = len(doc)
    spans = sentence_spans(_text(doc)) if n else []
    doc.user_data["sentences"] = spans
    if not n:
        return doc
    idx = doc.to_array(IDX)
    starts = numpy.full(n, -1, dtype="int64")
    starts[numpy.searchsorted(idx, [a for a, _b in spans])] = 1
    doc.from_array([SENT_START], starts.reshape(n, 1).view("uint64"))
    return doc


def _text(doc: Doc) -> str:
    """The text of the doc; ``Doc.text`` rebuilds it from the tokens at every call."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _spans(doc: Doc, matches, label_of) -> list:
    out = []
    for m in matches:
        span = doc.char_span(m.start, m.end, label=label_of(m), alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


@Language.component("graphkit_places")
def places(doc: Doc) -> Doc:
    from graphkit.extract.places import find_districts, find_provinces

    day = doc.user_data.get("date")
    provs = find_provinces(_text(doc), on=day)
    dists = find_districts(_text(doc))
    doc.user_data["provinces"] = provs
    doc.user_data["districts"] = dists
    doc.spans["places"] = _spans(doc, provs, lambda m: "PROVINCE") + _spans(doc, dists, lambda m: "DISTRICT")
    return doc


@Language.component("graphkit_directives")
def directives(doc: Doc) -> Doc:
    from graphkit.extract.directives import find_directives

    found = find_directives(_text(doc), article_date=doc.user_data.get("date"))
    doc.user_data["directives"] = found
    doc.spans["directives"] = _spans(doc, found, lambda m: "DIRECTIVE")
    return doc
