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
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if "\n" in prev.text or (prev.whitespace_ and "\n" in prev.whitespace_):
            tok.is_sent_start = True
        elif (prev.text in _ENDERS and prev.whitespace_
              and not (i >= 2 and prev.text == "." and (doc[i - 2].text in _ABBREV or (len(doc[i - 2].text) == 1 and doc[i - 2].text.isupper())) and not doc[i - 2].whitespace_)
              and (tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in _OPENERS)):
            tok.is_sent_start = True
        elif tok.is_space:
            tok.is_sent_start = False
        else:
            tok.is_sent_start = False
    return doc


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
    provs = find_provinces(doc.text, on=day)
    dists = find_districts(doc.text)
    doc.user_data["provinces"] = provs
    doc.user_data["districts"] = dists
    doc.spans["places"] = _spans(doc, provs, lambda m: "PROVINCE") + _spans(doc, dists, lambda m: "DISTRICT")
    return doc


@Language.component("graphkit_directives")
def directives(doc: Doc) -> Doc:
    from graphkit.extract.directives import find_directives

    found = find_directives(doc.text, article_date=doc.user_data.get("date"))
    doc.user_data["directives"] = found
    doc.spans["directives"] = _spans(doc, found, lambda m: "DIRECTIVE")
    return doc
