"""Sentence boundaries, read from the text with the rules of spaCy's rule tokenizer, without tokenizing.

A sentence starts at the first token after whitespace that holds a line break, and after a
stand-alone ``. ! ? … ...`` followed by one space and a capital, a digit or a quote. "Stand-alone"
is the tokenizer's word: the ender is split off the word before it (``Nội.`` → ``Nội`` ``.``) but
not off a single capital (``A.``); after an abbreviation (``TP.``, ``TS.``) it is not an ender.
``T.Ư``, ``TP.HCM`` and dates stay whole, so they never end a sentence.

Only the words that end in an ender go through the tokenizer's suffix rules (cached), so finding
the sentences of an article costs a small part of tokenizing it. :func:`sentence_spans` gives the
same boundaries as the ``graphkit_sentences`` component, which uses it (tested on the corpus).

One more boundary is not the tokenizer's: a photo or story credit the page ran into the next sentence
(``… tại cuộc họp. Ảnh: VGP/Quang Hiếu Tại phiên họp …``, ``(Ảnh: TTXVN) Chiều 24/6, …``) ends before
that sentence (:func:`credit_ends`), so that the sentence opens as written.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from graphkit.nlp.patterns import LOWER, UPPER

ENDERS = frozenset({".", "!", "?", "…", "...", "?!"})
OPENERS = frozenset({'"', "“", "'", "‘", "(", "-", "–"})
_OPENER_CHARS = frozenset(o[0] for o in OPENERS)



@cache
def abbreviations() -> frozenset[str]:
    """The abbreviations after which a period does not end a sentence (data/sentence_abbreviations.txt: TP. HCM,
    TS. Nguyễn …)."""
    from graphkit.gazetteer import load_list

    return frozenset(load_list("sentence_abbreviations.txt"))


_NEWLINE = re.compile(r"\n\s*")
_ENDER = re.compile(r"[.!?…] (?=\S)")  # an ender followed by one space
_SPACE = re.compile(r"\s")


# a plain word of two or more letters, the last one lower-case (checked by the caller), then one ender:
# the tokenizer's suffix rules always split the ender off (no special case or URL looks like this; the
# same answer as the tokenizer for all 18,115 such words before an ender in the 2017 corpus)
_PLAIN = re.compile(r"[^\W\d_]{2,}[.!?…]")


# also always split off, after a number ('2017.', '1.000.', '12/5.', '30%.'), after a word and a closing quote
# or bracket ('… nói”.', '(TTXVN).'), and an ellipsis after a word ('nhiều...'): the same answer as the
# tokenizer for all 66,689 such words (11,449 distinct) before an ender in the 2017 corpus
_SPLIT = re.compile(r"(?:\d+(?:[.,/-]\d+)*%?|[^\W\d_]+[”\")])\.|[^\W\d_]{2,}\.\.\.")
# a period after capitals: split off after two or more ('UBND.', not after 'TP.': an abbreviation), never after one
# ('A.': an initial): the tokenizer's answer for all 16,138 such words before an ender in the 2017 corpus
_CAPS = re.compile(rf"[{UPPER}]+\.")


@lru_cache(maxsize=1 << 14)  # a sixth of the words asked about are distinct (9,024 of 53,226 in 3,000 stories)
def _ends_sentence(word: str) -> bool:
    """Whether the whitespace-free ``word`` ends with an ender the tokenizer splits off as its own token."""
    if _PLAIN.fullmatch(word) and word[-2].islower():
        return word[:-1] not in abbreviations()
    if _SPLIT.fullmatch(word) and (word[-1] != "." or word[-2] != "." or word[-4].islower()):
        return True
    if _CAPS.fullmatch(word):
        return len(word) > 2 and word[:-1] not in abbreviations()
    known = _ends_sentence_by_suffix(word)
    return _ends_sentence_tokenized(word) if known is None else known


# The words below end the way the tokenizer's tables (spaCy 3.8: its suffixes, prefixes and special cases, none of
# which ends in these) split whatever comes before: the same answer as the tokenizer for all 29,881 such words
# before an ender in the 2017 corpus and for over a million corpus words given each such ending. They are five in six
# of the words the rules above leave to the tokenizer (9,928 of 12,009 distinct), at ~70 µs a call.
# a period after a closing bracket or quote, an ellipsis, '%', '!', '?' or a digit is split off, and the token before
# it is no abbreviation nor a single capital: it ends a sentence ('(TTXVN).', '“mốt”.', 'V12.'); after a slash the
# period is never split off ('hết./.')
_BEFORE_PERIOD = frozenset(")]”\"’'…%!?0123456789")
# a run of two or more periods is one token: an ender when it is '...' ('Quốc,...'), not '..' or '....'
_PERIODS = re.compile(r".*[^.](\.{2,})")
# words joined by hyphens or slashes are split there ('U-crai-na.', 'bảng/năm.'): the last decides, as in _PLAIN
_JOINED = re.compile(rf"[{LOWER}{UPPER}]+(?:[-/][{LOWER}{UPPER}]+)*[-/](?P<last>[{LOWER}{UPPER}]*[{LOWER}])\.")
# a number and a word of two or more lower-case letters ('24kg.', '1,2km.'; not '1,2m.': 'm.' is a special case)
_UNIT = re.compile(rf"\d[\d.,]*[{LOWER}]{{2,}}\.")


def _ends_sentence_by_suffix(word: str) -> bool | None:
    """Whether ``word`` ends a sentence, for the words the tokenizer splits at their end whatever comes before them
    (see above); None for the others."""
    if len(word) < 2:
        return None
    if word[-1] == ".":
        if word[-2] in _BEFORE_PERIOD:
            return True
        if word[-2] == "/":
            return False
    elif word[-1] == "…":  # one ellipsis character is split off ('Lennon,…'), two are one token ('……')
        return True if word[-2] != "…" else None
    elif word[-1] in "!?":  # always split off, one by one ('FDI?', 'hàng”?', 'ngờ!!!')
        return True
    else:
        return None
    if m := _PERIODS.fullmatch(word):
        return len(m.group(1)) == 3
    if (m := _JOINED.fullmatch(word)) and len(m.group("last")) >= 2:
        return m.group("last") not in abbreviations()
    if _UNIT.fullmatch(word):
        return True
    return None


@lru_cache(maxsize=1 << 16)
def _ends_sentence_tokenized(word: str) -> bool:
    from graphkit.nlp.pipeline import get_tokenizer

    texts = [t.text for t in get_tokenizer()(word)]
    if texts[-1] not in ENDERS:
        return False
    if len(texts) >= 2 and texts[-1] == "." and (texts[-2] in abbreviations() or (len(texts[-2]) == 1 and texts[-2].isupper())):
        return False
    return True


# a quote or bracket before a capital or a digit is split off ('“Chúng', '(2017'): no special case of the tokenizer
# opens so (those that open with a bracket are emoticons: '(:', '(o:'); 2,940 of the 3,272 distinct words the corpus
# asks about, and the tokenizer's answer for all 18,561 such corpus words
_QUOTED_CAPITAL = re.compile(rf"[“\"(‘'][{UPPER}0-9]")


@lru_cache(maxsize=1 << 12)
def _opens(word: str) -> bool:
    """Whether the whitespace-free ``word`` starts with an opening quote, bracket or dash as its own token."""
    if _QUOTED_CAPITAL.match(word):
        return True
    from graphkit.nlp.pipeline import get_tokenizer

    return get_tokenizer()(word)[0].text in OPENERS


@cache
def credit_before() -> re.Pattern:
    """A credit's opening word and its colon ending the text searched ('Ảnh: ', 'Ảnh minh họa: ', '(Nguồn: ';
    data/credit_words.txt): what follows is a photographer's or a source's name, not the story's."""
    from graphkit.gazetteer import load_list
    from graphkit.nlp.patterns import alternation

    return re.compile(rf"(?<![\w])(?:{alternation(load_list('credit_words.txt'))})(?:\s+minh họa)?\s*:\s*$")


@cache
def _openers() -> dict[str, bool]:
    """The words that open a sentence and are no part of a name (data/sentence_openers.tsv): whether each needs a
    number or a lower-case word after it."""
    from graphkit.gazetteer import load_table

    return {r["word"]: r["next"] == "digit-or-lower" for r in load_table("sentence_openers.tsv", ("word", "next"))}


def opens_sentence(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (with the one or two after it) is a word of data/sentence_openers.tsv that opens a
    sentence there: 'Theo', 'Theo đó', 'Tổng Giám đốc'; a time word or given name only before a number or a
    lower-case word ('Sáng 13/5', 'Tiếp theo')."""
    nexts = _openers()
    for n in (3, 2, 1):
        phrase = " ".join(words[i:i + n]).rstrip(",")
        if (needs := nexts.get(phrase)) is not None:
            after = words[i + n] if i + n < len(words) else ""
            if not needs or after[:1].islower() or after[:1].isdigit():
                return True
    return False


_WORD = re.compile(r"\S+")
_CREDIT_WORDS = 8  # a credit's words looked at, at most ('Ảnh: Lâm Khánh - TTXVN' has four)
_CREDIT_OPENING = 20  # characters before a colon that hold a credit's opening words ('Ảnh minh họa :')


def credit_ends(text: str) -> list[int]:
    """Where the sentences start that a photo or story credit ran into (the credit on the same line, no ender after
    it): after the credit's closing bracket when a capital, a digit or a quote follows (``(Ảnh: Trọng Đức/TTXVN) Kỳ
    họp …``); at a capitalised word after two spaces (``Ảnh: TTO  Bí thư …``); or at the first of its capitalised
    words that opens a sentence (``Ảnh: Internet Theo đó, …``; data/sentence_openers.tsv). A credit whose second
    word or a later one is in lower case is a phrase, not a name: nothing is cut after that word. Only the text
    before each colon is matched (two colons an article, on average), not the whole text."""
    ends = []
    colon = text.find(":")
    while colon != -1:
        if credit_before().search(text, max(0, colon - _CREDIT_OPENING), colon + 1):
            words, starts, gaps, prev = [], [], [], colon + 1
            for w in _WORD.finditer(text, prev):
                gap = text[prev:w.start()]
                if "\n" in gap or len(words) > _CREDIT_WORDS:
                    break
                words.append(w.group())
                starts.append(w.start())
                gaps.append(len(gap))
                prev = w.end()
            if (cut := _credit_end(words, gaps)) is not None:
                ends.append(starts[cut])
        colon = text.find(":", colon + 1)
    return ends


def _credit_end(words: list[str], gaps: list[int]) -> int | None:
    """The index in ``words`` (a credit's words and those after it, ``gaps`` the spaces before each) of the word that
    opens the next sentence."""
    for i, word in enumerate(words[:_CREDIT_WORDS]):
        if word[-1] == ")" or word.endswith(")."):
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            return i + 1 if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "\"“") else None
        if i and not word[0].isupper():
            return None
        if i and gaps[i] >= 2:
            return i
        if i and opens_sentence(words, i):
            return i
        if word[-1] in ".!?:;,":
            return None
    return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the sentences of ``text``; they cover it end to end."""
    if not text:
        return []
    n = len(text)
    starts = {0}
    for m in _NEWLINE.finditer(text):
        starts.add(m.end())
    for m in _ENDER.finditer(text):
        b = m.end()
        nxt = text[b]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENER_CHARS):
            continue
        a = m.start()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        if nxt in _OPENER_CHARS:
            w = _SPACE.search(text, b)
            if not _opens(text[b:w.start() if w else n]):
                continue
        if _ends_sentence(text[a:b - 1]):
            starts.add(b)
    if ":" in text:
        starts.update(credit_ends(text))
    starts.discard(n)
    bounds = sorted(starts) + [n]
    return list(zip(bounds, bounds[1:]))
