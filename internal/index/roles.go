package index

import (
	"github.com/lacuna-project/lacuna/internal/statute"
)

// roleCues are the words that give a provision a role. They are merged over
// the four languages (en, fr, de, es): folded legal vocabulary rarely
// collides across them, and a statute often quotes another language.
type roleCues struct {
	headDefinition, headOffence, headProtection, headInstitutional, headProcedural *PhraseSet
	textOffence, textPenalty, textInstitutional, textProtection, textProcedural    *PhraseSet
}

var allCues = &roleCues{
	headDefinition: NewPhraseSet([]string{"interpretation", "definition*", "meaning of", "begriffsbestimmung*",
		"definicion*", "terminologia", "glossary", "defined terms"}),
	headOffence: NewPhraseSet([]string{"offence*", "offense*", "trafficking", "traffick*", "traite", "menschenhandel",
		"trata", "penalt*", "punishment*", "crime*", "crimes", "delit*", "ausbeutung", "zwangsarbeit", "forced labo*",
		"sale of", "infraction*", "slavery", "esclavage", "servitude", "peonage", "sex traffick*", "prostitution",
		"proxenetisme", "zwangsprostitution", "explotacion", "exploitation", "exploit*", "menschenraub", "sklaverei",
		"reduction en", "travail force", "trabajo forzoso", "servidumbre", "esclavitud", "strafbar*", "sanction*",
		"sancion*", "pena*", "peine*", "strafe*", "attempt", "tentative", "versuch", "tentativa", "conspiracy",
		"aggravat*", "circonstances aggravantes", "agravant*", "qualifikation", "child pornograph*", "pornograph*",
		"abduction", "kidnap*", "smuggl*", "document*", "forfeiture", "unlawful conduct"}),
	headProtection: NewPhraseSet([]string{"victim*", "protect*", "assistance", "support", "shelter*", "compensation",
		"restitution", "repatriat*", "confidential*", "privacy", "witness*", "opfer*", "victime*", "victima*",
		"proteccion", "asistencia", "residence", "immunity", "non punishment", "non-punishment", "rehabilitat*",
		"reintegrat*", "care", "indemni*", "reparacion", "entschadigung", "zeugen*", "aide", "accompagnement",
		"identification", "reflection", "recovery", "return"}),
	headInstitutional: NewPhraseSet([]string{"committee", "council", "commission", "board", "fund", "authority",
		"task force", "agency", "office", "establishment", "functions", "minister*", "secretariat", "coordinat*",
		"rapporteur", "conseil", "comite", "consejo", "comision", "fondo", "ausschuss", "behorde*", "programme*",
		"program*", "plan", "report*", "prevention", "prevencion", "awareness", "training", "formacion",
		"capacitacion", "organi*", "powers", "duties", "enforcement officer*", "officer*", "cooperation",
		"cooperacion", "cooperation internationale", "partnership", "research", "data", "mandate", "mandat*"}),
	headProcedural: NewPhraseSet([]string{"jurisdiction", "extradition", "evidence", "procedure*", "proceeding*",
		"trial*", "court*", "investigat*", "mutual", "prosecution", "competence", "competencia", "procedimiento*",
		"verfahren", "zustandigkeit", "gerichtsbarkeit", "geltungsbereich", "auslandstaten", "extraterritorial",
		"extra-territorial", "extra territorial", "procedimiento", "juicio", "proceso", "tribunal*", "juridiction*",
		"enquete*", "ermittlung*", "limitation", "prescription", "prescripcion", "verjahrung", "arrest", "search*",
		"seizure", "powers of"}),
	textOffence: NewPhraseSet([]string{"commits an offence", "commits an offense", "commits the offence",
		"commits the offense", "guilty of an offence", "guilty of an offense", "shall be guilty", "is guilty",
		"liable to imprisonment", "liable on conviction", "liable on summary conviction", "shall be punished",
		"shall be punishable", "is punishable", "be imprisoned", "shall be fined", "shall be liable",
		"is liable", "est puni*", "sont puni*", "est passible", "punie de", "puni de", "wird bestraft", "werden bestraft",
		"wird mit freiheitsstrafe", "ist strafbar", "sind strafbar", "zu bestrafen", "sera castigad*", "seran castigad*",
		"sera penad*", "seran penad*", "sera reprimid*", "seran reprimid*", "sera sancionad*", "seran sancionad*",
		"incurrira", "incurriran", "se impondra", "se impondran", "se castigara", "imprisoned for",
		"is an offence", "is an offense", "shall be an offence", "constitue une infraction", "constitue le delit",
		"constituye delito", "comete el delito", "commet une infraction", "impos* la pena", "se aplicara la pena"}),
	textPenalty: NewPhraseSet([]string{"imprisonment", "imprisoned", "fine", "fined", "emprisonnement", "amende",
		"reclusion", "freiheitsstrafe", "geldstrafe", "prision", "multa", "pena de", "penalty", "peine", "strafe",
		"detention", "detencion", "inhabilitacion", "life imprisonment", "rigorous imprisonment", "forfeit*"}),
	textInstitutional: NewPhraseSet([]string{"there is established", "is hereby established", "shall establish",
		"shall be established", "is established", "may establish", "shall designate", "shall appoint",
		"se crea", "se creara", "crease", "creee", "est cree", "est creee", "wird errichtet", "wird eingerichtet",
		"task force", "committee", "council", "commission", "national rapporteur", "coordinating body",
		"consejo federal", "comite", "conseil", "comision", "secretariat", "the minister", "the secretary",
		"el ministerio", "le ministre", "das bundesministerium", "the attorney general", "shall submit",
		"annual report", "informe anual", "rapport annuel", "shall develop", "shall formulate", "shall implement",
		"shall promote", "shall take measures", "shall adopt", "programme", "program", "programa", "national plan",
		"plan nacional", "plan national", "action plan", "plan of action", "training", "capacitacion",
		"formation", "awareness", "campaign*", "campana*", "sensibilisation", "cooperat*", "coordinat*"}),
	textProtection: NewPhraseSet([]string{"victim*", "victime*", "victima*", "opfer*", "trafficked person*",
		"survivor*", "witness*", "testigo*", "temoin*", "zeuge*"}),
	textProcedural: NewPhraseSet([]string{"jurisdiction", "extradit*", "mutual legal assistance", "mutual assistance",
		"in camera", "evidence", "trial", "court", "tribunal", "proceedings", "procedimiento*", "proceso",
		"juez", "jueza", "juzgado", "gericht*", "verfahren*", "strafverfahren", "procedure", "prosecut*",
		"investigat*", "investigacion*", "enquete", "competen*", "confiscat*", "forfeit*", "decomiso",
		"comiso", "einziehung", "verfall", "seize*", "seizure", "saisie"}),
}

func headTokens(p *statute.Provision) []Token {
	if p == nil || p.Heading == "" {
		return nil
	}
	f, m := Fold(p.Heading)
	return Tokenize(f, m)
}

// headingRoles classifies a section by its own heading and the headings of
// its divisions.
func headingRoles(sec *statute.Provision, c *roleCues, headToks func(*statute.Provision) []Token) RoleSet {
	var rs RoleSet
	own := headToks(sec)
	classify := func(toks []Token) RoleSet {
		var r RoleSet
		if c.headDefinition.Any(toks) {
			r |= bitDefinition
		}
		inst := c.headInstitutional.Any(toks)
		if inst {
			r |= bitInstitutional
		}
		if c.headProtection.Any(toks) {
			r |= bitProtection
		}
		if c.headProcedural.Any(toks) {
			r |= bitProcedural
		}
		if !inst && c.headOffence.Any(toks) {
			r |= bitOffence
		}
		return r
	}
	rs |= classify(own)
	// The nearest division heading adds context ("Part IV — Protection of
	// victims"), but never makes a section an offence by itself.
	for q := sec.Parent; q != nil; q = q.Parent {
		if q.Heading != "" {
			rs |= classify(headToks(q)) &^ (bitOffence | bitDefinition)
			break
		}
	}
	return rs
}

// textRoles classifies one segment by cue phrases in its text.
func textRoles(s *Segment, c *roleCues) RoleSet {
	var rs RoleSet
	off := s.Has(c.textOffence)
	if off {
		rs |= bitOffence
		if s.Has(c.textPenalty) {
			rs |= bitPenalty
		}
	}
	if s.Has(c.textInstitutional) {
		rs |= bitInstitutional
	}
	if !off && s.Has(c.textProtection) {
		rs |= bitProtection
	}
	if s.Has(c.textProcedural) {
		rs |= bitProcedural
	}
	return rs
}

var (
	nonOpHeads = NewPhraseSet([]string{"findings", "purposes and findings", "sense of congress", "preamble", "considerando*",
		"exposicion de motivos", "expose des motifs", "minimum standards", "whereas"})
	nonOpText = NewPhraseSet([]string{"government of a country", "government of the country", "governments of countries",
		"foreign government*", "minimum standards for the elimination", "the government of such country"})
	adviseText = NewPhraseSet([]string{"shall advise", "to advise", "advise the", "advise on", "make recommendations",
		"shall recommend", "to recommend", "asesorar", "conseiller", "beraten", "emitir recomendaciones", "formuler des recommandations"})
)

// pathTexts returns the folded tokens of the segment and of the own text of
// each ancestor up to its section.
func pathTexts(s *Segment) [][]Token {
	out := [][]Token{s.Toks}
	for p := s.Prov.Parent; p != nil; p = p.Parent {
		if p.Text != "" {
			if s.ix != nil {
				out = append(out, s.ix.ProvToks(p))
			} else {
				f, m := Fold(p.Text)
				out = append(out, Tokenize(f, m))
			}
		}
		if p == s.Section {
			break
		}
	}
	return out
}

func advisory(s *Segment) bool { return pathHas(s, adviseText) }

// pathHas reports whether the segment or the own text of an ancestor up to
// its section holds a phrase of ps; ancestors' answers are memoised.
func pathHas(s *Segment, ps *PhraseSet) bool {
	if s.Has(ps) {
		return true
	}
	for p := s.Prov.Parent; p != nil; p = p.Parent {
		if p.Text != "" && s.ix != nil && s.ix.provHas(ps, p) {
			return true
		}
		if p == s.Section {
			break
		}
	}
	return false
}
