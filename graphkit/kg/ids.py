"""Deterministic IRIs: the same input always names the same node.

IRIs are built from normalised key parts (like followthemoney's ids): diacritics are folded in the
readable part, and where folding could merge two different names (persons) a short hash of the
exact canonical label is appended.

>>> person_iri("Trần Văn Túy") == person_iri("Trần Văn Tuý")
True
>>> person_iri("Lê Văn Dũng") != person_iri("Lê Văn Dung")
True
>>> province_iri("Hoà Bình")
'https://w3id.org/graphkit/id/place/hoa-binh'
>>> directive_iri("party", "TW", "NQ", "18", term="XII")
'https://w3id.org/graphkit/id/directive/tw-khoa-xii-nq-18'
>>> directive_iri("state", "TTg", "CT", "05", year=2017)
'https://w3id.org/graphkit/id/directive/ttg-2017-ct-5'
>>> name_key("Nguyễn  Xuân PHÚC")
'nguyen xuan phuc'
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from graphkit.kg.namespaces import ID_URI  # noqa: F401  (re-exported)
from graphkit.nlp.normalize import fix_tones, fold, nfc, slug


def _h(*parts: str, n: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def canonical_name(name: str) -> str:
    return " ".join(fix_tones(nfc(name)).split())


_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
#: each Vietnamese letter (both cases) → its folded letter: what :func:`graphkit.nlp.normalize.fold` gives it
_FOLD = str.maketrans({ch: fold(ch) for ch in _VIETNAMESE + _VIETNAMESE.upper()})


@lru_cache(maxsize=1 << 14)  # a name recurs across articles
def name_key(name: str) -> str:
    """The key of a name that ``gk:nameKey`` holds: diacritics dropped (``đ`` → ``d``), case folded,
    words separated by one space. Two spellings a question's name pattern matches alike have the same
    key (``Nguyen Xuan Phuc`` finds ``Nguyễn Xuân Phúc`` by an exact lookup of ``nguyen xuan phuc``),
    so the questions look names up by key and run their pattern on those few nodes only.

    >>> [name_key(n) for n in ("Đặng Thị Ngọc Thịnh", "ĐẶNG THỊ NGỌC THỊNH", "dang thi  ngoc thinh ", "Trần Văn Tuý")]
    ['dang thi ngoc thinh', 'dang thi ngoc thinh', 'dang thi ngoc thinh', 'tran van tuy']
    """
    name = nfc(name)
    quick = name.translate(_FOLD)  # Vietnamese names: a table lookup a letter, the same as folding
    if quick.isascii():
        return " ".join(quick.lower().split())
    return " ".join(fold(name).casefold().split())


def article_iri(article_id: str) -> str:
    return f"{ID_URI}article/{slug(article_id) or _h(article_id)}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def person_iri(name: str) -> str:
    name = canonical_name(name)
    return f"{ID_URI}person/{slug(name)}-{_h(name, n=6)}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def post_iri(label: str) -> str:
    """Readable slug plus a short hash of the exact label: one node, one label.

    >>> post_iri("Bí thư Tỉnh ủy Bắc Giang") != post_iri("Bí thư Tỉnh Ủy Bắc Giang")
    True
    """
    label = canonical_name(label)
    return f"{ID_URI}post/{slug(label)}-{_h(label, n=6)}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def org_iri(label: str) -> str:
    label = canonical_name(label)
    return f"{ID_URI}org/{slug(label)}-{_h(label, n=6)}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def province_iri(name: str) -> str:
    return f"{ID_URI}place/{slug(canonical_name(name))}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def district_iri(province: str, kind: str, name: str) -> str:
    return f"{province_iri(province)}/{slug(kind + ' ' + name)}"


@lru_cache(maxsize=1 << 14)  # an entity recurs across articles
def directive_iri(system: str, issuer_code: str, type_code: str, number: str, *,
                  term: str | None = None, year: int | None = None) -> str:
    """Party numbers restart each term and State numbers each year: the IRI carries them when known."""
    when = f"khoa-{slug(term)}-" if term else (f"{year}-" if year else "")
    return f"{ID_URI}directive/{slug(issuer_code)}-{when}{slug(type_code)}-{int(number) if number.isdigit() else slug(number)}"


def meeting_iri(article_id: str, index: int) -> str:
    return f"{article_iri(article_id).replace('/article/', '/meeting/')}-{index}"


def tenure_iri(article_id: str, person: str, post: str) -> str:
    return f"{ID_URI}tenure/{_h(article_id, person, post)}"


def assertion_iri(article_id: str, s: str, p: str, o: str) -> str:
    return f"{ID_URI}assertion/{_h(article_id, s, p, o)}"
