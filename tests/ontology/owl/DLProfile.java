// OWL 2 DL profile check of an ontology document with the OWL API (tests/test_ontology_dl.py runs it
// with the OWL API jar that owlready2 ships): prints each violation, then IN PROFILE or NOT IN PROFILE.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;

public class DLProfile {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
        OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
        for (OWLProfileViolation v : r.getViolations()) System.out.println("VIOLATION " + v);
        System.out.println(r.isInProfile() ? "IN PROFILE" : "NOT IN PROFILE");
    }
}
