"""Benchmark: persons read from the first corpus articles whose name looks like no person's.

    PYTHONPATH=. python benchmarks/person_names.py [CORPUS] [--articles 3000] [--show 20]

For every person an article yields, every place its name is written in the article text is looked at:
the name counts as suspicious when the words right before it make it the name of a school, street,
hospital or other institution (``data/institution_heads.txt``, and the nouns of ``data/place_nouns.txt``
but the kinds of administrative units: 'Trường THPT Chu Văn An', 'đường Lê Lợi') wherever the article
writes it. The word lists are read from
this checkout, the extraction from the graphkit on ``PYTHONPATH``. It also counts the persons whose name,
marks aside, is a province's or a district's ('Hà Nôi'). It prints how many articles yield such a
name, how many names there are, and the first ``--show`` of them with their article ids, so two
revisions can be compared (run it from each worktree).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _bare(name: str) -> str:
    """A name without its marks, lower-cased ('Hà Nôi' and 'Hà Nội' are both 'ha noi')."""
    import unicodedata

    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _words(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args(argv)

    from graphkit.extract.article import extract
    from graphkit.ingest.readers import iter_articles
    from graphkit.nlp.normalize import fix_tones

    # the word lists are read from this checkout's data files, so that two revisions are judged alike
    data = REPO / "graphkit" / "data"
    # institutions; and the lower-case nouns of streets, schools, mountains, ships, prizes … but the kinds of
    # administrative units ('Chủ tịch UBND tỉnh Nguyễn …' names a person), opening a phrase (not 'Môi trường')
    units = set(_words(data / "commune_kinds.txt")) | {"tỉnh", "thành phố", "huyện", "quận", "thị xã", "thôn", "xóm",
                                                        "ấp", "bản", "làng", "khu phố", "tổ dân phố"}
    institutions = set(_words(data / "institution_heads.txt"))
    nouns = set(_words(data / "place_nouns.txt")) - units
    heads = re.compile(rf"(?:^|(?<=\s))(?:(?P<inst>{'|'.join(map(re.escape, sorted(institutions, key=len, reverse=True)))})"
                       rf"|(?<![A-ZĐÀ-Ỹ]\S )(?<![A-ZĐÀ-Ỹ]\S\S )(?<![A-ZĐÀ-Ỹ]\S\S\S )(?<![A-ZĐÀ-Ỹ]\S\S\S\S )"
                       rf"(?:{'|'.join(map(re.escape, sorted(nouns, key=len, reverse=True)))}))\s+$")
    from graphkit.gazetteer import unit_names

    places = {_bare(n) for n in unit_names()}
    placelike: Counter = Counter()
    seen = articles = persons = 0
    bad_articles, bad = 0, Counter()
    examples: list[tuple[str, str, str]] = []
    for art in iter_articles([args.corpus]):
        if not hasattr(art, "text"):
            continue
        if seen >= args.articles:
            break
        seen += 1
        facts = extract(art)
        text = fix_tones(art.text)
        found = False
        for p in facts.persons:
            persons += 1
            places, elsewhere = [], False
            for surface in p.surfaces:
                for m in re.finditer(re.escape(surface), text):
                    before = text[max(0, m.start() - 40):m.start()]
                    if heads.search(before):
                        places.append(before)
                    else:
                        elsewhere = True
            if places and not elsewhere:
                found = True
                bad[p.name] += 1
                if len(examples) < args.show:
                    examples.append((art.id, p.name, places[0].replace("\n", " ")))
        for p in facts.persons:  # a place's name, or one mistyped ('Hà Nôi'), read as a person's
            if _bare(p.name) in places:
                found = True
                placelike[p.name] += 1
                if len(examples) < args.show:
                    examples.append((art.id, p.name, "(a place's name)"))
        bad_articles += found
        articles += 1
    print(f"articles read: {articles}; persons: {persons}")
    print(f"articles with a person named only after an institution or place word: {bad_articles}")
    print(f"such names: {sum(bad.values())} ({len(bad)} distinct); persons named like a province or district, "
          f"marks aside: {sum(placelike.values())} ({len(placelike)} distinct)")
    for aid, name, ctx in examples:
        print(f"  {aid}\t{name}\t…{ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
