"""Errors graphkit raises: each says what happened and how to fix it."""
from __future__ import annotations


class GraphkitError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(GraphkitError):
    """An input file or record cannot be read."""


class DataFileError(GraphkitError):
    """A gazetteer data file is malformed (``file:line: problem``)."""


class OutputError(GraphkitError):
    """An output cannot be written (unknown format, unwritable place)."""


class DiskFullError(OutputError):
    """The disk filled up while writing an output or a store: what was there before is left as it was."""


class QueryError(GraphkitError):
    """A SPARQL query is malformed or refers to something missing."""


class AnalysisError(GraphkitError):
    """An analysis or map cannot be made as asked (unknown name or measure, bad date, empty slice)."""


class StoreError(GraphkitError):
    """An on-disk graph store cannot be opened or written."""
