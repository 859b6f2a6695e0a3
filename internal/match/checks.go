package match

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Level is a verdict as decided by matching; score maps it 1:1 to
// score.Verdict (same spelling).
type Level string

const (
	LMet          Level = "met"
	LPartial      Level = "partial"
	LGap          Level = "gap"
	LContrary     Level = "contrary"
	LUndetermined Level = "undetermined"
)

// Ext is a reference to a law outside the corpus that decides a point.
type Ext struct {
	Hit Hit
	Law string
}

// Outcome is a check's decision with its evidence.
type Outcome struct {
	Level    Level
	Evidence []Hit
	Found    []string
	Missing  []string
	// FoundR and MissingR are a check's labels as reason codes (label-*):
	// RunCheck renders them, in English, into Found and Missing, so a
	// pack can render them again in its language. Element labels come
	// from the map and have no code.
	FoundR   []reason.Reason
	MissingR []reason.Reason
	Reason   reason.Reason // why: a code with arguments, rendered by a reason.Catalogue
	External []Ext
}

// Input is what a check sees: the index, the requirement, what its
// elements found (by element index) and the penalty facts.
type Input struct {
	Ix       *index.Index
	Req      *standard.Requirement
	Elements []*Element
	Results  []Result
	Facts    []Fact
}

// elementHits returns all hits of all elements (evidence the map supplies).
func (in *Input) elementHits() []Hit {
	var out []Hit
	for _, r := range in.Results {
		out = append(out, r.Hits...)
	}
	sortHits(out)
	return out
}

func (in *Input) threshold(key string, def float64) float64 {
	if v, ok := in.Req.Thresholds[key]; ok {
		return v
	}
	if c := in.Req.Criteria.Check; c != nil {
		if v, ok := c.Params[key]; ok {
			return v
		}
	}
	return def
}

// PenaltyTerm is the term of a hit that stands for a penalty clause (a
// penalty fact), shown as the element its evidence proves.
const PenaltyTerm = "penalty"

// SentencingLaw names the law a penalty by grade of offence refers to
// when the corpus lacks its sentencing provisions.
const SentencingLaw = "the sentencing provisions for the grade of offence (not in the corpus)"

// RunCheck runs the named built-in check. The labels it gives as codes
// (FoundR, MissingR) are rendered into Found and Missing by the English
// reason catalogue; a code the catalogue cannot render is an error.
func RunCheck(kind standard.CheckKind, in *Input) (Outcome, error) {
	out, err := runCheck(kind, in)
	if err != nil || len(out.FoundR)+len(out.MissingR) == 0 {
		return out, err
	}
	en, err := reason.English()
	if err != nil {
		return Outcome{}, fmt.Errorf("check %s: %w", kind, err)
	}
	for _, l := range []struct {
		codes []reason.Reason
		dst   *[]string
	}{{out.FoundR, &out.Found}, {out.MissingR, &out.Missing}} {
		for _, c := range l.codes {
			s, err := en.Render(c)
			if err != nil {
				return Outcome{}, fmt.Errorf("check %s: label: %w", kind, err)
			}
			*l.dst = append(*l.dst, s)
		}
	}
	return out, nil
}

func runCheck(kind standard.CheckKind, in *Input) (Outcome, error) {
	switch kind {
	case standard.CheckChildNoMeans:
		return checkChildNoMeans(in), nil
	case standard.CheckChildAge:
		return checkChildAge(in), nil
	case standard.CheckConsentIrrelevant:
		return checkConsent(in), nil
	case standard.CheckPenaltyThreshold:
		return checkPenaltyThreshold(in), nil
	case standard.CheckFineAlternative:
		return checkFineAlternative(in), nil
	case standard.CheckChildAggravation:
		return checkChildAggravation(in), nil
	case standard.CheckReflectionPeriod:
		return checkReflection(in), nil
	case standard.CheckNonPunishmentScope:
		return checkNonPunishment(in), nil
	case standard.CheckNoMovementRequired:
		return checkNoMovement(in), nil
	}
	return Outcome{}, fmt.Errorf("unknown check %q", kind)
}

// spanOf returns the first match of ps in s as a hit.
func spanOf(s *index.Segment, ps *index.PhraseSet) (Hit, bool) {
	if !s.Has(ps) {
		return Hit{}, false
	}
	sp := ps.Find(s.Toks)
	if len(sp) == 0 {
		return Hit{}, false
	}
	return Hit{Seg: s, I: sp[0].I, J: sp[0].J, Term: ps.Terms[sp[0].Phrase]}, true
}

func usable(s *index.Segment) bool { return !s.Repealed() && !s.NonOperative && !s.Advisory }

// trafficOffenceSegs are segments of offence provisions about trafficking.
func trafficOffenceSegs(ix *index.Index) []*index.Segment {
	return ix.Memo(trafficOffenceKey{}, func() any {
		var out []*index.Segment
		for _, s := range ix.Segments {
			cu := cuesFor(s)
			if !usable(s) || !s.Roles.Has("offence") {
				continue
			}
			if !(hasTraffick(s) || traffickIn(cu, headToks(s)) || (actCount(s) >= 2 && s.Has(cu.ExploitTerms))) {
				continue
			}
			// (a jurisdiction rule's list of the offences it reaches,
			// "traite d'êtres humains (art. 182), contrainte sexuelle
			// (art. 189)", names trafficking but is no offence clause)
			if listsOffencesOnly(ix, s) {
				continue
			}
			out = append(out, s)
		}
		return out
	}).([]*index.Segment)
}

type trafficOffenceKey struct{}

// ChildOnlyTrafficking reports whether the corpus's trafficking offences
// protect children only (a children's code, a child-trafficking law): it
// punishes trafficking, no trafficking penalty is that of an offence
// against any person (a basic row), and every clause that states the acts
// of trafficking names a child victim and no adult.
func ChildOnlyTrafficking(ix *index.Index) bool {
	return ix.Memo(childOnlyKey{}, func() any {
		n := 0
		for _, f := range Facts(ix) {
			if f.Offence != OffTrafficking {
				continue
			}
			if f.Penalty.Variant == penalty.VariantBasic {
				return false
			}
			n++
		}
		if n == 0 {
			return false
		}
		for _, s := range trafficOffenceSegs(ix) {
			if actCount(s) >= 2 && !segChildOnly(s) {
				return false
			}
		}
		return true
	}).(bool)
}

type childOnlyKey struct{}

// ---- child without means (Palermo 3(c)) ----

// headChildOnly is childOnly of the heading of s's section, memoised per
// section (on the slot of its first segment).
func headChildOnly(s *index.Segment) bool {
	ix := s.Index()
	segs := ix.BySection[s.Section]
	if len(segs) == 0 {
		return childOnly(cuesFor(s), headToks(s), "")
	}
	memo := ix.SegMemo("head-child-only")
	k := segs[0].Ord
	if memo[k] == 0 {
		memo[k] = 1
		if childOnly(cuesFor(s), headToks(s), "") {
			memo[k] = 2
		}
	}
	return memo[k] == 2
}

func checkChildNoMeans(in *Input) Outcome {
	ix := in.Ix
	if ev, ok := coerciveExploitation(ix); ok {
		return Outcome{Level: LGap, Evidence: []Hit{ev}, MissingR: []reason.Reason{reason.New("label-child-no-means-proof", nil)},
			Reason: reason.New("child-means-via-exploitation-definition", nil)}
	}
	if ev, ok := noMeansAtAll(ix); ok {
		return Outcome{Level: LMet, Evidence: []Hit{ev}, FoundR: []reason.Reason{reason.New("label-no-means-any-victim", nil)},
			Reason: reason.New("no-means-for-any-victim", nil)}
	}
	var best *Hit
	bestSexOnly := true
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		// (the child may be named by the section's caption only: "205.
		// Trafficking in children … (2) It is not necessary for the
		// prosecution to prove that the first person used force")
		if !usable(s) || !(namesChild(s) || segChildOnly(s) || ageUnder18Plus(s) || headChildOnly(s)) {
			continue
		}
		offence := s.Roles.Has("offence") || s.Roles.Has("definition")
		// outside offence text only a rule on proof counts ("where the
		// victim is a child, coercion need not be proved")
		// (the means named as such: "même si aucun des moyens énumérés à
		// l'article 2 n'a été employé")
		if !offence && !((s.Has(cu.MeansTerms) || s.Has(cu.MeansWord)) && s.Has(cu.NoMeansCues)) {
			continue
		}
		if offence && !(hasTraffick(s) || s.Has(cu.CoreActTerms) || traffickIn(cu, headToks(s)) ||
			(s.Has(cu.NoMeansCues) && sectionClass(ix, s.Section) == OffTrafficking)) {
			continue
		}
		h, ok := spanOf(s, cu.NoMeansCues)
		if ok && !nearMeans(s, h) {
			ok = false
		}
		if !ok {
			h, ok = childAlternative(s)
		}
		if !ok {
			// a child-specific offence whose section names no means at all
			if !childOffenceWithoutMeans(ix, s) {
				continue
			}
			if h, ok = spanOf(s, cu.ChildTerms); !ok {
				h = Hit{Seg: s, I: 0, J: min(1, len(s.Toks)), Term: "child"}
			}
		}
		if sectionClass(ix, s.Section) == OffSale {
			continue
		}
		sexOnly := sexualOnly(ix, s) || s.Has(cu.RestrictCues)
		if best == nil || (bestSexOnly && !sexOnly) {
			hh := h
			best, bestSexOnly = &hh, sexOnly
		}
	}
	if best == nil {
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-child-no-means-proof", nil)},
			Reason: reason.New("child-without-means-not-found", nil)}
	}
	if bestSexOnly {
		return Outcome{Level: LPartial, Evidence: []Hit{*best}, FoundR: []reason.Reason{reason.New("label-child-no-means-sexual", nil)},
			MissingR: []reason.Reason{reason.New("label-child-no-means-other", nil)},
			Reason:   reason.New("child-without-means-sexual-only", nil)}
	}
	return Outcome{Level: LMet, Evidence: []Hit{*best}, FoundR: []reason.Reason{reason.New("label-child-no-means-proof", nil)},
		Reason: reason.New("child-without-means", nil)}
}

// nearMeans reports whether a no-means cue speaks of the means: a means
// word within 25 tokens.
func nearMeans(s *index.Segment, h Hit) bool {
	cu := cuesFor(s)
	for _, sp := range cu.MeansWord.Find(s.Toks) {
		if abs(sp.I-h.I) <= 25 {
			return true
		}
	}
	for _, sp := range cu.StrongMeans.Find(s.Toks) {
		if abs(sp.I-h.I) <= 25 {
			return true
		}
	}
	return false
}

// NoMeansAtAll reports whether the core trafficking offence of the corpus
// names none of the means (then every means is "covered": Palermo 3(a) is
// met a fortiori), with the offence as evidence.
// Exploitation defined by coercive conduct works as a means (reading rule
// 6), so then the answer is false.
func NoMeansAtAll(ix *index.Index) (Hit, bool) {
	if _, ok := coerciveExploitation(ix); ok {
		return Hit{}, false
	}
	return noMeansAtAll(ix)
}

// SexualPurpose reports a trafficking offence or definition of exploitation
// whose purposes include prostitution or sexual exploitation.
func SexualPurpose(ix *index.Index) (Hit, bool) {
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !(s.Roles.Has("offence") || s.Roles.Has("definition")) || !s.Has(cu.SexualTerms) {
			continue
		}
		if !(hasTraffick(s) || s.Has(cu.ExploitTerms) || actCount(s) >= 2) {
			continue
		}
		for _, sp := range cu.SexualTerms.Find(s.Toks) {
			if !sexualHarm(cu, s.Toks, sp) {
				return Hit{Seg: s, I: sp.I, J: sp.J, Term: cu.SexualTerms.Terms[sp.Phrase]}, true
			}
		}
	}
	return Hit{}, false
}

// sexualHarm reports whether a sexual word names a harm done to the victim
// ("aggravated sexual assault" as an aggravating circumstance, "agression
// sexuelle", "agresión sexual", "sexueller Übergriff"), not a purpose of
// exploitation.
func sexualHarm(cu *cues, toks []index.Token, sp index.Span) bool {
	if sp.J < len(toks) && cu.HarmAfter[toks[sp.J].Word] {
		return true
	}
	return sp.I > 0 && cu.HarmBefore[toks[sp.I-1].Word]
}

var ()

// noMeansAtAll reports whether the core trafficking offence (the acts for
// a purpose of exploitation) names none of the means.
func noMeansAtAll(ix *index.Index) (Hit, bool) {
	var first *Hit
	segs := trafficOffenceSegs(ix)
	// any trafficking offence that names means (labour trafficking "by
	// force, threat or fraud" beside a promoting-prostitution definition
	// that names none) means the corpus does not do without them
	for _, s := range segs {
		cu := cuesFor(s)
		// (or names them by reference: "empleando alguno de los medios
		// previstos en la letra b) del artículo 2"); not a clause saying
		// they need not be used ("La infracción se configura aunque la
		// persona infractora no haya empleado violencia …") nor a sanction
		// they aggravate ("Con pena … de diecinueve a veintidós años, si
		// la persona infractora ha empleado violencia …")
		if s.Has(cu.StrongMeans) && !meansDispensed(s) && !meansAggravate(s) || meansByReference(s) {
			return Hit{}, false
		}
	}
	for _, s := range segs {
		cu := cuesFor(s)
		// (a child clause "even without any of the means" is no proof that
		// the core offence needs none)
		if actCount(s) < 3 || segChildOnly(s) {
			continue
		}
		for _, t := range ix.BySection[s.Section] {
			cu := cuesFor(t)
			if t.Has(cu.StrongMeans) && !meansDispensed(t) && !meansAggravate(t) {
				return Hit{}, false
			}
		}
		if !s.Has(cu.ExploitTerms) {
			continue
		}
		if first == nil {
			h, _ := spanOf(s, cu.ActTerms)
			first = &h
		}
	}
	if first == nil {
		first = definedWithoutMeans(ix, segs)
	}
	if first == nil {
		return Hit{}, false
	}
	return *first, true
}

// meansDispensed reports whether the first means a segment names follow
// a phrase saying they need not be used, within a few words ("aunque la
// persona infractora no haya empleado violencia, amenaza …").
func meansDispensed(s *index.Segment) bool {
	cu := cuesFor(s)
	ms := cu.StrongMeans.Find(s.Toks)
	if len(ms) == 0 {
		return false
	}
	for _, c := range cu.NoMeansCues.Find(s.Toks[:ms[0].I]) {
		if ms[0].I-c.J <= 3 {
			return true
		}
	}
	return false
}

// meansAggravate reports whether the means a segment names come in a
// condition after its own sanction ("Con pena privativa de libertad de … a
// … años, si la persona infractora ha empleado violencia"): they aggravate
// the offence rather than define it.
func meansAggravate(s *index.Segment) bool {
	cu := cuesFor(s)
	ms := cu.StrongMeans.Find(s.Toks)
	if len(ms) == 0 {
		return false
	}
	pen := -1
	for _, p := range cu.PenaltyWords.Find(s.Toks) {
		pen = p.I
		break
	}
	if pen < 0 || pen > ms[0].I {
		return false
	}
	for k := pen + 1; k < ms[0].I; k++ {
		if cu.CondWords[s.Toks[k].Word] {
			return true
		}
	}
	return false
}

// meansByReference reports whether a segment requires the means a
// reference names ("empleando alguno de los medios previstos en la letra
// b) del artículo 2"): a means noun with a reference within eight words
// after it, and no cue that does without them.
func meansByReference(s *index.Segment) bool {
	cu := cuesFor(s)
	if len(s.Refs) == 0 || !s.Has(cu.MeansWord) {
		return false
	}
	// a no-means cue in the sentence of the means word denies them ("sin
	// necesidad de los medios previstos en …"); one in a later sentence
	// ("Si la víctima fuere niño, no se requerirá …") concerns its case only
	noMeans := cu.NoMeansCues.Find(s.Toks)
	for _, sp := range cu.MeansWord.Find(s.Toks) {
		a, b := sentenceBounds(s, sp.I)
		denied := false
		for _, n := range noMeans {
			denied = denied || n.I >= a && n.I < b
		}
		if denied {
			continue
		}
		for _, r := range s.Refs {
			if i, _ := offsetSpan(s, r.Start, r.Start+1); i >= sp.J && i-sp.J <= 8 {
				return true
			}
		}
	}
	return false
}

// definedWithoutMeans finds the definition of trafficking that an offence
// punishes by its name ("- traite des personnes : le recrutement … par
// quelque moyen que ce soit, en vue de son exploitation", then "La traite
// des personnes est punie de …") when the definition holds the acts and the
// purpose but none of the means.
func definedWithoutMeans(ix *index.Index, segs []*index.Segment) *Hit {
	named := false
	for _, s := range segs {
		if hasTraffick(s) && actCount(s) < 3 {
			named = true
			break
		}
	}
	if !named {
		return nil
	}
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		// (not the child clause: "Est également considéré comme traite …
		// l'accueil d'un enfant …, même lorsqu'aucun des moyens …")
		if !usable(s) || !s.Roles.Has("definition") || len(s.Defines) == 0 || !hasTraffick(s) || segChildOnly(s) ||
			actCount(s) < 3 || !s.Has(cu.ExploitTerms) || itemsHave(ix, s, cu.StrongMeans) {
			continue
		}
		h, _ := spanOf(s, cu.ActTerms)
		return &h
	}
	return nil
}

// itemsHave reports whether s or one of its list items (the provisions
// under s's, "by— (a) threat or use of force …") holds a phrase of ps.
func itemsHave(ix *index.Index, s *index.Segment, ps *index.PhraseSet) bool {
	if s.Has(ps) {
		return true
	}
	for _, t := range ix.BySection[s.Section] {
		if t.Prov.Within(s.Prov) && t.Has(ps) {
			return true
		}
	}
	return false
}

func childOffenceWithoutMeans(ix *index.Index, s *index.Segment) bool {
	cu := cuesFor(s)
	if !s.Roles.Has("offence") || !(hasTraffick(s) || actCount(s) >= 2) {
		return false
	}
	// "knowing that a child has been trafficked, engages such child" uses
	// a victim; it is no trafficking act
	if actCount(s) < 2 && s.Has(cu.VictimStatus) {
		return false
	}
	// the segment, or the sentence a list item finishes ("Whoever — …
	// (c) recruits … a child …, shall be guilty of the offence"), states
	// an offence
	if !s.Has(cu.SanctionWords) && !s.Has(cu.OffenceWords) && !parentHas(s, cu.OffenceWords) {
		return false
	}
	// "Where the offence involves the trafficking of a child, it shall be
	// punishable with …" aggravates the offence already defined, means
	// and all; it creates no offence without them
	if s.Has(cu.BaseOffenceRefs) {
		return false
	}
	// "… cometidos contra ellos serán reprimidos conforme a lo dispuesto en
	// los artículos 125 bis … del Código Penal" hands the offence to
	// another law: it creates none in the corpus
	if deferredOutside(s, Hit{Seg: s}) != "" {
		return false
	}
	return !s.Has(cu.StrongMeans)
}

// parentHas reports whether the own text of a list item's parent (its
// lead-in and tail) holds a phrase of ps.
func parentHas(s *index.Segment, ps *index.PhraseSet) bool {
	p := s.Prov.Parent
	ix := s.Index()
	if p == nil || s.Prov == s.Section || p.Text == "" || ix == nil {
		return false
	}
	return ps.Any(ix.ProvToks(p))
}

// sentenceBounds returns the token range of the sentence holding token i.
func sentenceBounds(s *index.Segment, i int) (int, int) {
	a := i
	for a > 0 && !strings.Contains(s.Fold[s.Toks[a-1].End:s.Toks[a].Start], ". ") {
		a--
	}
	b := i + 1
	for b < len(s.Toks) && !strings.Contains(s.Fold[s.Toks[b-1].End:s.Toks[b].Start], ". ") {
		b++
	}
	return a, b
}

func ageUnder18Plus(s *index.Segment) bool {
	cu := cuesFor(s)
	if !s.Has(cu.AgeCtx) {
		return false
	}
	memo := s.Index().SegMemo("age-18-plus")
	if memo[s.Ord] == 0 {
		memo[s.Ord] = 1
		if ageUnder18PlusSlow(s) {
			memo[s.Ord] = 2
		}
	}
	return memo[s.Ord] == 2
}

func ageUnder18PlusSlow(s *index.Segment) bool {
	cu := cuesFor(s)
	for _, m := range segAgeMatches(s) {
		if parseAge(cu, s.Fold[m[2]:m[3]]) >= 18 {
			return true
		}
	}
	return false
}

// childAlternative reports an offence sentence where a young age is an
// alternative to the means: "… by force … or that the person has not
// attained the age of 18", "… Zwangslage … oder eine Person unter
// einundzwanzig Jahren".
func childAlternative(s *index.Segment) (Hit, bool) {
	cu := cuesFor(s)
	if !s.Roles.Has("offence") || actCount(s) < 1 || !s.Has(cu.AgeCtx) {
		return Hit{}, false
	}
	for _, m := range segAgeMatches(s) {
		if a := parseAge(cu, s.Fold[m[2]:m[3]]); a < 18 {
			continue
		}
		i, j := tokenSpan(s, m[0], m[1])
		// a sentence of its own that names no means
		a, b := sentenceBounds(s, i)
		own := true
		for _, sp := range cu.StrongMeans.Find(s.Toks[a:b]) {
			_ = sp
			own = false
		}
		if own && a > 0 {
			return Hit{Seg: s, I: i, J: j, Term: "age"}, true
		}
		alt := false
		for k := i - 1; k >= 0 && k >= i-8; k-- {
			if allCues(s).AltWords[s.Toks[k].Word] {
				alt = true
			}
		}
		if !alt {
			continue
		}
		for _, sp := range cu.StrongMeans.Find(s.Toks) {
			if sp.I < i {
				return Hit{Seg: s, I: i, J: j, Term: "age"}, true
			}
		}
	}
	return Hit{}, false
}

// sexualOnly reports whether the section's purposes are sexual only.
func sexualOnly(ix *index.Index, s *index.Segment) bool {
	sex, other := false, false
	check := func(t *index.Segment) {
		cu := cuesFor(t)
		// (a sexual purpose the section excludes, '"exploitation" does not
		// include sexual exploitation', makes it no sexual offence)
		if !sex && t.Has(cu.SexualTerms) {
			// (nor does a rule of evidence on the victim's "past sexual
			// behaviour")
			hist := cu.SexualHistory.Find(t.Toks)
			for _, sp := range cu.SexualTerms.Find(t.Toks) {
				if !Negated(Hit{Seg: t, I: sp.I, J: sp.J}) && !coveredBy(index.Span{I: sp.I, J: sp.J}, hist) {
					sex = true
					break
				}
			}
		}
		other = other || t.Has(cu.LabourTerms)
	}
	check(s)
	if !other {
		for _, t := range ix.BySection[s.Section] {
			check(t)
		}
	}
	return sex && !other
}

// coerciveExploitation finds a definition of exploitation that depends on
// the victim's fear for their safety (reading rule 6).

func coerciveExploitation(ix *index.Index) (Hit, bool) {
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !(s.Roles.Has("definition") || s.Roles.Has("offence")) {
			continue
		}
		defExploit := false
		for _, d := range s.Defines {
			if hasPrefixAny(d, allCues(s).exploitDef) {
				defExploit = true
			}
		}
		if !defExploit {
			// "a person exploits another person if they cause them …"
			if !s.Has(cu.ExploitsIf) {
				continue
			}
		}
		if h, ok := spanOf(s, cu.FearCues); ok {
			return h, true
		}
		for _, t := range ix.BySection[s.Section] {
			cu := cuesFor(t)
			// (the definition's own continuation, not the next term
			// defined: '"Minister" means the Minister responsible for …
			// public safety')
			if t.Ord > s.Ord && t.Ord <= s.Ord+3 && len(t.Defines) == 0 {
				if h, ok := spanOf(t, cu.FearCues); ok {
					return h, true
				}
			}
		}
	}
	return Hit{}, false
}

// ---- child age (Palermo 3(d), CRC 1) ----

// ageMatches returns the submatch indexes of the age expression (see
// ageExpr) in folded text, in order, without overlaps: the expression is
// run anchored at each occurrence of a word that opens it only. A length
// of time ("not less than ten years" of imprisonment) is no age.
func ageMatches(cu *cues, f string) [][]int {
	ms := index.AnchoredAll(cu.age.anchored, f, cu.age.starts)
	if more := index.AnchoredAll(cu.age.noUnit, f, cu.age.starts); len(more) > 0 {
		ms = mergeMatches(ms, more)
	}
	out := ms[:0]
	for _, m := range ms {
		if !termNotAge(cu, f, m[0], m[1]) {
			out = append(out, m)
		}
	}
	return out
}

type ageMemoKey struct{}

// segAgeMatches is ageMatches over a segment's folded text, memoised per
// index: several child tests read the same segment's ages. The result is
// shared; callers must not change it.
func segAgeMatches(s *index.Segment) [][]int {
	return segMemo(s, ageMemoKey{}, func() [][]int { return ageMatches(cuesFor(s), s.Fold) })
}

// segMemo returns compute's value for s, computed once per segment of s's
// index and kept under key (a value a matcher derives from one segment
// alone). A segment outside its index's list is computed each time.
func segMemo[T any](s *index.Segment, key any, compute func() T) T {
	type memo struct {
		done []bool
		v    []T
	}
	ix := s.Index()
	m := ix.Memo(key, func() any {
		return &memo{done: make([]bool, len(ix.Segments)), v: make([]T, len(ix.Segments))}
	}).(*memo)
	if s.Ord < 0 || s.Ord >= len(m.done) || ix.Segments[s.Ord] != s {
		return compute()
	}
	if !m.done[s.Ord] {
		m.done[s.Ord] = true
		m.v[s.Ord] = compute()
	}
	return m.v[s.Ord]
}

// mergeMatches adds to ms the matches of more that overlap none of ms, in
// order of position.
func mergeMatches(ms, more [][]int) [][]int {
	for _, m := range more {
		overlap := false
		for _, o := range ms {
			if m[0] < o[1] && o[0] < m[1] {
				overlap = true
				break
			}
		}
		if !overlap {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(a, b int) bool { return ms[a][0] < ms[b][0] })
	return ms
}

// termNotAge reports whether the "less than ten years" at f[i:j] is a
// length of time rather than an age: a minimum ("not less than", "nicht
// unter") or a term of imprisonment named just before it (sentence-term).
// An age says so (age-marker: "of age", "edad", "Lebensjahr") whatever
// precedes it.
func termNotAge(cu *cues, f string, i, j int) bool {
	after := f[i:min(len(f), j+12)]
	for _, m := range cu.ageMarker {
		if containsWord(after, m) {
			return false
		}
	}
	before := f[max(0, i-60):i]
	if w := lastWord(before); w != "" && cu.NegWords[w] {
		return true
	}
	for _, w := range cu.sentenceTerm {
		if strings.Contains(before, strings.TrimSuffix(w, "*")) {
			return true
		}
	}
	return false
}

// lastWord returns the last word of folded text ("" when none).
func lastWord(t string) string {
	j := len(t)
	for j > 0 && !isWordByte(t[j-1]) {
		j--
	}
	i := j
	for i > 0 && isWordByte(t[i-1]) {
		i--
	}
	return t[i:j]
}

func isWordByte(c byte) bool {
	return c >= 0x80 || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
}

// parseAge reads an age written in digits or as a number word of the
// lexicon (number-10 … number-21).
func parseAge(cu *cues, w string) int {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		if n, err := strconv.Atoi(w); err == nil {
			return n
		}
	}
	return cu.age.numbers[w]
}

type ageHit struct {
	age int
	hit Hit
}

func agesIn(s *index.Segment) []ageHit {
	cu := cuesFor(s)
	var out []ageHit
	if !s.Has(cu.AgeCtx) {
		return nil
	}
	for _, m := range segAgeMatches(s) {
		a := parseAge(cu, s.Fold[m[2]:m[3]])
		if a <= 0 {
			continue
		}
		i, j := tokenSpan(s, m[0], m[1])
		out = append(out, ageHit{a, Hit{Seg: s, I: i, J: j, Term: "age"}})
	}
	// "18 years of age", "eighteen years of age"; the ordinal form "wer
	// das achtzehnte Lebensjahr noch nicht vollendet hat" (under 18)
	for _, m := range append(cu.age.after.FindAllStringSubmatchIndex(s.Fold, -1), cu.age.ordinal.FindAllStringSubmatchIndex(s.Fold, -1)...) {
		a := parseAge(cu, cu.age.cardinal(s.Fold[m[2]:m[3]]))
		if a <= 0 {
			continue
		}
		i, j := tokenSpan(s, m[0], m[1])
		out = append(out, ageHit{a, Hit{Seg: s, I: i, J: j, Term: "age"}})
	}
	return out
}

// hasSaleOffence reports an offence of the corpus classed as a sale of
// children (its child is the one def.child-age-18 asks about too).
func hasSaleOffence(ix *index.Index) bool {
	for _, s := range ix.Segments {
		if usable(s) && s.Roles.Has("offence") && sectionClass(ix, s.Section) == OffSale {
			return true
		}
	}
	return false
}

func checkChildAge(in *Input) Outcome {
	cu := cuesOf(in.Ix)
	ix := in.Ix
	want := int(in.threshold("age", 18))
	var defs []*index.Definition
	for _, t := range cu.childDefined {
		defs = append(defs, ix.Definitions(t)...)
	}
	sort.SliceStable(defs, func(a, b int) bool { return defs[a].Segment.Ord < defs[b].Segment.Ord })
	var ext []Ext
	var defAges []ageHit
	for _, d := range defs {
		if !usable(d.Segment) {
			continue
		}
		if d.ExternalLaw != "" {
			h, _ := spanOf(d.Segment, cuesFor(d.Segment).ChildTerms)
			ext = append(ext, Ext{Hit: h, Law: d.ExternalLaw})
			continue
		}
		defAges = append(defAges, agesIn(d.Segment)...)
	}
	// the child of def.child-age-18 is the trafficking offence's (or the
	// sale offence's): a corpus with neither (a labour, family or
	// child-protection code) defines no child for it, whatever age its own
	// rules use, unless it hands the child to another law; a trafficking
	// law whose offence lies outside the corpus ("an offence under section
	// 3", an extract) defines the child of that offence
	if len(ext) == 0 && len(trafficOffenceSegs(ix)) == 0 && !hasSaleOffence(ix) && !offenceNamedOutside(ix) {
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-trafficking-offence", nil)},
			Reason: reason.New("trafficking-offence-not-found", nil)}
	}
	if len(defAges) > 0 {
		best := defAges[0]
		for _, a := range defAges {
			if a.age > best.age {
				best = a
			}
		}
		if best.age >= want {
			return Outcome{Level: LMet, Evidence: []Hit{best.hit}, FoundR: []reason.Reason{reason.New("label-child-defined-under", reason.Args{"age": best.age})},
				Reason: reason.New("child-age-defined", reason.Args{"age": best.age})}
		}
		return Outcome{Level: LContrary, Evidence: []Hit{best.hit}, FoundR: []reason.Reason{reason.New("label-child-defined-under", reason.Args{"age": best.age})},
			MissingR: []reason.Reason{reason.New("label-child-every-person-under", reason.Args{"age": want})},
			Reason:   reason.New("child-age-defined-below", reason.Args{"age": best.age, "want": want})}
	}
	if len(ext) > 0 {
		return Outcome{Level: LUndetermined, Evidence: []Hit{ext[0].Hit}, External: ext[:1],
			Reason: reason.New("child-defined-by-reference", reason.Args{"law": ext[0].Law})}
	}
	// ages stated in child-related offence or definition text
	var hi, lo *ageHit
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		// (or a clause stating the trafficking conduct with no sanction of
		// its own: "Le recrutement … d'un mineur de dix-huit ans … constitue
		// la traite des êtres humains")
		if !usable(s) || !(s.Roles.Has("offence") || s.Roles.Has("definition") || hasTraffick(s) && actCount(s) >= 2) || !s.Has(cu.AgeCtx) {
			continue
		}
		if !s.Has(cu.ChildTerms) && !holdsAny(s.Fold, allCues(s).personWord) {
			continue
		}
		for _, a := range agesIn(s) {
			a := a
			if a.age >= want && hi == nil {
				hi = &a
			}
			if a.age < want && lo == nil {
				lo = &a
			}
		}
	}
	if hi != nil {
		return Outcome{Level: LMet, Evidence: []Hit{hi.hit}, FoundR: []reason.Reason{reason.New("label-persons-under-protected", reason.Args{"age": hi.age})},
			Reason: reason.New("child-age-protected", reason.Args{"age": hi.age})}
	}
	if lo != nil && hasTraffick(lo.hit.Seg) && lo.hit.Seg.Has(cuesFor(lo.hit.Seg).ChildTerms) && !aggravationCtx(lo.hit.Seg) {
		return Outcome{Level: LContrary, Evidence: []Hit{lo.hit}, MissingR: []reason.Reason{reason.New("label-child-every-person-under", reason.Args{"age": want})},
			Reason: reason.New("child-age-protected-below", reason.Args{"age": lo.age})}
	}
	// a child named in the text by reference to a provision or law outside
	// the corpus ("a minor, as defined in section 368A of the principal
	// law", "un menor, según se define en el Artículo 14 de este Código")
	if h, law, ok := childByReference(ix); ok {
		return Outcome{Level: LUndetermined, Evidence: []Hit{h}, External: []Ext{{Hit: h, Law: law}},
			Reason: reason.New("child-defined-by-reference", reason.Args{"law": law})}
	}
	return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-child-defined-every-person-under", reason.Args{"age": want})},
		Reason: reason.New("child-age-not-found", reason.Args{"want": want})}
}

// childByReference finds a child word followed within a few words by a
// phrase that takes its meaning from elsewhere and a reference to a
// provision or law the corpus does not contain.
func childByReference(ix *index.Index) (Hit, string, bool) {
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || len(s.Refs) == 0 || !s.Has(cu.ChildTerms) || !s.Has(cu.DefinedByRef) {
			continue
		}
		for _, c := range cu.ChildTerms.Find(s.Toks) {
			for _, d := range cu.DefinedByRef.Find(s.Toks[c.J:min(len(s.Toks), c.J+4)]) {
				at := c.J + d.J
				for _, r := range s.Refs {
					if !r.External || r.Target != nil {
						continue
					}
					if i, _ := offsetSpan(s, r.Start, r.Start+1); i >= at && i-at <= 8 {
						return Hit{Seg: s, I: c.I, J: at, Term: "child"}, r.Law, true
					}
				}
			}
		}
	}
	return Hit{}, "", false
}

func aggravationCtx(s *index.Segment) bool { return s.Has(cuesFor(s).AggravCues) }

// ---- consent irrelevance (Palermo 3(b)) ----

// consentOfChild reports whether the consent at c is a child's: a child
// word within the three words after it ("consent of such child", "le
// consentement du mineur", "Einwilligung des Kindes").
func consentOfChild(s *index.Segment, c index.Span) bool {
	cu := cuesFor(s)
	for _, h := range cu.ChildTerms.Find(s.Toks) {
		if h.I >= c.J && h.I-c.J <= 3 {
			return true
		}
		// "… that the person under the age of 18 consented" (in one
		// clause: not "… over a child who is a victim of trafficking,
		// consented")
		if h.J <= c.I && c.I-h.J <= 6 && !s.Has(cu.AdultTerms) && !punctBetween(s.Toks, h.J-1, c.I) {
			return true
		}
	}
	return false
}

// punctBetween reports punctuation between toks[a] and toks[b] (folded
// words one space apart have none).
func punctBetween(toks []index.Token, a, b int) bool {
	for k := max(a, 0) + 1; k <= b && k < len(toks); k++ {
		if toks[k].Start-toks[k-1].End > 1 {
			return true
		}
	}
	return false
}

func checkConsent(in *Input) Outcome {
	var childOnly *Hit
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !s.Has(cu.ConsentTerms) {
			continue
		}
		cs := cu.ConsentTerms.Find(s.Toks)
		ir := cu.IrrelevantCues.Find(s.Toks)
		// "Le consentement d'une victime de la traite … n'est pas valable"
		// (not a spouse's consent to marriage that "n'est pas valable s'il
		// a été extorqué par la violence")
		if s.Has(cu.ConsentInvalid) && (s.Has(cu.TextVictim) || hasTraffick(s)) {
			ir = append(ir, cu.ConsentInvalid.Find(s.Toks)...)
		}
		if len(ir) == 0 {
			// "It is not a defence to a charge … that— (a) the victim …
			// consented …": the lead-in says it of its items
			if lead, r, ok := leadInSpan(in.Ix, s, cu.IrrelevantCues); ok && !consentOfChild(s, cs[0]) {
				return Outcome{Level: LMet, Evidence: []Hit{{Seg: lead, I: r.I, J: r.J, Term: "consent"}, {Seg: s, I: cs[0].I, J: cs[0].J, Term: "consent"}},
					FoundR: []reason.Reason{reason.New("label-consent-irrelevant", nil)}, Reason: reason.New("consent-irrelevant", nil)}
			}
		}
		for _, c := range cs {
			for _, r := range ir {
				if abs(r.I-c.I) > 25 {
					continue
				}
				h := Hit{Seg: s, I: min(c.I, r.I), J: max(c.J, r.J), Term: "consent"}
				if consentOfChild(s, c) {
					// "with or without the consent of such child" says
					// nothing of an adult victim's consent
					if childOnly == nil {
						childOnly = &h
					}
					continue
				}
				return Outcome{Level: LMet, Evidence: []Hit{h},
					FoundR: []reason.Reason{reason.New("label-consent-irrelevant", nil)}, Reason: reason.New("consent-irrelevant", nil)}
			}
		}
	}
	if childOnly != nil {
		// (a law whose trafficking offences protect children only says
		// it of every victim it protects)
		if ChildOnlyTrafficking(in.Ix) {
			return Outcome{Level: LMet, Evidence: []Hit{*childOnly},
				FoundR: []reason.Reason{reason.New("label-consent-irrelevant", nil)}, Reason: reason.New("consent-irrelevant", nil)}
		}
		return Outcome{Level: LGap, Evidence: []Hit{*childOnly}, MissingR: []reason.Reason{reason.New("label-consent-victim-irrelevant", nil)},
			Reason: reason.New("consent-child-only", nil)}
	}
	for i, r := range in.Results {
		if len(r.Hits) > 0 && r.Hits[0].Seg.Has(cuesFor(r.Hits[0].Seg).ConsentTerms) {
			return Outcome{Level: LMet, Evidence: r.Hits[:1], Found: []string{in.Elements[i].El.Label},
				Reason: reason.New("consent-irrelevant", nil)}
		}
	}
	return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-consent-victim-irrelevant", nil)},
		Reason: reason.New("consent-not-found", nil)}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ---- penalties (UNTOC 2(b); TVPA; CoE 24) ----

// traffickingFacts returns the penalties of the trafficking offences that a
// first offender faces: a penalty given only on a subsequent conviction is
// not the offence's penalty.
func traffickingFacts(in *Input) []Fact {
	var out []Fact
	for _, f := range in.Facts {
		if f.Offence == OffTrafficking && (f.Penalty.Custodial() || f.Penalty.FineAlternative) && f.Penalty.Variant != penalty.VariantSubsequent {
			out = append(out, f)
		}
	}
	return out
}

// effMax is the highest term a penalty allows, in months (-1 unknown).
func effMax(p penalty.Penalty) float64 {
	switch {
	case p.Life:
		return 1e9
	case p.MaxMonths != nil:
		return *p.MaxMonths
	case p.MinMonths != nil:
		// "not less than N years" with no ceiling allows at least N
		return *p.MinMonths
	}
	return -1
}

// gradedOnly returns a trafficking offence clause whose penalty is only a
// grade of the code's scale ("is a class A felony", grade-copula then
// grade-name), when the corpus holds no clause that gives a grade its term
// (a grade named with a prison-term unit): the penalty is then in a law
// outside the corpus (reading rule 1).
func gradedOnly(in *Input) (Hit, bool) {
	var graded *Hit
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !s.Has(cu.GradeName) {
			continue
		}
		if s.Has(cu.PrisonTermUnit) {
			// "a class A felony … imprisonment for twenty years": the
			// corpus gives a grade its term
			return Hit{}, false
		}
		if graded != nil || sectionClass(in.Ix, s.Section) != OffTrafficking {
			continue
		}
		cops := cu.GradeCopula.Find(s.Toks)
		for _, g := range cu.GradeName.Find(s.Toks) {
			for _, c := range cops {
				if c.J == g.I {
					graded = &Hit{Seg: s, I: c.I, J: g.J, Term: "grade"}
				}
			}
		}
	}
	if graded == nil {
		return Hit{}, false
	}
	return *graded, true
}

// OffenceOutsideCorpus reports, for a corpus that holds no trafficking
// offence and defines no trafficking, a provision that names the trafficking
// offence by a provision of a law outside the corpus ("Opfer einer Straftat
// nach § 232 des Strafgesetzbuches", "an offence under section 3 of the
// Trafficking Act"): that law holds the offence, its definition and its
// penalty. It returns the naming words and the law.
// offenceNamedOutside reports whether the corpus names its trafficking
// offence by a section of its own statute that the corpus leaves out (an
// extract of a trafficking act: "an offence under section 3").
func offenceNamedOutside(ix *index.Index) bool {
	h, law, ok := OffenceOutsideCorpus(ix)
	if !ok || h.Seg == nil {
		return false
	}
	m := h.Seg.Statute.Meta
	for _, t := range []string{m.Title, m.ShortTitle, h.Seg.Statute.Title} {
		if t != "" && strings.Contains(strings.ToLower(law), strings.ToLower(t)) {
			return true
		}
	}
	return false
}

// providedByLaw finds trafficking words followed at once (within four
// words) by a participle naming the law that provides them (lexicon class
// provided-by) and a law noun right after it that is neither this law nor
// the law in general; it returns the words and that law's name.
func providedByLaw(s *index.Segment) (Hit, string, bool) {
	cu := cuesFor(s)
	if cu.ProvidedBy == nil || !s.Has(cu.ProvidedBy) || !s.Has(cu.LawNoun) {
		return Hit{}, "", false
	}
	for _, sp := range cu.TraffickTerms.Find(s.Toks) {
		for _, pb := range cu.ProvidedBy.Find(s.Toks[sp.J:min(len(s.Toks), sp.J+8)]) {
			if pb.I > 4 {
				continue
			}
			if ln, law, ok := namedLawAfter(s, cu, sp.J+pb.J, 3, 3); ok {
				return Hit{Seg: s, I: sp.I, J: ln.J}, law, true
			}
		}
	}
	return Hit{}, "", false
}

func OffenceOutsideCorpus(ix *index.Index) (Hit, string, bool) {
	r := offenceOutside(ix)
	if r.forms {
		return Hit{}, "", false
	}
	return r.h, r.law, r.ok
}

// OffenceFormsOutsideCorpus reports, for a corpus that holds no
// trafficking offence, the forms of trafficking it names as provided by a
// law outside it, without an article ("l'une des formes de la traite des
// personnes prévues par la loi n° 23-04", an implementing decree's
// definition of the victim): the corpus refers to that law for what
// trafficking is (its acts, means, purposes, whom and where it covers),
// not for its penalty (reading rule 1). It finds nothing where
// OffenceOutsideCorpus finds a reference.
func OffenceFormsOutsideCorpus(ix *index.Index) (Hit, string, bool) {
	r := offenceOutside(ix)
	if !r.forms {
		return Hit{}, "", false
	}
	return r.h, r.law, r.ok
}

type outsideRes struct {
	h     Hit
	law   string
	ok    bool
	forms bool // named only as the forms a law provides
}

func offenceOutside(ix *index.Index) outsideRes {
	type res = outsideRes
	return ix.Memo(offenceOutsideKey{}, func() any {
		// (an offence that names trafficking without its acts, "Wer … einen
		// Menschenhandel begeht" or "the employment of victims of
		// trafficking", defines nothing)
		if anyActs(trafficOffenceSegs(ix)) || len(traffickingDefinitions(ix)) > 0 {
			return res{}
		}
		// nor any trafficking offence the corpus punishes (not an offence
		// of using a victim's services, which is related)
		for _, t := range trafficOffenceSegs(ix) {
			if _, _, byRef := sanctionByReference(t); byRef {
				continue // "serán sancionados conforme al Código Penal"
			}
			// (not a victim's exemption: "La víctima de trata no será
			// sancionada …")
			if t.Has(cuesFor(t).SanctionWords) && sectionClass(ix, t.Section) == OffTrafficking && !usesVictimSeg(t) && !t.Has(cuesFor(t).NonLiabilityCues) {
				return res{}
			}
		}
		// a provision that hands the offence and its penalty to another law
		// by name ("La tipificación de los delitos de trata de personas, sus
		// penas … se rigen por el Código Penal de la Nación")
		for _, s := range ix.Segments {
			if !usable(s) || !hasTraffick(s) {
				continue
			}
			cu := cuesFor(s)
			if !s.Has(cu.DeferCues) || !s.Has(cu.LawNoun) || !s.Has(cu.PenaltyWords) && !s.Has(cu.SanctionWords) {
				continue
			}
			for _, sp := range cu.TraffickTerms.Find(s.Toks) {
				h := Hit{Seg: s, I: sp.I, J: sp.J}
				if law := deferredOutside(s, h); law != "" {
					return res{h: h, law: law, ok: true}
				}
			}
		}
		for _, s := range ix.Segments {
			if !usable(s) || len(s.Refs) == 0 {
				continue
			}
			cu := cuesFor(s)
			// (a victim's exemption handed to another law, "La exención
			// de responsabilidad penal de las víctimas de trata … se
			// regirá por el artículo 177 bis del Código Penal", hands
			// that exemption away, not the offence)
			if _, ok := nonLiabilitySpan(s); ok && s.Has(cu.TextVictim) {
				continue
			}
			// the trafficking word near the reference, or, in a law about
			// trafficking, an offence noun just before it ("durch eine
			// Straftat nach § 232 des Strafgesetzbuches verletzt")
			var near []index.Span
			if hasTraffick(s) {
				near = cu.TraffickTerms.Find(s.Toks)
			}
			title := traffickingTitle(ix, s.Statute)
			for _, rf := range s.Refs {
				if !rf.External || rf.Target != nil {
					continue
				}
				i, _ := offsetSpan(s, rf.Start, rf.Start+1)
				// (a named law holds the offence when an offence noun stands
				// just before the reference, the law is one of offences or
				// the clause speaks of punishing; not the law of a victim's
				// aid or of migration that a clause on victims refers to for
				// something else)
				if len(near) > 0 {
					_, _, provision := index.ParseExternalLaw(rf.Law)
					named := provision || cu.OffenceNoun.Any(s.Toks[max(0, i-6):i]) || penalLaw(cu, rf.Law) ||
						s.Has(cu.SanctionWords) || s.Has(cu.PenaltyWords)
					for _, sp := range near {
						// ("Los delitos en materia de trata de personas …
						// conforme a lo dispuesto en la Ley General …": the
						// offence named with the trafficking word)
						// (not an item of a list about something else: "Son
						// recursos del Fondo: … 3. Los bienes objeto de comiso
						// en los procesos por el delito de trata …, conforme
						// a lo que disponga el Código Penal")
						if listedUnder(ix, s, func(t []index.Token) bool { return !traffickIn(cu, t) && !cu.OffenceNoun.Any(t) }) && !s.Roles.Has("offence") && !s.Roles.Has("definition") {
							continue
						}
						if i >= sp.I-20 && i <= sp.J+20 && (named || cu.OffenceNoun.Any(s.Toks[max(0, sp.I-6):sp.I])) {
							return res{h: Hit{Seg: s, I: min(sp.I, i), J: max(sp.J, i+1)}, law: rf.Law, ok: true}
						}
					}
				}
				if title {
					for _, on := range cu.OffenceNoun.Find(s.Toks[max(0, i-4):i]) {
						return res{h: Hit{Seg: s, I: max(0, i-4) + on.I, J: i + 1}, law: rf.Law, ok: true}
					}
				}
			}
		}
		// the forms of trafficking "prévues par la loi n° 23-04 du 7 mai
		// 2023 …", a law named without an article
		for _, s := range ix.Segments {
			if !usable(s) || !hasTraffick(s) {
				continue
			}
			if h, law, ok := providedByLaw(s); ok {
				return res{h: h, law: law, ok: true, forms: true}
			}
		}
		return res{}
	}).(res)
}

type offenceOutsideKey struct{}

// penaltyByReference finds a trafficking offence whose sanction is given
// by reference to a provision outside the corpus ("será sancionado
// conforme al artículo 129b del Código Penal"): its penalty is decided
// there, so the penalty requirements are undetermined (reading rule 1).
func penaltyByReference(in *Input) (Outcome, bool) {
	for _, s := range trafficOffenceSegs(in.Ix) {
		if h, law, ok := sanctionByReference(s); ok {
			return Outcome{Level: LUndetermined, Evidence: []Hit{h}, External: []Ext{{Hit: h, Law: law}},
				Reason: reason.New("penalty-by-reference", reason.Args{"law": law})}, true
		}
	}
	return Outcome{}, false
}

// sanctionByReference finds the sanction words of a segment followed
// within six words by a reference to a law outside the corpus ("serán
// sancionados conforme al Código Penal"): the penalty lies there.
func sanctionByReference(s *index.Segment) (Hit, string, bool) {
	cu := cuesFor(s)
	sanc, ok := spanOf(s, cu.SanctionWords)
	if !ok {
		return Hit{}, "", false
	}
	for _, r := range s.Refs {
		if !r.External || r.Target != nil {
			continue
		}
		if i, _ := offsetSpan(s, r.Start, r.Start+1); i < sanc.I || i-sanc.J > 6 {
			continue
		}
		return Hit{Seg: s, I: sanc.I, J: sanc.J}, r.Law, true
	}
	return Hit{}, "", false
}

func gradedOutcome(h Hit) Outcome {
	return Outcome{Level: LUndetermined, Evidence: []Hit{h}, External: []Ext{{Hit: h, Law: SentencingLaw}},
		Reason: reason.New("graded-penalty-outside-corpus", nil)}
}

func checkPenaltyThreshold(in *Input) Outcome {
	limit := in.threshold("max_months_min", 48)
	if h, ok := gradedOnly(in); ok {
		return gradedOutcome(h)
	}
	facts := traffickingFacts(in)
	if len(facts) == 0 {
		if o, ok := penaltyByReference(in); ok {
			return o
		}
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-imprisonment-trafficking", nil)},
			Reason: reason.New("penalty-not-found", nil)}
	}
	// custody whose term the corpus does not state ("wird mit
	// Freiheitsstrafe oder Geldstrafe bestraft", the general part setting
	// it) decides nothing here; only such rows: undetermined
	var termed []Fact
	basicTermless := false
	for _, f := range facts {
		if f.Penalty.HasImprisonment() {
			termed = append(termed, f)
		} else if f.Penalty.Variant == penalty.VariantBasic {
			basicTermless = true
		}
	}
	if len(termed) == 0 || basicTermless {
		h := facts[0].Hit
		return Outcome{Level: LUndetermined, Evidence: []Hit{h}, External: []Ext{{Hit: h, Law: SentencingLaw}},
			Reason: reason.New("penalty-term-outside-corpus", nil)}
	}
	facts = termed
	var ok, low []Fact
	for _, f := range facts {
		if f.Penalty.Variant == penalty.VariantSummary {
			continue // the offence's maximum is the one on indictment
		}
		if p := f.Penalty; !p.Life && p.MaxMonths == nil && p.MinMonths != nil && *p.MinMonths < limit && len(facts) > 1 {
			// "Freiheitsstrafe nicht unter zwei Jahren": a minimum only,
			// its maximum set by the general part; it shows no maximum
			// below the threshold
			continue
		}
		if effMax(f.Penalty) >= limit {
			ok = append(ok, f)
		} else {
			low = append(low, f)
		}
	}
	years := limit / 12
	switch {
	case len(low) == 0:
		return Outcome{Level: LMet, Evidence: factHits(facts, 3), FoundR: []reason.Reason{reason.New("label-max-at-least", reason.Args{"years": years})},
			Reason: reason.New("penalty-max-sufficient", reason.Args{"clauses": len(facts), "years": years})}
	case len(ok) == 0:
		return Outcome{Level: LGap, Evidence: factHits(low, 3), MissingR: []reason.Reason{reason.New("label-max-at-least", reason.Args{"years": years})},
			Reason: reason.New("penalty-max-below", reason.Args{"years": years})}
	}
	return Outcome{Level: LPartial, Evidence: factHits(low, 3), FoundR: []reason.Reason{reason.New("label-clauses-at-least", reason.Args{"met": len(ok), "clauses": len(facts), "years": years})},
		MissingR: []reason.Reason{reason.New("label-max-at-least-every", reason.Args{"years": years})},
		Reason:   reason.New("penalty-max-below-some", reason.Args{"below": len(low), "clauses": len(facts), "years": years})}
}

func factHits(fs []Fact, n int) []Hit {
	var out []Hit
	for i, f := range fs {
		if i == n {
			break
		}
		out = append(out, f.Hit)
	}
	return out
}

func checkFineAlternative(in *Input) Outcome {
	if h, ok := gradedOnly(in); ok {
		return gradedOutcome(h)
	}
	facts := traffickingFacts(in)
	if len(facts) == 0 {
		if o, ok := penaltyByReference(in); ok {
			return o
		}
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-imprisonment-mandatory", nil)},
			Reason: reason.New("penalty-not-found", nil)}
	}
	var alt, firm []Fact
	for _, f := range facts {
		if f.Penalty.FineAlternative {
			alt = append(alt, f)
		} else {
			firm = append(firm, f)
		}
	}
	switch {
	case len(alt) == 0:
		return Outcome{Level: LMet, Evidence: factHits(firm, 3), FoundR: []reason.Reason{reason.New("label-imprisonment-no-fine", nil)},
			Reason: reason.New("penalty-fine-never-replaces", nil)}
	case len(firm) == 0:
		return Outcome{Level: LGap, Evidence: factHits(alt, 3), MissingR: []reason.Reason{reason.New("label-imprisonment-no-fine", nil)},
			Reason: reason.New("penalty-fine-always-replaces", nil)}
	}
	return Outcome{Level: LPartial, Evidence: factHits(alt, 3), FoundR: []reason.Reason{reason.New("label-imprisonment-mandatory-some", nil)},
		MissingR: []reason.Reason{reason.New("label-imprisonment-no-fine", nil)},
		Reason:   reason.New("penalty-fine-replaces-some", reason.Args{"alternative": len(alt), "clauses": len(facts)})}
}

// heavierThanChildRow reports whether child-victim fact f, whose clause
// names a younger age ("when the child is under fifteen"), carries a
// heavier penalty than another child-victim trafficking fact.
func heavierThanChildRow(facts []Fact, f Fact) bool {
	if f.Seg == nil {
		return false
	}
	// (the age may be an item of the clause: "La peine est … si : – l'enfant
	// est âgé de moins de quinze ans")
	segs := []*index.Segment{f.Seg}
	if ix := f.Seg.Index(); ix != nil {
		segs = append([]*index.Segment(nil), ix.ProvSegs(f.Seg.Prov)...) // (f.Seg among them; a copy: the index's slice is shared)
		for _, k := range f.Seg.Prov.Children {
			segs = append(segs, ix.ProvSegs(k)...)
		}
	}
	younger := false
	for _, sg := range segs {
		for _, a := range agesIn(sg) {
			younger = younger || a.age < 18
		}
	}
	if !younger {
		return false
	}
	for _, g := range facts {
		if g.Offence != OffTrafficking || g.Penalty.Variant != penalty.VariantChild || g.Seg == f.Seg && g.Penalty.Start == f.Penalty.Start {
			continue
		}
		if effMax(f.Penalty) > effMax(g.Penalty) || minOf(f.Penalty) > minOf(g.Penalty) {
			return true
		}
	}
	return false
}

func checkChildAggravation(in *Input) Outcome {
	// a child-victim penalty heavier than the basic trafficking penalty
	// compared with the first basic trafficking penalty (the core offence)
	var basic []Fact
	adult := false // a trafficking offence not confined to children, whatever its sanction
	for _, f := range in.Facts {
		if f.Offence == OffTrafficking && f.Penalty.Variant != penalty.VariantChild {
			adult = true
		}
		if f.Offence == OffTrafficking && f.Penalty.Variant == penalty.VariantBasic && f.Penalty.HasImprisonment() && len(basic) == 0 {
			basic = append(basic, f)
		}
	}
	// the heavier child clause of the basic offence's own section first,
	// then the first elsewhere
	var found *Fact
	for i, f := range in.Facts {
		if f.Offence != OffTrafficking || f.Penalty.Variant != penalty.VariantChild {
			continue
		}
		// (with no basic offence to compare, a child-only law, a child
		// victim aggravates nothing, the labellers of five such laws said
		// so, unless a younger child raises the child offence's penalty:
		// "when the child is under fifteen, life")
		heavier := len(basic) == 0 && (adult || heavierThanChildRow(in.Facts, f))
		for _, b := range basic {
			if effMax(f.Penalty) > effMax(b.Penalty) || minOf(f.Penalty) > minOf(b.Penalty) {
				heavier = true
			}
			// "life, or 15 to 30 years" then "life" for a child, in the
			// same article: the term alternative is gone
			if lifeOnly(f.Penalty) && b.Penalty.Life && !lifeOnly(b.Penalty) && f.Seg != nil && b.Seg != nil && f.Seg.Section == b.Seg.Section {
				heavier = true
			}
		}
		if !heavier {
			continue
		}
		if len(basic) > 0 && f.Seg != nil && basic[0].Seg != nil && f.Seg.Section == basic[0].Seg.Section {
			found = &in.Facts[i]
			break
		}
		if found == nil {
			found = &in.Facts[i]
		}
	}
	if found != nil {
		return Outcome{Level: LMet, Evidence: []Hit{found.Hit}, FoundR: []reason.Reason{reason.New("label-child-aggravates", nil)},
			Reason: reason.New("child-aggravation-higher-penalty", nil)}
	}
	// a child circumstance listed under an aggravation clause (a child
	// among the victims an item names, "la víctima sea niña, niño o
	// adolescente, persona con discapacidad o mujer embarazada", counts: the
	// gold README's "a child anywhere")
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !(segChildOnly(s) || s.Prov != s.Section && segChildCirc(s)) {
			continue
		}
		ctx := [][]index.Token{s.Toks, headToks(s)}
		for p := s.Prov.Parent; p != nil && p != s.Section.Parent; p = p.Parent {
			ctx = append(ctx, foldToks(p.Text))
		}
		// "Les peines sont doublées lorsque :" then dash items kept as
		// segments of the same provision: the item reads with that lead-in
		if lead := segLeadIn(in.Ix, s); lead != nil {
			ctx = append(ctx, lead.Toks)
		}
		aggr, traf, whole := false, false, false
		for _, t := range ctx {
			aggr = aggr || cu.AggravWords.Any(t)
			traf = traf || traffickIn(cu, t)
			whole = whole || cu.ThisAct.Any(t)
		}
		// "Las penas previstas en este Título se incrementarán … cuando:"
		// raises the penalties of every offence of a law (or part) that
		// has a trafficking offence
		if whole && !traf {
			for _, t := range trafficOffenceSegs(in.Ix) {
				if t.Statute == s.Statute {
					traf = true
					break
				}
			}
		}
		for _, sg := range in.Ix.BySection[s.Section] {
			traf = traf || hasTraffick(sg)
			// "Las penas para los delitos descritos en los artículos
			// 188A y 188C se aumentarán … cuando:": the lead-in names the
			// trafficking offence by its article
			if !traf && (sg == s || s.Prov.Within(sg.Prov)) {
				for _, r := range sg.Refs {
					if r.Target != nil && sectionClass(in.Ix, r.Target.Section()) == OffTrafficking {
						traf = true
						break
					}
				}
			}
		}
		traf = traf || sectionClass(in.Ix, s.Section) == OffTrafficking
		if aggr && traf {
			h, _ := spanOf(s, cu.ChildStrict)
			if h.Seg == nil {
				h = Hit{Seg: s, I: 0, J: min(1, len(s.Toks))}
			}
			return Outcome{Level: LMet, Evidence: []Hit{h}, FoundR: []reason.Reason{reason.New("label-child-aggravates", nil)},
				Reason: reason.New("child-aggravation-circumstance", nil)}
		}
	}
	return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-child-aggravating", nil)},
		Reason: reason.New("child-aggravation-not-found", nil)}
}

// leadInSpan finds a phrase of ps in the lead-in of the list item s (the
// text of its parent provision): the lead-in's segment and the phrase.
func leadInSpan(ix *index.Index, s *index.Segment, ps *index.PhraseSet) (*index.Segment, index.Span, bool) {
	if s.LeadIn != index.LeadInList && s.LeadIn != index.LeadInOpen || s.Prov.Parent == nil {
		return nil, index.Span{}, false
	}
	// (a list nested in a list: "It is not a defence … that— (b) a person
	// other than a child … has— (i) consented …": the lead-in two levels up)
	for p, depth := s.Prov.Parent, 0; p != nil && depth < 3; p, depth = p.Parent, depth+1 {
		item := false
		for _, sg := range ix.BySection[s.Section] {
			if sg.Prov != p {
				continue
			}
			if sp := ps.Find(sg.Toks); len(sp) > 0 {
				return sg, sp[0], true
			}
			item = item || sg.LeadIn == index.LeadInList || sg.LeadIn == index.LeadInOpen
		}
		if !item {
			break
		}
	}
	return nil, index.Span{}, false
}

// listedUnder reports whether s is an item of a list whose lead-in (a
// segment of its provision ending with a colon, or its parent provision's
// text ending so) satisfies f.
func listedUnder(ix *index.Index, s *index.Segment, f func([]index.Token) bool) bool {
	if lead := segLeadIn(ix, s); lead != nil {
		return f(lead.Toks)
	}
	if p := s.Prov.Parent; p != nil && s.Prov != s.Section && strings.HasSuffix(strings.TrimSpace(p.Text), ":") {
		return f(foldToks(p.Text))
	}
	return false
}

// segLeadIn returns the segment of s's own provision that introduces it as
// a list item: an earlier segment of that provision ending with a colon,
// when every segment between them is an item too (no full stop). Dash and
// bullet items are kept as segments, not sub-provisions.
func segLeadIn(ix *index.Index, s *index.Segment) *index.Segment {
	var lead *index.Segment
	for _, sg := range ix.BySection[s.Section] {
		if sg == s {
			return lead
		}
		if sg.Prov != s.Prov {
			continue
		}
		t := strings.TrimSpace(sg.Text)
		switch {
		case strings.HasSuffix(t, ":"):
			lead = sg
		case strings.HasSuffix(t, "."):
			lead = nil
		}
	}
	return nil
}

func minOf(p penalty.Penalty) float64 {
	if p.MinMonths != nil {
		return *p.MinMonths
	}
	return 0
}

// lifeOnly reports whether a penalty is life imprisonment with no term
// beside it.
func lifeOnly(p penalty.Penalty) bool {
	return p.Life && p.MinMonths == nil && p.MaxMonths == nil
}

// ---- reflection period (CoE 13) ----

func checkReflection(in *Input) Outcome {
	minDays := in.threshold("min_days", 30)
	var found *Hit
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) {
			continue
		}
		h, ok := spanOf(s, cu.ReflectionCues)
		if !ok {
			continue
		}
		if !reflectionContext(s) {
			continue
		}
		// the duration nearest the cue: "una categoría … por un año … y un
		// período de reflexión de veinte días" states two periods
		bestDist, days, qi, qj := -1, 0.0, 0, 0
		for _, q := range PenaltyLexicon(in.Ix).Quantities(s.Text, s.Lang) {
			d := q.Value
			switch q.Unit {
			case "day":
			case "week":
				d *= 7
			case "month":
				d *= 30
			case "year":
				d *= 365
			default:
				continue
			}
			i, j := offsetSpan(s, q.Start, q.End)
			dist := h.I - j
			if i >= h.J {
				dist = i - h.J
			}
			if dist < 0 {
				dist = 0
			}
			if bestDist < 0 || dist < bestDist {
				bestDist, days, qi, qj = dist, d, i, j
			}
		}
		if bestDist >= 0 {
			ev := Hit{Seg: s, I: min(qi, h.I), J: max(qj, h.J), Term: "reflection period"}
			if days >= minDays {
				return Outcome{Level: LMet, Evidence: []Hit{ev}, FoundR: []reason.Reason{reason.New("label-reflection-days", reason.Args{"days": days})},
					Reason: reason.New("reflection-period", reason.Args{"days": days, "min_days": minDays})}
			}
			return Outcome{Level: LPartial, Evidence: []Hit{ev}, FoundR: []reason.Reason{reason.New("label-reflection-days", reason.Args{"days": days})},
				MissingR: []reason.Reason{reason.New("label-reflection-at-least", reason.Args{"days": minDays})},
				Reason:   reason.New("reflection-period-short", reason.Args{"days": days, "min_days": minDays})}
		}
		if found == nil {
			hh := h
			found = &hh
		}
	}
	if found != nil {
		// "a period of such duration as may be prescribed": the length is
		// in regulations outside the corpus (reading rule 1)
		if found.Seg.Has(cuesFor(found.Seg).ByRegulation) {
			return Outcome{Level: LUndetermined, Evidence: []Hit{*found}, FoundR: []reason.Reason{reason.New("label-reflection", nil)},
				MissingR: []reason.Reason{reason.New("label-reflection-stated-length", reason.Args{"days": minDays})},
				Reason:   reason.New("reflection-period-length-by-regulation", nil)}
		}
		return Outcome{Level: LPartial, Evidence: []Hit{*found}, FoundR: []reason.Reason{reason.New("label-reflection", nil)},
			MissingR: []reason.Reason{reason.New("label-reflection-stated-length", reason.Args{"days": minDays})},
			Reason:   reason.New("reflection-period-length-unstated", nil)}
	}
	return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-recovery-reflection", nil)},
		Reason: reason.New("reflection-period-not-found", nil)}
}

// reflectionContext requires a victim or period context for a reflection cue.
func reflectionContext(s *index.Segment) bool {
	cu := cuesFor(s)
	return s.Has(cu.TextVictim) || holdsAny(s.Fold, allCues(s).periodWord)
}

// ---- non-punishment (CoE 26) ----

func checkNonPunishment(in *Input) Outcome {
	var narrow *Hit
	var deferred *Ext
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) {
			continue
		}
		h, ok := nonLiabilitySpan(s)
		if !ok || !(s.Has(cu.TextVictim) && victimSubject(s, h)) && !compelledByTrafficking(s) {
			continue
		}
		// the scope: this sentence and the items under it
		scope := [][]index.Token{s.Toks, headToks(s)}
		for _, k := range s.Prov.Children {
			scope = append(scope, foldToks(k.FullText()))
		}
		broad, narrowHit, generic := false, false, false
		for i, t := range scope {
			broad = broad || (i != 1 && broadScope(cu, t))
			narrowHit = narrowHit || cu.NonPunishmentNarrow.Any(t)
			generic = generic || (i != 1 && cu.NonPunishmentGeneric.Any(t))
		}
		broad = broad || (generic && !narrowHit)
		if broad {
			return Outcome{Level: LMet, Evidence: []Hit{h}, FoundR: []reason.Reason{reason.New("label-no-punishment-compelled", nil)},
				Reason: reason.New("non-punishment", nil)}
		}
		if narrow == nil && narrowHit {
			hh := h
			narrow = &hh
		}
		// "La exención de responsabilidad penal de las víctimas … se
		// regirá por el artículo 177 bis del Código Penal": the rule and
		// its scope are in a law outside the corpus
		if deferred == nil && !narrowHit {
			if law := deferredOutside(s, h); law != "" {
				deferred = &Ext{Hit: h, Law: law}
			}
		}
	}
	for _, s := range in.Ix.Segments {
		cu := cuesFor(s)
		if !usable(s) || !s.Has(cu.TextVictim) {
			continue
		}
		if h, ok := spanOf(s, cu.ContraryPunish); ok && !consentSubject(s, h) {
			return Outcome{Level: LContrary, Evidence: []Hit{h}, MissingR: []reason.Reason{reason.New("label-non-punishment", nil)},
				Reason: reason.New("non-punishment-contrary", nil)}
		}
	}
	if narrow != nil {
		return Outcome{Level: LPartial, Evidence: []Hit{*narrow}, FoundR: []reason.Reason{reason.New("label-non-punishment-some", nil)},
			MissingR: []reason.Reason{reason.New("label-non-punishment-all", nil)},
			Reason:   reason.New("non-punishment-limited", nil)}
	}
	if deferred != nil {
		return Outcome{Level: LUndetermined, Evidence: []Hit{deferred.Hit}, External: []Ext{*deferred},
			Reason: reason.New("non-punishment-elsewhere", reason.Args{"law": deferred.Law})}
	}
	return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-non-punishment", nil)},
		Reason: reason.New("non-punishment-not-found", nil)}
}

// nonLiabilitySpan finds a non-liability cue in s, or the frame of a
// negative subject opening a sentence and a passive of punishing later in
// it ("Ninguna niña, niño o adolescente víctima de trata podrá ser
// sancionado por las faltas …"); the hit is the passive.
func nonLiabilitySpan(s *index.Segment) (Hit, bool) {
	cu := cuesFor(s)
	if h, ok := spanOf(s, cu.NonLiabilityCues); ok {
		return h, true
	}
	if !s.Has(cu.NegSubject) || !s.Has(cu.PunishPermit) {
		return Hit{}, false
	}
	for _, p := range cu.PunishPermit.Find(s.Toks) {
		a, _ := sentenceBounds(s, p.I)
		if a < p.I && cu.NegSubject.Any(s.Toks[a:a+1]) {
			return Hit{Seg: s, I: p.I, J: p.J, Term: cu.PunishPermit.Terms[p.Phrase]}, true
		}
	}
	return Hit{}, false
}

// compelledByTrafficking reports whether a non-liability rule spares a
// person compelled to act by slavery or trafficking, in its own text or in
// the items of its conditions ("A person is not guilty of an offence if —
// (a) the person is compelled to do it, (b) the compulsion is
// attributable to slavery or to trafficking …"): the person is a victim
// though the rule never says so.
func compelledByTrafficking(s *index.Segment) bool {
	segs := []*index.Segment{s}
	if ix := s.Index(); ix != nil {
		for _, k := range s.Prov.Children {
			segs = append(segs, ix.ProvSegs(k)...)
		}
	}
	compelled, trafficked := false, false
	for _, t := range segs {
		cu := cuesFor(t)
		compelled = compelled || t.Has(cu.Compulsion)
		trafficked = trafficked || hasTraffick(t) || t.Has(cu.HeadForced)
	}
	return compelled && trafficked
}

// broadScope reports whether toks name offences in general as the scope
// of a non-punishment rule: a broad phrase that a narrow one does not
// qualify at once ("les infractions de séjour irrégulier", "offences
// relating to immigration" are narrow).
func broadScope(cu *cues, toks []index.Token) bool {
	narrow := cu.NonPunishmentNarrow.Find(toks)
	for _, b := range cu.NonPunishmentBroad.Find(toks) {
		// "… de séjour irrégulier, lorsqu'elle a commis ces infractions":
		// the demonstrative takes up the narrow offences named before
		qualified := len(narrow) > 0 && narrow[0].I < b.I && cu.Demonstrative[toks[b.I].Word]
		// "any crime whose essential elements include … prostitution or
		// the breach of the immigration … laws": a relative clause that
		// restricts the offence to narrow ones further on
		if !qualified && b.J < len(toks) && cu.OffenceQualifier.Any(toks[b.J:b.J+1]) {
			for _, n := range narrow {
				if n.I >= b.J && n.I-b.J <= 10 {
					qualified = true
					break
				}
			}
		}
		for _, n := range narrow {
			if n.I >= b.J && n.I-b.J <= 3 {
				// ("any offence, including unlawful entry": examples, not
				// a narrower scope)
				example := false
				for k := b.J; k < n.I; k++ {
					example = example || cu.Inclusive[toks[k].Word]
				}
				qualified = !example
				break
			}
		}
		if !qualified {
			return true
		}
	}
	return false
}

// consentSubject reports whether what does not exempt is the victim's
// consent ("el consentimiento de la víctima no exime de responsabilidad
// penal"): the rule keeps the offender liable, not the victim.
func consentSubject(s *index.Segment, h Hit) bool {
	cu := cuesFor(s)
	for _, sp := range cu.ConsentTerms.Find(s.Toks) {
		if sp.I < h.I && h.I-sp.I <= 15 {
			return true
		}
	}
	return false
}

// victimSubject reports whether the victim is whom the non-liability cue
// protects: a victim word shortly before it, or "does not apply to the
// conduct of a person who is … a victim" after it.
func victimSubject(s *index.Segment, h Hit) bool {
	cu := cuesFor(s)
	for _, sp := range cu.TextVictim.Find(s.Toks) {
		if sp.I < h.I && h.I-sp.I <= 15 {
			return true
		}
		// the victim inside the cue ("no victim shall be prosecuted"), or
		// its object right after it ("Le procureur … ne peut exercer de
		// poursuites contre la victime …")
		if sp.I >= h.I && sp.J <= h.J || sp.I >= h.J && sp.I-h.J <= 2 && h.J > 0 && allCues(s).AgainstWord[s.Toks[h.J-1].Word] {
			return true
		}
		// the victim opens the sentence whose verb the cue is ("La victime
		// de traite des êtres humains qui prend part à des infractions …,
		// n'encourt aucune peine"): a long subject
		if sp.I < h.I && h.I-sp.I <= 40 {
			if a, _ := sentenceBounds(s, h.I); a <= sp.I && sp.I-a <= 3 {
				return true
			}
		}
		if all := allCues(s); sp.I >= h.J && sp.I-h.J <= 20 && !all.PostposedNeg[s.Toks[h.I].Word] {
			if all.NonLiabAux[s.Toks[h.I].Word] {
				return true
			}
			// "A person is not criminally responsible for an offence … as a
			// direct consequence of being the victim …": a generic subject
			// whom the victim clause after the cue narrows
			if h.I > 0 {
				if all.GenericSubjVerb[s.Toks[h.I-1].Word] {
					return true
				}
			}
			// the cue opens its sentence and the victim follows as its
			// subject ("N'est pas punissable la victime qui …", "No se
			// aplicarán sanciones penales a las víctimas …", after its
			// copula: "Est exemptée de peine la victime …", "Está exenta
			// de responsabilidad penal la víctima …")
			if a, _ := sentenceBounds(s, h.I); h.I-a <= 1 {
				return true
			}
			// the victim is in the condition the rule is subject to
			// ("… kann von Strafe absehen, wenn die Tat von einem Opfer …")
			for k := h.J; k < sp.I; k++ {
				if cu.CondWords[s.Toks[k].Word] {
					return true
				}
			}
		}
		// a pronoun opens the cue's sentence and the victim the sentence
		// before ("L'enfant victime de traite … est considéré comme une
		// victime. Il ne peut être poursuivi pour …")
		if sp.I < h.I {
			if a, _ := sentenceBounds(s, h.I); a > 0 && h.I-a <= 2 && cu.SubjPronoun[s.Toks[a].Word] {
				if pa, _ := sentenceBounds(s, a-1); sp.I >= pa && sp.I-pa <= 3 {
					return true
				}
			}
		}
	}
	return false
}

// penalLaw reports whether a law's name makes it a law of offences (a
// penal-law word among its words, or among those of the law named by an
// external reference "art5 of Código Penal (not in the corpus)").
func penalLaw(cu *cues, law string) bool {
	if _, st, ok := index.ParseExternalLaw(law); ok {
		law = st
	}
	// (its first words: a name read too far runs into the clause's own
	// words, "la loi sur l'aide aux victimes conseillent les victimes de la
	// traite")
	for k, t := range index.Tokenize(index.FoldString(law)) {
		if k >= 6 {
			break
		}
		if cu.PenalLaw[t.Word] {
			return true
		}
	}
	return false
}

// ---- no movement required (Palermo 3(a), UNTOC 34(2)) ----

// anyActs reports whether one of segs names two acts of trafficking.
func anyActs(segs []*index.Segment) bool {
	for _, s := range segs {
		if actCount(s) >= 2 {
			return true
		}
	}
	return false
}

// traffickingDefinitions are the usable definitions that name trafficking
// and its acts.
func traffickingDefinitions(ix *index.Index) []*index.Segment {
	var out []*index.Segment
	for _, s := range ix.Segments {
		// a term defined by the structure of Palermo art. 3 (three of the
		// acts for a purpose of exploitation) is trafficking whatever its
		// name ("Se entiende por tráfico de niños su captación, transporte …
		// con el propósito de utilizarlos en la prostitución …")
		if usable(s) && s.Roles.Has("definition") && len(s.Defines) > 0 &&
			(hasTraffick(s) && actCount(s) >= 2 || actCount(s) >= 3 && s.Has(cuesFor(s).ExploitTerms)) {
			out = append(out, s)
		}
	}
	return out
}

// internalSpan finds where a provision extends trafficking to a
// country's inside: a phrase of the internal class ("within or across",
// "sur le territoire national") or the express frame of internalExpress.
func internalSpan(s *index.Segment) (Hit, bool) {
	if h, ok := spanOf(s, cuesFor(s).InternalCues); ok {
		return h, true
	}
	return internalExpress(s)
}

// internalExpress finds a border word in a sentence that says the
// crossing does not matter or names the inside of the country beside it:
// "whether or not the victim crossed any border", "immaterial whether the
// person was conveyed across any frontier", "qu'il y ait ou non
// franchissement d'une frontière", "dentro del país o a través de sus
// fronteras". The hit runs from the first of those words to the border
// word.
func internalExpress(s *index.Segment) (Hit, bool) {
	cu := cuesFor(s)
	if !s.Has(cu.Border) || !(s.Has(cu.Indifference) || s.Has(cu.InternalCues)) {
		return Hit{}, false
	}
	for _, b := range cu.Border.Find(s.Toks) {
		a, e := sentenceBounds(s, b.I)
		first := -1
		if w := cu.InternalCues.Find(s.Toks[a:e]); len(w) > 0 {
			first = a + w[0].I
		}
		// the indifference before the border word, with no act of the
		// offence between them: "whether or not for reward, transports a
		// person across a border" still requires the crossing
		for _, w := range cu.Indifference.Find(s.Toks[a:b.I]) {
			if at := a + w.I; !cu.ActTerms.Any(s.Toks[at:b.I]) {
				if first < 0 || at < first {
					first = at
				}
				break
			}
		}
		if first >= 0 {
			i, j := min(first, b.I), max(b.J, first+1)
			return Hit{Seg: s, I: i, J: j, Term: cu.Border.Terms[b.Phrase]}, true
		}
	}
	return Hit{}, false
}

// definesNonTrafficking reports whether s defines a term, or is an item of
// the definition of a term, that names no trafficking ("exploitation",
// "forced labour"): its words describe that term, not the offence.
func definesNonTrafficking(s *index.Segment) bool {
	terms := s.Defines
	if len(terms) == 0 && s.Prov.Parent != nil && s.Prov != s.Section {
		if ix := s.Index(); ix != nil {
			for _, t := range ix.ProvSegs(s.Prov.Parent) {
				terms = append(terms, t.Defines...)
			}
		}
	}
	if len(terms) == 0 {
		return false
	}
	return !namesTrafficking(cuesFor(s), terms)
}

// generalInternal finds a clause of a law with a trafficking offence that
// extends all its offences to a country's inside in the express frame
// ("This Act applies whether the acts take place within the State or across
// its borders", "Les infractions … sont constituées, que les faits aient
// été commis sur le territoire national ou qu'ils présentent un caractère
// transfrontalier").
func generalInternal(ix *index.Index) (Hit, bool) {
	laws := map[*statute.Statute]bool{}
	for _, t := range trafficOffenceSegs(ix) {
		laws[t.Statute] = true
	}
	for _, s := range ix.Segments {
		cu := cuesFor(s)
		if !s.Has(cu.Border) || !usable(s) || !laws[s.Statute] || !(s.Has(cu.ThisAct) || s.Has(cu.OffenceNoun) || hasTraffick(s)) {
			continue
		}
		if h, ok := internalExpress(s); ok {
			return h, true
		}
	}
	return Hit{}, false
}

func checkNoMovement(in *Input) Outcome {
	ix := in.Ix
	segs := trafficOffenceSegs(ix)
	if len(segs) == 0 {
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-trafficking-offence", nil)},
			Reason: reason.New("trafficking-offence-not-found", nil)}
	}
	type secInfo struct {
		moving, internal, sexOnly bool
		ev, mev                   *Hit
	}
	var order []*statute.Provision
	info := map[*statute.Provision]*secInfo{}
	if !anyActs(segs) {
		// the offence takes its acts from a definition of trafficking
		// ("Quiconque commet l'infraction de traite des personnes …",
		// the acts in "La traite des personnes est le fait de recruter …")
		segs = traffickingDefinitions(ix)
	}
	for _, s := range segs {
		cu := cuesFor(s)
		if actCount(s) < 2 {
			continue
		}
		si := info[s.Section]
		if si == nil {
			si = &secInfo{sexOnly: sexualOnly(ix, s)}
			info[s.Section] = si
			order = append(order, s.Section)
		}
		for _, t := range ix.BySection[s.Section] {
			cu := cuesFor(t)
			if !usable(t) {
				continue
			}
			if h, ok := spanOf(t, cu.MovementCues); ok && !si.moving {
				si.moving, si.mev = true, &h
			}
			if h, ok := internalSpan(t); ok && !si.internal {
				si.internal, si.ev = true, &h
			}
		}
		if si.ev == nil {
			h, _ := spanOf(s, cu.ActTerms)
			si.ev = &h
		}
	}
	if len(order) == 0 {
		// the offence is defined elsewhere (a definitions section)
		for _, s := range ix.Segments {
			cu := cuesFor(s)
			if !usable(s) || !(s.Roles.Has("offence") || s.Roles.Has("definition")) {
				continue
			}
			if h, ok := internalSpan(s); ok && (hasTraffick(s) || traffickIn(cu, headToks(s)) || actCount(s) >= 1) {
				return Outcome{Level: LMet, Evidence: []Hit{h}, FoundR: []reason.Reason{reason.New("label-internal-covered", nil)},
					Reason: reason.New("internal-trafficking-defined", nil)}
			}
		}
		return Outcome{Level: LGap, MissingR: []reason.Reason{reason.New("label-trafficking-offence", nil)}, Reason: reason.New("trafficking-offence-not-found", nil)}
	}
	var still, moving []*secInfo
	var explicit *secInfo
	if h, ok := generalInternal(ix); ok {
		explicit = &secInfo{internal: true, ev: &h}
	}
	for _, sec := range order {
		si := info[sec]
		// "en el territorio de la República o para su salida o entrada
		// del país": internal trafficking named beside the crossing is
		// express coverage
		if si.internal && explicit == nil && !si.sexOnly {
			explicit = si
		}
		if si.moving {
			moving = append(moving, si)
			continue
		}
		still = append(still, si)
	}
	switch {
	case explicit != nil:
		return Outcome{Level: LMet, Evidence: []Hit{*explicit.ev}, FoundR: []reason.Reason{reason.New("label-internal-covered", nil)},
			Reason: reason.New("internal-trafficking-express", nil)}
	case len(moving) == 0:
		// a general provision that says so ("(2) A person may be trafficked
		// whether or not across a border") is the better quote
		ev := []Hit{*still[0].ev}
		for _, s := range ix.Segments {
			cu := cuesFor(s)
			// (of trafficking, not of a victim's stay "en el territorio
			// nacional")
			if !usable(s) || !s.Has(cu.InternalCues) || !(hasTraffick(s) && !usesVictimSeg(s) && !s.Has(cu.TextVictim) ||
				(s.Roles.Has("offence") || s.Roles.Has("definition")) && sectionClass(ix, s.Section) == OffTrafficking) {
				continue
			}
			// (nor a form of exploitation, "(i) causing a person to
			// transport illegal items within or across borders", in the
			// definition of another term)
			if definesNonTrafficking(s) {
				continue
			}
			if h, ok := spanOf(s, cu.InternalCues); ok {
				ev = []Hit{h, ev[0]}
				break
			}
		}
		return Outcome{Level: LMet, Evidence: ev, FoundR: []reason.Reason{reason.New("label-no-movement", nil)},
			Reason: reason.New("internal-trafficking-no-movement", nil)}
	case len(still) == 0:
		return Outcome{Level: LGap, Evidence: []Hit{*moving[0].mev}, MissingR: []reason.Reason{reason.New("label-internal", nil)},
			Reason: reason.New("internal-trafficking-movement-required", nil)}
	}
	return Outcome{Level: LPartial, Evidence: []Hit{*moving[0].mev, *still[0].ev}, FoundR: []reason.Reason{reason.New("label-some-no-movement", nil)},
		MissingR: []reason.Reason{reason.New("label-internal-every", nil)}, Reason: reason.New("internal-trafficking-partial", nil)}
}
