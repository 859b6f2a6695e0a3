package standard

// CoreIDs lists the requirement IDs fixed by CORE-REQUIREMENTS.md, in the
// order that document gives them. A full map must define every one; their
// meaning never changes once released.
var CoreIDs = []RequirementID{
	"def.acts", "def.means", "def.purposes", "def.consent-irrelevant",
	"def.child-no-means", "def.child-age-18", "def.no-movement-required",
	"crim.offence", "crim.attempt", "crim.complicity", "crim.organizing",
	"crim.legal-persons", "crim.sale-of-children", "crim.child-prostitution",
	"crim.child-sexual-abuse-material", "crim.illegal-adoption", "crim.forced-labour",
	"crim.child-soldiers", "crim.worst-forms-child-labour", "crim.use-of-services",
	"pen.serious-crime", "pen.custodial-mandatory", "pen.child-aggravation",
	"pen.confiscation", "juris.extraterritorial", "coop.extradition",
	"coop.mutual-legal-assistance", "enf.specialised-authority", "enf.coordination-body",
	"enf.training", "enf.data-rapporteur",
	"prot.identification", "prot.non-punishment", "prot.assistance", "prot.privacy",
	"prot.information-proceedings", "prot.witness-protection", "prot.compensation",
	"prot.reflection-period", "prot.residence-permit", "prot.repatriation",
	"prot.child-best-interests", "prot.child-age-presumption", "prot.child-guardian",
	"prot.child-friendly-procedures", "prot.child-reintegration",
	"prev.birth-registration", "prev.awareness", "prev.root-causes", "prev.demand",
	"prev.border-measures", "prev.document-security", "prev.recruitment-regulation",
	"prev.hazardous-work-list",
	"part.civil-society", "part.national-action-plan", "part.international-cooperation",
}

var coreSet = func() map[RequirementID]bool {
	m := make(map[RequirementID]bool, len(CoreIDs))
	for _, id := range CoreIDs {
		m[id] = true
	}
	return m
}()

// IsCore reports whether id is one of the core requirement IDs.
func IsCore(id RequirementID) bool { return coreSet[id] }
