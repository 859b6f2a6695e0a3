package score

import (
	"fmt"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/match"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Options controls one analysis.
type Options struct {
	// Country restricts the corpus to one country's statutes (ISO alpha-3,
	// case-insensitive); empty analyses every statute given.
	Country string
	// AsOf picks, per statute, the latest version dated on or before this
	// date (YYYY-MM-DD); empty picks the latest version.
	AsOf string
	// LacunaVersion is copied into the result.
	LacunaVersion string
	// Overrides are reviewers' decisions (see ParseOverrides).
	Overrides []Override
	// Today (YYYY-MM-DD) decides whether an override has expired; empty
	// means no override expires.
	Today string
	// MaxEvidence caps the evidence items per element (default 2).
	MaxEvidence int
}

// Engine is a map compiled once: matchers for every element of every
// requirement.
type Engine struct {
	Map  *standard.Map
	reqs []compiledReq
	lex  *index.Lexicon
	// text renders reasons into the English Explanation of the JSON
	// contract.
	text *reason.Catalogue
}

type compiledReq struct {
	req   *standard.Requirement
	elems []*match.Element
	// loose are the elements' word patterns without role scope, to find
	// provisions that carry an element's words but were not counted (see
	// review.go).
	loose []looseSet
}

// Compile compiles the criteria of every requirement of m.
// The checks read the map's lexicon (standard.Map.Lexicon), or the
// embedded one when the map has none.
func Compile(m *standard.Map) (*Engine, error) {
	e := &Engine{Map: m}
	if m.Lexicon != nil {
		e.lex = index.CompileLexicon(m.Lexicon)
	} else {
		lx, err := index.DefaultLexicon()
		if err != nil {
			return nil, err
		}
		e.lex = lx
	}
	if err := match.CheckLexicon(e.lex); err != nil {
		return nil, err
	}
	if err := e.lex.Lacks(&struct{}{}, permissionClass); err != nil {
		return nil, err
	}
	text, err := reason.English()
	if err != nil {
		return nil, err
	}
	e.text = text
	reqs := append([]*standard.Requirement(nil), m.Requirements...)
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].ID < reqs[j].ID })
	for _, r := range reqs {
		cr := compiledReq{req: r}
		for i := range r.Criteria.Elements {
			el, err := match.CompileElement(&r.Criteria.Elements[i])
			if err != nil {
				return nil, fmt.Errorf("requirement %s: %w", r.ID, err)
			}
			if r.Pillar == standard.Protection {
				if victimPreferred[r.ID] {
					el.VictimPreferred()
				} else {
					el.VictimScoped()
				}
			}
			if attemptScoped[r.ID] {
				if of := el.Filter; of != nil {
					el.Filter = func(h match.Hit) bool { return match.AttemptOfOffence(h) && of(h) }
				} else {
					el.Filter = match.AttemptOfOffence
				}
			}
			cr.elems = append(cr.elems, el)
			cr.loose = append(cr.loose, looseMatchers(el))
		}
		e.reqs = append(e.reqs, cr)
	}
	return e, nil
}

// Analyze compiles m and analyses c. See Engine.Analyze.
func Analyze(c *statute.Corpus, m *standard.Map, opts Options) (*Result, error) {
	e, err := Compile(m)
	if err != nil {
		return nil, err
	}
	return e.Analyze(c, opts)
}

// Select returns the statutes of c for a country and date: per statute ID,
// the latest version dated on or before asOf (undated versions count as
// current). The order of c is kept.
func Select(c *statute.Corpus, country, asOf string) *statute.Corpus {
	out := &statute.Corpus{Warnings: c.Warnings}
	best := map[statute.StatuteID]*statute.Statute{}
	var order []statute.StatuteID
	for _, st := range c.Statutes {
		if country != "" && !strings.EqualFold(st.Meta.Country, country) {
			continue
		}
		d := st.Meta.VersionDate
		if asOf != "" && isDate(d) && d[:min(len(d), len(asOf))] > asOf {
			continue
		}
		id := st.Meta.ID
		if id == "" {
			id = statute.StatuteID(st.Path)
		}
		cur, ok := best[id]
		if !ok {
			order = append(order, id)
			best[id] = st
			continue
		}
		if later(st.Meta.VersionDate, cur.Meta.VersionDate) {
			best[id] = st
		}
	}
	for _, id := range order {
		out.Statutes = append(out.Statutes, best[id])
	}
	return out
}

func isDate(s string) bool { return len(s) >= 4 && s[0] >= '0' && s[0] <= '9' }

func later(a, b string) bool {
	switch {
	case !isDate(a):
		return false
	case !isDate(b):
		return true
	}
	return a > b
}

// Analyze produces the findings, penalty rows and scores for the statutes
// of c selected by opts. It is deterministic and does no I/O.
func (e *Engine) Analyze(c *statute.Corpus, opts Options) (*Result, error) {
	sel := Select(c, opts.Country, opts.AsOf)
	ix := index.BuildWith(sel, e.lex)
	return e.analyzeIndex(ix, opts)
}

func (e *Engine) analyzeIndex(ix *index.Index, opts Options) (*Result, error) {
	if opts.MaxEvidence <= 0 {
		opts.MaxEvidence = 2
	}
	m := e.Map
	res := &Result{LacunaVersion: opts.LacunaVersion, MappingVersion: m.Version, Country: strings.ToUpper(opts.Country), AsOf: opts.AsOf,
		LexiconHash: ix.Lex.Source().Hash}
	for _, st := range ix.Corpus.Statutes {
		res.Statutes = append(res.Statutes, StatuteRef{ID: string(st.Meta.ID), Title: firstNonEmpty(st.Meta.Title, st.Title),
			VersionDate: st.Meta.VersionDate, SHA256: st.SHA256, Path: st.Path, Language: st.Meta.Lang()})
		if l := st.Meta.Lang(); !ix.Lex.HasLanguage(l) {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s: language %q has no lexicon, expected mapping/lexicon/%s.yaml; "+
				"its provisions were read with the phrases of every other language and the map's English terms", st.Path, l, l))
		}
		if res.Country == "" {
			res.Country = strings.ToUpper(st.Meta.Country)
		} else if !strings.EqualFold(res.Country, st.Meta.Country) && opts.Country == "" {
			res.Country = "MIXED"
		}
	}
	facts := match.Facts(ix)
	res.Penalties = []penalty.Row{}
	for _, f := range facts {
		// related offences inform the checks but are not penalty rows
		if f.Offence != match.OffRelated {
			res.Penalties = append(res.Penalties, row(f))
		}
	}
	judgedAll := make([]judged, 0, len(e.reqs))
	for _, cr := range e.reqs {
		f, j, err := e.judge(ix, cr, facts, res.Country, opts)
		if err != nil {
			return nil, err
		}
		judgedAll = append(judgedAll, j)
		f.Score = round3(f.Verdict.Value() * f.Weight)
		res.Findings = append(res.Findings, f)
	}
	derive(ix, res, opts)
	// Reviewers' decisions apply to the machine verdicts as derived: a
	// decision made on another machine verdict, another statute version or
	// other quoted text is stale and asks for a new review (see staleness).
	ov := map[string]*Override{}
	for i := range opts.Overrides {
		o := opts.Overrides[i]
		if opts.Today != "" && o.Expires != "" && o.Expires < opts.Today {
			o.Expired = true
		}
		ov[o.Requirement] = &o
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		o := ov[f.Requirement]
		if o == nil {
			continue
		}
		o.Stale = staleness(o, f, res.Statutes)
		f.Override = o
		switch {
		case o.Expired:
			f.Reason = f.Reason.With(reason.New("review-expired", reason.Args{"reviewer": o.Reviewer, "expires": o.Expires}))
		case len(o.Stale) > 0:
			f.Reason = f.Reason.With(reason.New("review-stale", reason.Args{"reviewer": o.Reviewer, "stale": o.Stale}))
		default:
			f.Verdict = o.Verdict
			f.Origin = "review"
		}
		f.Score = round3(f.Verdict.Value() * f.Weight)
	}
	for _, o := range opts.Overrides {
		if p := ov[o.Requirement]; p != nil {
			res.Overrides = append(res.Overrides, *p)
		} else {
			res.Overrides = append(res.Overrides, o)
		}
	}
	segs := newSegLookup(ix)
	for i := range res.Findings {
		annotate(ix, segs, &res.Findings[i], judgedAll[i])
		if o := res.Findings[i].Override; o != nil && len(o.Stale) > 0 && !o.Expired {
			f := &res.Findings[i]
			if f.Review == nil {
				f.Review = &Review{}
			}
			f.Review.Needed = true
			f.Review.Reasons = append(f.Review.Reasons, ReviewReason{Code: "decision_stale",
				Reason: reason.New("decision-stale", reason.Args{"stale": o.Stale})})
		}
	}
	if err := res.RenderReasons(e.text); err != nil {
		return nil, err
	}
	sort.Slice(res.Findings, func(i, j int) bool { return res.Findings[i].Requirement < res.Findings[j].Requirement })
	res.Scores = e.scores(res)
	return res, nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func round3(x float64) float64 {
	if x < 0 {
		return -round3(-x)
	}
	return float64(int64(x*1000+0.5)) / 1000
}

func row(f match.Fact) penalty.Row {
	q := match.Quote(f.Hit)
	var heading string
	if f.Seg.Section != nil {
		heading = f.Seg.Section.Heading
	}
	return penalty.Row{Statute: string(f.Seg.Statute.Meta.ID), Provision: string(f.Seg.Prov.ID), Line: f.Seg.Line,
		Offence: f.Offence, OffenceLabel: match.PenaltyLexicon(f.Seg.Index()).Label(f.Offence, heading, f.Seg.Text), Penalty: f.Penalty, Quote: &q}
}

// notApplicable reports whether every instrument the requirement cites is
// a regional instrument the country is not bound by.
func notApplicable(m *standard.Map, r *standard.Requirement, country string) (bool, string) {
	if len(r.Sources) == 0 || country == "" || country == "MIXED" {
		return false, ""
	}
	var names []string
	for _, s := range r.Sources {
		in := m.Instrument(s.Instrument)
		if in == nil || in.Kind != standard.KindRegional || m.BoundBy(country, s.Instrument) {
			return false, ""
		}
		names = append(names, firstNonEmpty(in.Short, string(in.ID)))
	}
	return true, strings.Join(dedup(names), ", ")
}

func dedup(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// judge decides one requirement.
func (e *Engine) judge(ix *index.Index, cr compiledReq, facts []match.Fact, country string, opts Options) (Finding, judged, error) {
	r := cr.req
	j := judged{cr: cr}
	f := Finding{Requirement: string(r.ID), Title: r.Title, Origin: "machine", Weight: r.Weight, Pillar: string(r.Pillar),
		ChildSpecific: r.ChildSpecific, Mandatory: r.Mandatory, Evidence: []Evidence{}, Found: []string{}, Missing: []string{},
		ExternalRefs: []ExternalRef{}}
	if na, names := notApplicable(e.Map, r, country); na {
		f.Verdict, f.MachineVerdict = NotApplicable, NotApplicable
		f.Reason = reason.New("not-applicable", reason.Args{"requirement": string(r.ID), "instruments": names, "country": country})
		j.na = true
		return f, j, nil
	}
	results := make([]match.Result, len(cr.elems))
	for i, el := range cr.elems {
		results[i] = el.Find(ix)
	}
	j.raw = results
	var out match.Outcome
	if r.Criteria.Check != nil {
		in := &match.Input{Ix: ix, Req: r, Elements: cr.elems, Results: results, Facts: facts}
		o, err := match.RunCheck(r.Criteria.Check.Kind, in)
		if err != nil {
			return f, j, fmt.Errorf("%s: requirement %s: %w", r.Criteria.Check.Pos, r.ID, err)
		}
		out = o
		j.check = true
		if len(out.Evidence) == 0 && out.Level != match.LGap {
			for i, res := range results {
				out.Evidence = append(out.Evidence, cr.elems[i].Rank(res.Hits)[:min(1, len(res.Hits))]...)
			}
		}
		f.Evidence = evidence(out.Evidence, "", opts.MaxEvidence*2)
	} else {
		general := false
		if !traffickingScoped[r.ID].IsZero() {
			results = scopeToTrafficking(ix, results)
		} else if measureScoped[r.ID] {
			results, general = scopeGeneralCode(ix, results)
		}
		j.scoped = !traffickingScoped[r.ID].IsZero()
		out = combine(r, cr.elems, results)
		if !traffickingScoped[r.ID].IsZero() && out.Level == match.LGap && len(out.Found) == 0 && hadHits(cr, ix) {
			out.Reason = traffickingScoped[r.ID]
		}
		if general && out.Level == match.LGap && len(out.Found) == 0 {
			out.Reason = reason.New("general-code-other-offences-only", nil)
		}
		var first []match.Hit // the first element's hits, best first
		for i, res := range results {
			ranked := cr.elems[i].Rank(res.Hits)
			if i == 0 {
				first = ranked
			}
			f.Evidence = append(f.Evidence, evidence(ranked, elemName(cr.elems[i]), opts.MaxEvidence)...)
		}
		// the offence is proved by the provision that creates it, not by a
		// definition or a title that names it ("La Ley: La Ley General para
		// … Sancionar … los Delitos en Materia de Trata")
		if r.ID == "crim.offence" && out.Level != match.LGap && len(first) > 0 && !match.CreatesOffence(first[0].Seg) {
			if h, ok := match.CoreOffence(ix); ok {
				f.Evidence = append(evidence([]match.Hit{h}, elemName(cr.elems[0]), 1), f.Evidence...)
			}
		}
		if out.Level == match.LGap {
			f.Evidence = f.Evidence[:0]
		}
	}
	if out.Level == match.LGap && offenceSubject[r.ID] {
		h, law, ok := match.OffenceOutsideCorpus(ix)
		why := reason.New("offence-outside-corpus", reason.Args{"law": law})
		if !ok && offenceForms[r.ID] {
			h, law, ok = match.OffenceFormsOutsideCorpus(ix)
			why = reason.New("offence-forms-outside-corpus", reason.Args{"law": law})
		}
		if ok {
			out = match.Outcome{Level: match.LUndetermined, Evidence: []match.Hit{h}, External: []match.Ext{{Hit: h, Law: law}},
				Reason: why}
			f.Evidence = evidence(out.Evidence, "", 1)
		}
	}
	f.Verdict = Verdict(out.Level)
	f.MachineVerdict = f.Verdict
	f.Found = nonNil(out.Found)
	f.Missing = nonNil(out.Missing)
	f.FoundReasons = labelReasons(out.Found, out.FoundR)
	f.MissingReasons = labelReasons(out.Missing, out.MissingR)
	f.Reason = out.Reason
	for _, x := range out.External {
		f.ExternalRefs = append(f.ExternalRefs, extRef(x.Hit, x.Law))
	}
	if f.Verdict == Met || f.Verdict == Partial {
		if permissive(f.Evidence, permissionNeedles(ix.Lex)) {
			f.Reason = f.Reason.With(reason.New("permissive-wording", nil))
		}
	}
	j.results = results
	return f, j, nil
}

// derive applies the verdict rules of CORE-REQUIREMENTS.md that follow
// from other findings rather than from wording:
//   - def.means is met when the offence requires no means at all;
//   - a child-trafficking offence without means for a sexual purpose makes
//     offering, obtaining, procuring or providing a child for prostitution
//     an offence (crim.child-prostitution);
//   - such an offence satisfies crim.sale-of-children partially (rule 5).
//
// Reviewed findings keep their reviewed verdict; the machine verdict and
// score are updated.
func derive(ix *index.Index, res *Result, opts Options) {
	byID := map[string]*Finding{}
	for i := range res.Findings {
		byID[res.Findings[i].Requirement] = &res.Findings[i]
	}
	set := func(f *Finding, v Verdict, h match.Hit, why reason.Reason) {
		f.MachineVerdict = v
		if f.Origin == "machine" {
			f.Verdict = v
		}
		f.Score = round3(f.Verdict.Value() * f.Weight)
		f.Reason = why
		f.Evidence = evidence([]match.Hit{h}, "", 1)
		if v == Met {
			f.Missing = []string{}
		}
	}
	if f := byID["def.means"]; f != nil && f.MachineVerdict != Met {
		if h, ok := match.NoMeansAtAll(ix); ok {
			set(f, Met, h, reason.New("no-means-at-all", nil))
		}
	}
	// an offence that protects children only covers only some victims
	// (CORE: partial "only for some forms/victims")
	if f := byID["crim.offence"]; f != nil && f.MachineVerdict == Met && match.ChildOnlyTrafficking(ix) {
		f.MachineVerdict = Partial
		if f.Origin == "machine" {
			f.Verdict = Partial
		}
		f.Score = round3(f.Verdict.Value() * f.Weight)
		f.Reason = reason.New("offence-children-only", nil)
		f.MissingReasons = append(f.MissingReasons, reason.New("label-adult-victims", nil))
		f.Missing = englishLabels(f.MissingReasons)
	}
	cnm := byID["def.child-no-means"]
	if cnm == nil || (cnm.MachineVerdict != Met && cnm.MachineVerdict != Partial) || len(cnm.Evidence) == 0 {
		return
	}
	if f := byID["crim.child-prostitution"]; f != nil && (f.MachineVerdict == Gap || f.MachineVerdict == Partial) {
		if _, ok := match.SexualPurpose(ix); ok {
			h := firstHit(ix, cnm.Evidence[0])
			set(f, Met, h, reason.New("child-prostitution-via-child-trafficking", nil))
		}
	}
	if f := byID["crim.sale-of-children"]; f != nil && f.MachineVerdict == Gap {
		h := firstHit(ix, cnm.Evidence[0])
		set(f, Partial, h, reason.New("sale-via-child-trafficking", nil))
		f.MissingReasons = []reason.Reason{reason.New("label-sale-any-purpose", nil)}
		f.Missing = englishLabels(f.MissingReasons)
	}
}

// firstHit finds the segment an evidence item quotes, as a hit.
func firstHit(ix *index.Index, e Evidence) match.Hit {
	for _, s := range ix.Segments {
		if string(s.Prov.ID) == e.Provision && s.Line == e.Line && string(s.Statute.Meta.ID) == e.Statute {
			return match.Hit{Seg: s, I: 0, J: len(s.Toks)}
		}
	}
	return match.Hit{}
}

// traffickingScoped lists requirements that count only where they reach
// the trafficking offences, with the explanation of a gap whose only hits
// lie elsewhere: liability of legal persons (reading rule 7), and the acts,
// means and purposes, which define the trafficking offence (the menace of
// penalty in a definition of forced labour is not a means of trafficking).
var traffickingScoped = map[standard.RequirementID]reason.Reason{
	"crim.legal-persons": reason.New("legal-persons-other-offences-only", nil),
	"def.acts":           reason.New("found-outside-trafficking-only", nil),
	"def.means":          reason.New("found-outside-trafficking-only", nil),
	"def.purposes":       reason.New("found-outside-trafficking-only", nil),
}

// offenceSubject lists the requirements whose subject is the trafficking
// offence itself (its definition and its penalty). When the corpus holds no
// trafficking offence but names one by a provision of a law outside it
// ("Opfer einer Straftat nach § 232 des Strafgesetzbuches"), they are
// undetermined, not gap (reading rule 1).
var offenceSubject = map[standard.RequirementID]bool{
	"def.acts": true, "def.means": true, "def.purposes": true, "def.consent-irrelevant": true,
	"def.child-no-means": true, "def.no-movement-required": true, "crim.offence": true,
	"pen.serious-crime": true, "pen.custodial-mandatory": true, "pen.child-aggravation": true,
	// the child of the trafficking offences is the child of the law that
	// creates them
	"def.child-age-18": true,
}

// victimPreferred lists the protection requirements whose words count
// outside a section that names a victim when no such section has them
// (see match.Element.VictimPreferred): compensation, restitution and
// reparation are remedies for a wrong wherever they stand.
var victimPreferred = map[standard.RequirementID]bool{"prot.compensation": true}

// offenceForms lists the requirements on what the trafficking offence
// consists of (its acts, means and purposes, whom and where it covers):
// those a corpus settles by naming "the forms of trafficking provided by"
// a law outside it (match.OffenceFormsOutsideCorpus); its penalty, the age
// of a child and the irrelevance of consent are other points.
var offenceForms = map[standard.RequirementID]bool{
	"def.acts": true, "def.means": true, "def.purposes": true, "def.child-no-means": true,
	"def.no-movement-required": true, "crim.offence": true,
}

// attemptScoped lists requirements on attempt: an attempt word counts only
// where the attempt is of an offence ("attempts to commit an offence"), not
// of another act ("attempts to initiate adoption proceedings"); their
// elements filter hits with match.AttemptOfOffence.
var attemptScoped = map[standard.RequirementID]bool{"crim.attempt": true}

// scopeToTrafficking keeps the hits of provisions that apply to the
// trafficking offences.
func scopeToTrafficking(ix *index.Index, rs []match.Result) []match.Result {
	out := make([]match.Result, len(rs))
	for i, r := range rs {
		out[i].Cross = r.Cross
		for _, h := range r.Hits {
			if match.InTraffickingScope(ix, h.Seg) {
				out[i].Hits = append(out[i].Hits, h)
			}
		}
	}
	return out
}

// measureScoped lists the measures CORE asks for victims of trafficking
// and for action against it (bodies, training, data, identification,
// assistance, residence, return, guardians, campaigns, demand, borders,
// recruitment agencies, plans, cooperation). In a general code (see
// match.GeneralCode) such words mostly serve other offences ("campagne" of
// a rural offence, "association" of criminals, "tuteur" among the rights
// a sentence withdraws), so there a hit counts only where the provision
// reaches the trafficking offences. Safeguards general law gives every
// victim or person (compensation, privacy, information, birth
// registration, documents, best interests, age presumption, the list of
// hazardous work) are not scoped.
var measureScoped = map[standard.RequirementID]bool{
	"enf.specialised-authority": true, "enf.coordination-body": true, "enf.training": true, "enf.data-rapporteur": true,
	"prot.identification": true, "prot.assistance": true, "prot.witness-protection": true, "prot.residence-permit": true,
	"prot.repatriation": true, "prot.child-guardian": true, "prot.child-friendly-procedures": true, "prot.child-reintegration": true,
	"prev.awareness": true, "prev.root-causes": true, "prev.demand": true, "prev.border-measures": true,
	"prev.recruitment-regulation": true, "part.civil-society": true, "part.national-action-plan": true,
	"part.international-cooperation": true,
}

// scopeGeneralCode drops the hits of provisions of a general code that do
// not reach the trafficking offences; dropped reports whether any was.
func scopeGeneralCode(ix *index.Index, rs []match.Result) ([]match.Result, bool) {
	dropped := false
	out := make([]match.Result, len(rs))
	for i, r := range rs {
		out[i].Cross = r.Cross
		for _, h := range r.Hits {
			if match.GeneralCode(ix, h.Seg.Statute) && !match.InTraffickingScope(ix, h.Seg) {
				dropped = true
				continue
			}
			out[i].Hits = append(out[i].Hits, h)
		}
	}
	return out, dropped
}

func hadHits(cr compiledReq, ix *index.Index) bool {
	for _, el := range cr.elems {
		if el.Find(ix).Found() {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func elemName(e *match.Element) string {
	if e.El.Label != "" {
		return e.El.Label
	}
	return e.El.ID
}

// permissive reports whether every quote of ev holds one of needles (see
// permissionNeedles): the finding rests on wording that only permits.
func permissive(ev []Evidence, needles []string) bool {
	if len(ev) == 0 {
		return false
	}
	for _, e := range ev {
		q := " " + strings.ToLower(e.Quote) + " "
		found := false
		for _, n := range needles {
			if strings.Contains(q, n) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

type permissionKey struct{}

// permissionClass names the modal verbs of permission (may, peut, kann,
// podrá), read over every language.
const permissionClass = "permission-modal"

// permissionNeedles returns the phrases of the class permission-modal of
// lx, each lower-cased between spaces as written and, when different,
// folded (" podrá ", " podra "), in the lexicon's order; built once per
// lexicon.
func permissionNeedles(lx *index.Lexicon) []string {
	return lx.Memo(permissionKey{}, func() any {
		var out []string
		seen := map[string]bool{}
		for _, p := range lx.Source().Union(permissionClass) {
			for _, w := range []string{strings.ToLower(p), index.FoldString(p)} {
				if n := " " + w + " "; !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
		return out
	}).([]string)
}

// combine decides an element-based requirement (no built-in check).
func combine(r *standard.Requirement, elems []*match.Element, results []match.Result) match.Outcome {
	var o match.Outcome
	n := len(elems)
	k := 0
	var cross []match.Hit
	requiredMissing := false
	for i, res := range results {
		if res.Found() {
			k++
			o.Found = append(o.Found, elemName(elems[i]))
		} else {
			o.Missing = append(o.Missing, elemName(elems[i]))
			cross = append(cross, res.Cross...)
			requiredMissing = requiredMissing || elems[i].El.Required
		}
	}
	metAt := r.Criteria.Combine.MetAt
	if metAt <= 0 || metAt > n {
		metAt = n
	}
	partialAt := r.Criteria.Combine.PartialAt
	if partialAt <= 0 {
		partialAt = 1
	}
	switch {
	case n == 0:
		o.Level = match.LGap
		o.Reason = reason.New("no-criteria", nil)
	case requiredMissing && len(cross) == 0:
		o.Level = match.LGap
		o.Reason = reason.New("elements-too-few", reason.Args{"found": k, "total": n, "needed": metAt, "missing": o.Missing})
	case requiredMissing:
		o.Level = match.LUndetermined
		o.Evidence = cross[:1]
		o.External = []match.Ext{{Hit: cross[0], Law: cross[0].Law}}
		o.Reason = reason.New("referred-outside-corpus", reason.Args{"law": cross[0].Law})
	case k >= metAt:
		o.Level = match.LMet
		o.Reason = reason.New("elements-found", reason.Args{"found": k, "total": n, "needed": metAt, "elements": o.Found})
	case k >= partialAt && !r.Criteria.Combine.NoPartial:
		o.Level = match.LPartial
		o.Reason = reason.New("elements-partial", reason.Args{"found": k, "total": n, "needed": metAt, "missing": o.Missing})
	case len(cross) > 0:
		o.Level = match.LUndetermined
		o.Evidence = cross[:1]
		o.External = []match.Ext{{Hit: cross[0], Law: cross[0].Law}}
		o.Reason = reason.New("referred-outside-corpus", reason.Args{"law": cross[0].Law})
	default:
		o.Level = match.LGap
		if k > 0 {
			o.Reason = reason.New("elements-too-few", reason.Args{"found": k, "total": n, "needed": metAt, "missing": o.Missing})
		} else {
			o.Reason = reason.New("not-found", nil)
		}
	}
	return o
}

func evidence(hs []match.Hit, element string, max int) []Evidence {
	var out []Evidence
	seen := map[string]bool{}
	for _, h := range hs {
		if len(out) >= max {
			break
		}
		if h.Seg == nil || h.Seg.Repealed() {
			continue
		}
		ev := Evidence{Statute: string(h.Seg.Statute.Meta.ID), VersionDate: h.Seg.Statute.Meta.VersionDate,
			Provision: string(h.Seg.Prov.ID), Line: h.Seg.Line, Quote: match.Quote(h), Context: match.Context(h), Element: element, Path: h.Seg.Statute.Path}
		if element == "" {
			ev.Element = h.Term
		}
		k := ev.Statute + "|" + ev.Provision + "|" + fmt.Sprint(ev.Line)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, ev)
	}
	return out
}

func extRef(h match.Hit, law string) ExternalRef {
	x := ExternalRef{Law: law}
	if h.Seg != nil {
		x.Statute = string(h.Seg.Statute.Meta.ID)
		x.Provision = string(h.Seg.Prov.ID)
		x.Line = h.Seg.Line
		x.Quote = match.Quote(h)
	}
	return x
}

// labelReasons aligns a check's label codes with its labels: the codes
// are the last len(codes) labels (RunCheck appends them after any element
// label); nil when there are none.
func labelReasons(labels []string, codes []reason.Reason) []reason.Reason {
	if len(codes) == 0 || len(codes) > len(labels) {
		return nil
	}
	out := make([]reason.Reason, len(labels))
	copy(out[len(labels)-len(codes):], codes)
	return out
}

// englishLabels renders label codes with the English catalogue; a code
// it cannot render is kept as the code itself (the catalogue test
// checks every code the engine uses).
func englishLabels(rs []reason.Reason) []string {
	en, err := reason.English()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Code
		if err == nil {
			if s, err := en.Render(r); err == nil {
				out[i] = s
			}
		}
	}
	return out
}
