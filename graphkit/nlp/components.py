"""spaCy components of the graphkit pipeline, registered with the ``graphkit_`` prefix (spaCy does not allow dots in names).

* ``graphkit_sentences``: sentence starts at line breaks and after ``. ! ? …`` before a capital,
  a digit or a quote (the rule tokenizer keeps ``T.Ư``, ``TP.HCM`` and dates whole, so they never
  end a sentence).
* ``graphkit_places``: provinces and districts (``doc.spans["places"]``, label PROVINCE/DISTRICT),
  from the gazetteers in ``graphkit/data``.
* ``graphkit_directives``: numbered documents (``doc.spans["directives"]``, label DIRECTIVE), the
  parsed value in ``span._.directive`` … kept in ``doc.user_data["directives"]`` to stay picklable.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "…", "...", "?!"}
_OPENERS = {'"', "“", "'", "‘", "(", "-", "–"}
# a period after these is an abbreviation, not the end of a sentence (TP. HCM, TS. Nguyễn …)
_ABBREV = {"TP", "Tp", "TS", "GS", "PGS", "ThS", "BS", "KS", "Th", "St", "Q", "P", "TX", "TT", "Mr", "Ms", "Dr"}


@Language.component("graphkit_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts; also ``doc.user_data["sentences"]``: their (start, end) character offsets."""
    import numpy

    from spacy.attrs import IDX, ORTH, SENT_START, SPACY

    n = len(doc)
    if not n:
        doc.user_data["sentences"] = []
        return doc
    arr = doc.to_array([ORTH, IDX, SPACY])
    strings = doc.vocab.strings
    texts = [strings[int(o)] for o in arr[:, 0]]
    idx = arr[:, 1]
    spaced = arr[:, 2]
    starts = numpy.full((n, 1), -1, dtype="int64")
    starts[0, 0] = 1
    for i in range(1, n):
        prev, cur = texts[i - 1], texts[i]
        if "\n" in prev:
            starts[i, 0] = 1
        elif (prev in _ENDERS and spaced[i - 1]
              and not (i >= 2 and prev == "." and (texts[i - 2] in _ABBREV or (len(texts[i - 2]) == 1 and texts[i - 2].isupper()))
                       and not spaced[i - 2])
              and (cur[:1].isupper() or cur[:1].isdigit() or cur in _OPENERS)):
            starts[i, 0] = 1
    doc.from_array([SENT_START], starts.view("uint64"))
    bounds = [int(idx[i]) for i in range(n) if starts[i, 0] == 1] + [len(_text(doc))]
    doc.user_data["sentences"] = [(a, b) for a, b in zip(bounds, bounds[1:])]
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
