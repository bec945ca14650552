"""Benchmark: what a statistical name tagger would cost the build (why graphkit ships none).

    PYTHONPATH=. python benchmarks/ner_cost.py [CORPUS] [--articles 300]

Runs spaCy's default ``ner`` component (its tok2vec CNN and transition parser, the architecture a model trained
on the corpus would have; the weights are left untrained, which costs the same time) over the first N articles of
the corpus, in one process: over their whole texts, then over only the sentences where graphkit's rules look for
a person (:func:`graphkit.extract.persons.may_name_person`). Prints tokens/s and the time each would take over the
35,432 articles (23,084,652 tokens), to compare with the build's (``benchmarks/build_corpus.py``).
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
CORPUS_TOKENS = 23_084_652  # the rule tokenizer's tokens over the 35,432 articles (build_corpus.py prints it)


def _rate(nlp, texts: list[str]) -> tuple[int, float]:
    t = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return tokens, tokens / (time.perf_counter() - t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, default=300)
    a = ap.parse_args(argv)
    if not Path(a.corpus).exists():
        sys.exit(f"{a.corpus}: no corpus there (../shared/corpus/baomoi-2017.jsonl.gz beside a developer's checkout)")
    sys.path.insert(0, str(REPO))
    import spacy
    from spacy.training import Example

    from graphkit.extract.persons import may_name_person
    from graphkit.nlp.sentences import sentence_spans

    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in itertools.islice(f, a.articles)]
    sentences = [t[s:e] for t in texts for s, e in sentence_spans(t)]
    named = [s for s in sentences if may_name_person(s)]

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("ner").add_label("PER")
    nlp.initialize(lambda: [Example.from_dict(nlp.make_doc("Ông Nguyễn Văn An nói"), {"entities": [(4, 17, "PER")]})])
    all_tokens, all_rate = _rate(nlp, texts)
    some_tokens, some_rate = _rate(nlp, named)
    share = some_tokens / all_tokens
    print(f"{a.articles} articles, {all_tokens:,} tokens; {len(named):,} of {len(sentences):,} sentences may name a "
          f"person ({share:.0%} of the tokens)")
    print(f"tagger over whole texts:           {all_rate:8,.0f} tokens/s  -> corpus {CORPUS_TOKENS / all_rate:6.0f} s "
          "on one core")
    print(f"tagger over those sentences only:  {some_rate:8,.0f} tokens/s  -> corpus "
          f"{CORPUS_TOKENS * share / some_rate:6.0f} s on one core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
