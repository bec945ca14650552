"""The spaCy side of graphkit: ``spacy.blank("vi")`` with the rule tokenizer, and a ``Doc`` of a text
with its sentences.

The rule tokenizer (``spacy.Tokenizer.v1``) gives one token per syllable, splits punctuation and
keeps ``T.Ư``, ``TP.HCM`` and dates whole; it is ~10× faster than the default pyvi segmenter,
whose word segmentation also breaks phrase matching.

The build reads texts with :mod:`graphkit.nlp.sentences` and the extractors, and makes no ``Doc``.
:func:`make_doc` is for exploring a text in spaCy: its tokens, and its sentences set as the build
cuts them. (There were spaCy components for places and directives too; they called the extractors
from below them, and nothing used them: the facts of a text come from :func:`graphkit.build`.)
"""
from __future__ import annotations

from functools import cache


@cache
def get_nlp():
    """The shared ``Language``: a blank Vietnamese pipeline with the rule tokenizer (built once per process)."""
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})


def get_tokenizer():
    """The rule tokenizer."""
    return get_nlp().tokenizer


def make_doc(text: str):
    """A spaCy ``Doc`` of ``text``: its tokens, with sentence starts where :func:`graphkit.nlp.sentences.sentence_spans`
    puts them (their character offsets also in ``doc.user_data["sentences"]``)."""
    import numpy
    from spacy.attrs import IDX, SENT_START

    from graphkit.nlp.sentences import sentence_spans

    doc = get_nlp().make_doc(text)
    spans = sentence_spans(text) if len(doc) else []
    doc.user_data["sentences"] = spans
    if not len(doc):
        return doc
    idx = doc.to_array(IDX)
    starts = numpy.full(len(doc), -1, dtype="int64")
    starts[numpy.searchsorted(idx, [a for a, _b in spans])] = 1
    doc.from_array([SENT_START], starts.reshape(len(doc), 1).view("uint64"))
    return doc
