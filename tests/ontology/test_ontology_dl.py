"""The ontology is an OWL 2 DL ontology: the OWL API's OWL 2 DL profile checker finds no violation, the
HermiT reasoner (through owlready2) loads and classifies it, and a structural check in Python (which
needs no Java) keeps the two rules it once broke: every datatype is in the OWL 2 datatype map (not
xsd:date, which HermiT refuses), and every class or property an axiom uses is declared, none from the
reserved rdf:/rdfs:/owl:/xsd: vocabulary. Each check is shown to fail on a copy that leaves the profile."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

rdflib = pytest.importorskip("rdflib")
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef  # noqa: E402

from graphkit.ontology import ontology_path  # noqa: E402

from tests import ROOT  # noqa: E402
JAVA = shutil.which("java")
GK = "https://w3id.org/graphkit/ontology#"
_XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # (rdflib's XSD object upsets pytest's collection)

# OWL 2 datatype map (OWL 2 Structural Specification, section 4)
OWL2_DATATYPES = {RDFS.Literal, RDF.PlainLiteral, RDF.XMLLiteral, OWL.real, OWL.rational} | {_XSD[n] for n in (
    "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short byte "
    "unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token language "
    "Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp").split()}
RESERVED = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
            "http://www.w3.org/2002/07/owl#", "http://www.w3.org/2001/XMLSchema#")
CLASS_ALLOWED = {OWL.Thing, OWL.Nothing}


def _onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _left_dl(g: Graph) -> Graph:
    """A copy that is not OWL 2 DL: a date range (as the ontology had) and rdf:Statement as a superclass."""
    bad = Graph()
    for t in g:
        bad.add(t)
    bad.set((URIRef(GK + "publishedOn"), RDFS.range, _XSD.date))
    bad.add((URIRef(GK + "Assertion"), RDFS.subClassOf, RDF.Statement))
    return bad


def structural_problems(g: Graph) -> list[str]:
    out = []
    declared = {k: set(g.subjects(RDF.type, k)) for k in
                (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)}
    props = declared[OWL.ObjectProperty] | declared[OWL.DatatypeProperty]
    for p in declared[OWL.DatatypeProperty]:
        for r in g.objects(p, RDFS.range):
            if r not in OWL2_DATATYPES:
                out.append(f"{p}: range {r} is not in the OWL 2 datatype map")
    for c, sup in g.subject_objects(RDFS.subClassOf):
        for x in (c, sup):
            if str(x).startswith(RESERVED) and x not in CLASS_ALLOWED:
                out.append(f"{x}: reserved vocabulary used as a class")
            elif x not in declared[OWL.Class]:
                out.append(f"{x}: used as a class, not declared owl:Class")
    for p, sup in g.subject_objects(RDFS.subPropertyOf):
        for x in (p, sup):
            if x not in props:
                out.append(f"{x}: used as a property, not declared")
    for p in props:
        for d in g.objects(p, RDFS.domain):
            if d not in declared[OWL.Class]:
                out.append(f"{p}: domain {d} not declared owl:Class")
    for p in declared[OWL.ObjectProperty]:
        for r in g.objects(p, RDFS.range):
            if r not in declared[OWL.Class]:
                out.append(f"{p}: range {r} not declared owl:Class")
    both = declared[OWL.ObjectProperty] & declared[OWL.DatatypeProperty]
    out += [f"{p}: both object and datatype property" for p in both]
    return out


def test_structure_is_owl2_dl():
    assert structural_problems(_onto()) == []


def test_structure_check_catches_leaving_the_profile():
    problems = structural_problems(_left_dl(_onto()))
    assert any("publishedOn: range http://www.w3.org/2001/XMLSchema#date" in p for p in problems)
    assert any(p.startswith(str(RDF.Statement)) for p in problems)


def _owlready_dir() -> Path:
    owlready2 = pytest.importorskip("owlready2")
    if JAVA is None:
        pytest.skip("needs Java for HermiT and the OWL API (java not found)")
    return Path(owlready2.__file__).parent


def _profile(tmp_path: Path, g: Graph) -> str:
    jar = _owlready_dir() / "pellet" / "owlapi-distribution-3.4.3-bin.jar"
    if not jar.exists():
        pytest.skip(f"the OWL API jar shipped by owlready2 is not at {jar}")
    doc = tmp_path / "onto.owl"
    g.serialize(doc, format="xml")
    r = subprocess.run([JAVA, "-cp", str(jar), str(Path(__file__).parent / "owl" / "DLProfile.java"), str(doc)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def test_owl_api_owl2_dl_profile(tmp_path):
    out = _profile(tmp_path, _onto())
    assert out.strip().splitlines()[-1] == "IN PROFILE", out


def test_owl_api_profile_catches_reserved_class(tmp_path):
    out = _profile(tmp_path, _left_dl(_onto()))
    assert out.strip().splitlines()[-1] == "NOT IN PROFILE"


def _hermit(tmp_path: Path, g: Graph):
    _owlready_dir()
    import owlready2

    doc = tmp_path / "onto.nt"
    g.serialize(doc, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(doc.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


def test_hermit_classifies_the_ontology(tmp_path):
    world = _hermit(tmp_path, _onto())
    assert list(world.inconsistent_classes()) == []
    person = world[GK + "Person"]
    assert person is not None and world["http://xmlns.com/foaf/0.1/Person"] in person.ancestors()


def test_hermit_refuses_a_date_range(tmp_path):
    import owlready2

    with pytest.raises(owlready2.OwlReadyError, match="XMLSchema#date"):
        _hermit(tmp_path, _left_dl(_onto()))
