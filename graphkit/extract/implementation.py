"""Implementation: a province or body that carries out, concretises or reviews a directive.

In a sentence with a directive, an implementing verb before it (``thực hiện``, ``triển khai``,
``quán triệt``, ``cụ thể hóa``, ``sơ kết … thực hiện``: ``data/implement_verbs.txt``) makes the
nearest actor written before the verb the implementer: a province (``tỉnh Bắc Kạn``, ``Nghệ An``),
a provincial body (its province), a central body, or ``tỉnh`` standing for the article's province.
A directive that another directive's description cites (``Kết luận 74 … về kết quả thực hiện Nghị
quyết 18``) is cited, not implemented, by the actor.
"""
from __future__ import annotations

import re
from functools import cache

from graphkit.gazetteer import load_list
from graphkit.nlp.patterns import UPPER, alternation, lead

# 'tỉnh' standing for the article's province; not 'các tỉnh', 'cấp tỉnh' (several, or a level)
_ANAPHOR = re.compile(
    r"(?<![\w])(?<!các )(?<!những )(?<!nhiều )(?<!cấp )(?<!\d )(?:[Tt]ỉnh|[Tt]hành phố|[Đđ]ịa phương)(?![\w])(?!\s+(?:ủy|[" + UPPER + "]))")
VERB_REACH = 90  # the verb governs a directive written at most this far after it
ACTOR_REACH = 80  # a named actor is the verb's subject when written at most this far before it


@cache
def implement_verbs() -> re.Pattern:
    words = load_list("implement_verbs.txt")
    return re.compile(rf"{lead(words)}(?<![\w])(?:{alternation(words, ignore_case=True)})(?![\w])", re.IGNORECASE)


def find_actor(sentence: str, directive_start: int, actors: list[tuple[int, int, object]], main_actor=None):
    """The implementer of the directive at ``directive_start``, or None.

    ``actors``: (start, end, actor) mentions in the sentence (provinces, bodies), in order.
    """
    before = sentence[:directive_start]
    verbs = [v for v in implement_verbs().finditer(before) if directive_start - v.end() <= VERB_REACH]
    if not verbs:
        return None
    verb = verbs[-1]
    # the nearest actor before the verb; else 'tỉnh' standing for the article's province
    cands = [a for a in actors if a[1] <= verb.start() and verb.start() - a[1] <= ACTOR_REACH
             and sentence.count("(", a[1], verb.start()) <= sentence.count(")", a[1], verb.start())]
    anaphor = [m for m in _ANAPHOR.finditer(before[:verb.start()])]
    best = cands[-1] if cands else None
    if anaphor and main_actor is not None and (best is None or anaphor[-1].start() > best[1]):
        return main_actor
    return best[2] if best else None
