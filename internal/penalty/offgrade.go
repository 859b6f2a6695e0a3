package penalty

import "strings"

// OffenceScale maps the grade of an offence on a code's scale ("felony of
// the second degree", "delito grave de segundo grado severo") to the
// sanction the code's general part gives that grade. An offence that
// states only its grade ("An offense under this section is a felony of the
// second degree", "incurrirá en delito grave de segundo grado") takes that
// sanction; see ParseGraded.
type OffenceScale map[string]Penalty

// gradeRef is an offence grade named in a text: its folded name and its
// token span [lo, hi).
type gradeRef struct {
	name   string
	lo, hi int
}

// maxGradeGap is the most words between a grade noun and its degree word
// ("felony of the second degree": three).
const maxGradeGap = 4

// offenceGrades finds the offence grades named in toks: a grade noun
// ("felony", "delito grave"), at most maxGradeGap words, then a degree word
// ("degree", "grado") and, optionally, a word that qualifies the degree
// ("severo").
func (lx *Lexicon) offenceGrades(toks []token) []gradeRef {
	var out []gradeRef
	for k := 0; k < len(toks); k++ {
		m, _ := lx.gradeNoun.at(toks, k, len(toks))
		if m == 0 {
			continue
		}
		for d := k + m; d < len(toks) && d <= k+m+maxGradeGap; d++ {
			t := toks[d]
			if t.kind != tWord || d > k && t.nlBefore > 0 {
				break
			}
			if !lx.gradeDegree.has(t.s) {
				continue
			}
			hi := d + 1
			if hi < len(toks) && toks[hi].kind == tWord && toks[hi].nlBefore == 0 && lx.gradeDegreeQual.has(toks[hi].s) {
				hi++
			}
			ws := make([]string, 0, hi-k)
			for j := k; j < hi; j++ {
				ws = append(ws, toks[j].s)
			}
			out = append(out, gradeRef{name: strings.Join(ws, " "), lo: k, hi: hi})
			k = hi - 1
			break
		}
	}
	return out
}

// LearnGrades adds to sc the grades that text gives a custodial sanction
// ("An individual adjudged guilty of a felony of the first degree shall be
// punished by imprisonment … for life or for any term of not more than 60
// years or less than 5 years", "Delito grave de segundo grado: conlleva una
// pena de reclusión … no será menor de ocho años y un día ni mayor de
// quince años"): the grade named last before the sanction, in the same
// sentence. A grade keeps the first sanction learnt.
func (lx *Lexicon) LearnGrades(sc OffenceScale, text, lang, country string) {
	tb := getTokBuf()
	defer putTokBuf(tb)
	toks := lx.tokenize(text, tb)
	refs := lx.offenceGrades(toks)
	if len(refs) == 0 {
		return
	}
	for _, p := range lx.ParseFor(text, lang, country) {
		if !p.HasImprisonment() || p.Relative != "" || p.Variant != VariantBasic {
			continue
		}
		var best *gradeRef
		for i := range refs {
			r := &refs[i]
			if toks[r.hi-1].end > p.Start {
				break
			}
			if !sentenceBreak(text[toks[r.hi-1].end:p.Start]) {
				best = r
			}
		}
		if best == nil {
			continue
		}
		if _, ok := sc[best.name]; ok {
			continue
		}
		q := p
		q.Start, q.End, q.Aggravations = 0, 0, nil
		sc[best.name] = q
	}
	// "the term of imprisonment for: (b) a felony of the second degree shall
	// be a minimum of nine years and a maximum of fifteen years": custody
	// named before the grades, each grade's term in its own clause
	custodyAt := -1
	for k, t := range toks {
		if t.kind == tWord && t.lf&fPrison != 0 {
			custodyAt = k
			break
		}
	}
	if custodyAt < 0 {
		return
	}
	for _, r := range refs {
		if _, ok := sc[r.name]; ok || r.lo < custodyAt {
			continue
		}
		end := r.hi
		for end < len(toks) && !(toks[end].kind == tPunct && (toks[end].s == ";" || toks[end].s == ".")) {
			end++
		}
		if end == r.hi {
			continue
		}
		clause := text[toks[r.hi].start:toks[end-1].end]
		ps := lx.ParseFor(toks[custodyAt].s+" "+clause, lang, country)
		if len(ps) != 1 || !ps[0].HasImprisonment() || ps[0].Relative != "" {
			continue
		}
		q := ps[0]
		q.Start, q.End, q.Aggravations, q.Variant = 0, 0, nil, VariantBasic
		sc[r.name] = q
	}
}

// sentenceBreak reports a full stop, a semicolon or a new line in s.
func sentenceBreak(s string) bool {
	return strings.ContainsAny(s, ".;\n")
}

// ParseGraded is ParseFor that also reads, in a sentence that states no
// sanction of its own, an offence grade sc holds as that grade's sanction.
func (lx *Lexicon) ParseGraded(text, lang, country string, sc OffenceScale) []Penalty {
	return lx.parse(text, lang, country, sc)
}

// gradedStatements returns a statement for each grade of sc named in a
// sentence of toks that holds none of stmts.
func (lx *Lexicon) gradedStatements(toks []token, ss []sentInfo, stmts []stmt, sc OffenceScale) []stmt {
	var out []stmt
	for _, r := range lx.offenceGrades(toks) {
		if _, ok := sc[r.name]; !ok {
			continue
		}
		si := sentenceOf(ss, r.lo)
		busy := false
		for _, s := range stmts {
			if sentenceOf(ss, s.cs) == si {
				busy = true
				break
			}
		}
		if !busy {
			out = append(out, stmt{cs: r.lo, ce: r.hi, graded: r.name})
		}
	}
	return out
}

// sanction returns a copy of the sanction of grade g, quoted at the byte
// span [start, end) of the grade's name.
func (sc OffenceScale) sanction(g string, start, end int) Penalty {
	p := sc[g]
	cp := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		return fp(*v)
	}
	p.MinMonths, p.MaxMonths, p.FineMin, p.FineMax = cp(p.MinMonths), cp(p.MaxMonths), cp(p.FineMin), cp(p.FineMax)
	p.Variant, p.Aggravations, p.Grade = VariantBasic, nil, nil
	p.Start, p.End = start, end
	return p
}
