package penalty

import (
	"math"
	"strings"
)

// Grade is a penalty of a code's scale named rather than measured
// ("reclusión mayor en sus grados mínimo a medio", "prision mayor in its
// medium period"): the custodial noun and its qualifiers, folded, and the
// thirds of the grade's term the sanction takes (1 minimum, 2 medium, 3
// maximum period; From and To 0 for the whole term). The code's general
// part gives each grade its term; Scale reads it and Resolve applies it.
type Grade struct {
	Name string `json:"name"`
	Text string `json:"text"` // the grade's words as written ("reclusión mayor")
	From int    `json:"from,omitempty"`
	To   int    `json:"to,omitempty"`
	// start and end are the byte offsets of the grade's words
	start, end int
}

// gradeAfter reads the grade that follows the custodial word toks[k]: its
// qualifiers, then the periods it takes, then the words by which a general
// part gives it a term ("dura", "shall be"). It returns the grade (Name ""
// when none) and the index after it.
func (lx *Lexicon) gradeAfter(toks []token, k, hi int) (Grade, int) {
	j := k + 1
	name := []string{toks[k].s}
	for j < hi && toks[j].kind == tWord && lx.gradeQual.has(toks[j].s) && len(name) < 3 {
		name = append(name, toks[j].s)
		j++
	}
	from, to, n := lx.periodsAt(toks, j, hi)
	if len(name) == 1 && n == j {
		return Grade{}, k + 1
	}
	if m, _ := lx.gradeDuration.at(toks, n, hi); m > 0 && from == 0 {
		n += m
	} else if from == 0 && n < hi && toks[n].kind == tPunct && toks[n].s == ":" {
		// an item of a general part's list under a lead-in that gives
		// the duration ("… tendrán la duración siguiente: a) Reclusión
		// mayor: de veinte años y un día a treinta años.")
		n++
	}
	end := toks[k+len(name)-1].end
	return Grade{Name: strings.Join(name, " "), From: from, To: to, start: toks[k].start, end: end}, n
}

// periodsAt reads the periods of a grade at toks[j]: "en su grado máximo",
// "en sus grados mínimo a medio", "in its medium period", "in its medium
// and maximum periods". It returns 0, 0, j when there are none.
func (lx *Lexicon) periodsAt(toks []token, j, hi int) (from, to, n int) {
	word := func(k int, s *wordSet) bool { return k < hi && toks[k].kind == tWord && s.has(toks[k].s) }
	k := j
	for k-j < 3 && word(k, &lx.gradeOpen) {
		k++
	}
	periodFirst := word(k, &lx.gradePeriod)
	if periodFirst {
		k++
	}
	lv := lx.levelAt(toks, k, hi)
	if lv == 0 || k == j {
		return 0, 0, j
	}
	from, to = lv, lv
	k++
	if word(k, &lx.gradeJoin) {
		if l2 := lx.levelAt(toks, k+1, hi); l2 > lv {
			to = l2
			k += 2
		}
	}
	if !periodFirst {
		if !word(k, &lx.gradePeriod) {
			return 0, 0, j
		}
		k++
	}
	return from, to, k
}

// levelAt returns 1, 2 or 3 for a minimum, medium or maximum word at
// toks[k], 0 for any other.
func (lx *Lexicon) levelAt(toks []token, k, hi int) int {
	if k >= hi || toks[k].kind != tWord {
		return 0
	}
	for i := range lx.gradeLevel {
		if lx.gradeLevel[i].has(toks[k].s) {
			return i + 1
		}
	}
	return 0
}

// Scale maps the name of a grade to its whole term in months, as a code's
// general part states it ("La reclusión mayor dura de cinco años y un día a
// veinte años").
type Scale map[string][2]float64

// Learn adds to the scale the grades that p gives a whole term to.
func (sc Scale) Learn(p Penalty) {
	if p.Grade == nil || p.Grade.From != 0 || p.MinMonths == nil || p.MaxMonths == nil {
		return
	}
	if _, ok := sc[p.Grade.Name]; !ok {
		sc[p.Grade.Name] = [2]float64{*p.MinMonths, *p.MaxMonths}
	}
}

// oneDay is a day in months, as the parser counts it.
const oneDay = 12 / 365.25

// Resolve gives a graded sanction without terms the terms of its periods
// from the scale: each period is a third of the grade's term, and a term
// that starts a day after a whole number of months ("de cinco años y un
// día") starts each period a day after the one before ends. It reports
// false when the scale does not hold the grade.
func (sc Scale) Resolve(p Penalty) (Penalty, bool) {
	if p.Grade == nil || p.MinMonths != nil || p.MaxMonths != nil || p.Life {
		return p, false
	}
	t, ok := sc[p.Grade.Name]
	if !ok {
		return p, false
	}
	lo, hi := t[0], t[1]
	day := 0.0
	if f := lo - math.Floor(lo); f > 0 && math.Abs(f-oneDay) < 0.01 {
		lo, day = math.Floor(lo), oneDay
	}
	from, to := p.Grade.From, p.Grade.To
	if from == 0 {
		from, to = 1, 3
	}
	third := (hi - lo) / 3
	minV := lo + float64(from-1)*third
	if from > 1 || day > 0 {
		minV += day
	}
	maxV := lo + float64(to)*third
	p.MinMonths, p.MaxMonths = fp(round2(minV)), fp(round2(maxV))
	return p, true
}
