"""The ontology defines every gk: term the builder writes, and the seeds graph keeps the contract
(design/ONTOLOGY.md): every node typed explicitly, exactly one NFC rdfs:label."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

rdflib = pytest.importorskip("rdflib")
from rdflib import OWL, RDF, RDFS, Literal, Namespace, URIRef  # noqa: E402

from graphkit.kg.namespaces import GK_URI, PREFIXES  # noqa: E402
from graphkit.ontology import ONTOLOGY_IRI, load_ontology, ontology_path  # noqa: E402

from tests import ROOT
TOP_TTL = ROOT / "ontology" / "graphkit.ttl"
GK = Namespace(GK_URI)
NS = {p: Namespace(u) for p, u in PREFIXES.items()}
DEFINING = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def seeds_ds():
    from graphkit.pipeline import build

    result = build([str(ROOT / "seeds")])
    assert result.ok, result.problems
    assert result.articles
    return result.dataset


def _graphs(ds):
    return [g for g in ds.graphs() if len(g)]


def _kinds(onto, term):
    return set(onto.objects(term, RDF.type)) & DEFINING


def _langs(onto, term, prop):
    return {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}


# (a) ------------------------------------------------------------------------------------------

def test_ontology_parses_and_copies_identical(onto):
    assert ontology_path().is_file() and TOP_TTL.is_file()
    assert TOP_TTL.read_bytes() == ontology_path().read_bytes(), \
        "ontology/graphkit.ttl and graphkit/ontology/graphkit.ttl differ"
    top = rdflib.Graph().parse(TOP_TTL, format="turtle")
    assert len(top) == len(onto) > 0
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in onto


def test_every_defined_term_is_labelled_and_commented_in_en_and_vi(onto):
    terms = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(GK_URI)}
    assert terms
    for t in terms:
        assert _kinds(onto, t), f"{t} is not an owl:Class/ObjectProperty/DatatypeProperty"
        for prop in (RDFS.label, RDFS.comment):
            langs = [o.language for o in onto.objects(t, prop)]
            assert sorted(langs) == ["en", "vi"], f"{t} {prop}: {langs}"
        for o in onto.objects(t, RDFS.label):
            assert unicodedata.is_normalized("NFC", str(o)), f"{t}: label not NFC"


def test_no_owl_same_as(onto):
    assert not list(onto.triples((None, OWL.sameAs, None)))


# (b) ------------------------------------------------------------------------------------------

def _check_term(onto, term, kinds):
    found = _kinds(onto, term)
    assert found & kinds, f"{term} used by the builder is not defined as {kinds} in the ontology"
    langs = _langs(onto, term, RDFS.label)
    assert {"en", "vi"} <= langs, f"{term}: labels in {langs}, need en and vi"


def test_seeds_graph_terms_are_defined(onto, seeds_ds):
    preds, classes = set(), set()
    for s, p, o, _g in seeds_ds.quads((None, None, None, None)):
        if str(p).startswith(GK_URI):
            preds.add(p)
        if p == RDF.type and str(o).startswith(GK_URI):
            classes.add(o)
    assert preds and classes
    for c in classes:
        _check_term(onto, c, {OWL.Class})
    for p in preds:
        _check_term(onto, p, {OWL.ObjectProperty, OWL.DatatypeProperty})
    # a property's kind matches what the builder puts in object position
    for s, p, o, _g in seeds_ds.quads((None, None, None, None)):
        if p in preds:
            want = OWL.DatatypeProperty if isinstance(o, Literal) else OWL.ObjectProperty
            assert want in _kinds(onto, p), f"{p} has a {type(o).__name__} object but is not {want}"


def test_builder_source_terms_are_defined(onto):
    """Terms in build.py the seeds may not exercise (districts, validity dates, gk:mergedInto …)."""
    src = (ROOT / "graphkit" / "kg" / "build.py").read_text(encoding="utf-8")
    props = set(re.findall(r'GK \+ "(\w+)"', src))
    props |= set(re.findall(r'\("(chairedBy|attendedBy|speaker)"', src))
    props |= {"holds", "formerlyHeld"}  # pred = "holds" if … else "formerlyHeld"
    classes = set(re.findall(r'q\.node\([^()]*?(?:\([^()]*\))?[^()]*?, "([A-Z]\w+)"', src))
    assert {"Person", "Post", "Tenure", "Assertion", "District"} <= classes, classes
    assert {"validFrom", "mergedInto", "holder", "evidence"} <= props, props
    for c in classes:
        _check_term(onto, GK[c], {OWL.Class})
    for p in props:
        _check_term(onto, GK[p], {OWL.ObjectProperty, OWL.DatatypeProperty})
    _check_term(onto, GK.possiblySame, {OWL.ObjectProperty})


# (c) ------------------------------------------------------------------------------------------

def _contract_violations(triples):
    typed, labels, nodes = set(), defaultdict(list), set()
    for s, p, o in triples:
        nodes.add(s)
        if p == RDF.type:
            typed.add(s)
        elif p == RDFS.label:
            labels[s].append(o)
        elif isinstance(o, URIRef) and p != RDF.predicate:  # rdf:predicate's object is a term
            nodes.add(o)
    out = []
    out += [f"untyped node {n}" for n in sorted(nodes - typed)]
    for n in sorted(nodes):
        ls = set(labels[n])
        if len(ls) != 1:
            out.append(f"{n} has {len(ls)} rdfs:label: {sorted(map(str, ls))}")
    for n, ls in labels.items():
        for lab in ls:
            if not unicodedata.is_normalized("NFC", str(lab)):
                out.append(f"{n} label not NFC: {lab!r}")
    return out


def test_contract_per_named_graph(seeds_ds):
    graphs = _graphs(seeds_ds)
    assert graphs
    bad = {str(g.identifier): v for g in graphs if (v := _contract_violations(g))}
    assert not bad, bad


def test_contract_over_union(seeds_ds):
    triples = {(s, p, o) for s, p, o, _g in seeds_ds.quads((None, None, None, None))}
    assert not _contract_violations(triples)


def test_places_graph_terms_and_contract(onto):
    """The reference graph of provincial units (validity dates, gk:mergedInto)."""
    from graphkit.kg.build import places_quads

    quads = places_quads()
    assert quads
    for s, p, o, _g in quads:
        if str(p).startswith(GK_URI):
            _check_term(onto, p, {OWL.ObjectProperty, OWL.DatatypeProperty})
        if p == RDF.type:
            _check_term(onto, o, {OWL.Class})
    assert not _contract_violations([(s, p, o) for s, p, o, _g in quads])


def test_all_literals_nfc(seeds_ds):
    for s, p, o, _g in seeds_ds.quads((None, None, None, None)):
        if isinstance(o, Literal) and isinstance(o.value, str):
            assert unicodedata.is_normalized("NFC", str(o)), (s, p, o)


# (d) ------------------------------------------------------------------------------------------

ALIGNMENTS = [
    ("Person", RDFS.subClassOf, "foaf", "Person"),
    ("Person", RDFS.subClassOf, "schema", "Person"),
    ("Post", RDFS.subClassOf, "org", "Post"),
    ("Organization", RDFS.subClassOf, "org", "Organization"),
    ("Tenure", RDFS.subClassOf, "org", "Membership"),
    ("Meeting", RDFS.subClassOf, "schema", "Event"),
    ("Directive", RDFS.subClassOf, "eli", "LegalResource"),
    ("Article", RDFS.subClassOf, "schema", "NewsArticle"),
    ("Assertion", RDFS.seeAlso, "rdf", "Statement"),  # rdf:Statement may not be a class in OWL 2 DL
    ("Province", RDFS.subClassOf, "schema", "AdministrativeArea"),
    ("District", RDFS.subClassOf, "schema", "AdministrativeArea"),
    ("holds", RDFS.subPropertyOf, "org", "holds"),
    ("postIn", RDFS.subPropertyOf, "org", "postIn"),
    ("issuedOn", RDFS.subPropertyOf, "eli", "date_document"),
    ("code", RDFS.subPropertyOf, "eli", "id_local"),
    ("attendedBy", RDFS.subPropertyOf, "schema", "attendee"),
]


@pytest.mark.parametrize("term,rel,ns,target", ALIGNMENTS, ids=lambda x: str(x).rsplit("#", 1)[-1])
def test_alignment(onto, term, rel, ns, target):
    assert (GK[term], rel, NS[ns][target]) in onto


def test_provenance_is_prov_o(seeds_ds):
    derived = NS["prov"]["wasDerivedFrom"]
    for cls in (GK.Tenure, GK.Assertion):
        for g in _graphs(seeds_ds):
            for node in g.subjects(RDF.type, cls):
                assert (node, derived, g.identifier) in g, f"{node} not prov:wasDerivedFrom {g.identifier}"
