package penalty

import (
	"math"
	"strconv"
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

// periodKey is the scale's key for the term of one period (1 minimum,
// 2 medium, 3 maximum) of a grade, when the code states it.
func periodKey(name string, lv int) string { return name + "#" + strconv.Itoa(lv) }

// LearnPeriods adds to the scale the terms a general part gives the periods
// of a grade one by one ("En la reclusión mayor, el grado mínimo va de
// cinco años y un día a diez años; el grado medio, de diez años y un día a
// quince años; …"): periods of a code's table need not be thirds of the
// grade ("reclusión menor": 61 days to 540 days, then to three years, then
// to five years). Each period mention (a period word beside a level word)
// after a grade takes the first two durations before the next mention,
// grade or sentence end as its term; "y un día" joins the duration before.
func (lx *Lexicon) LearnPeriods(sc Scale, text, lang string) {
	tb := getTokBuf()
	defer putTokBuf(tb)
	toks := lx.tokenize(text, tb)
	type mention struct {
		grade    string
		lv, at   int // level, byte offset after the mention
		boundary int // byte offset where its clause ends
	}
	var ms []mention
	grade := ""
	word := func(k int, s *wordSet) bool {
		return k >= 0 && k < len(toks) && toks[k].kind == tWord && s.has(toks[k].s)
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind == tPunct && (t.s == "." || t.s == ";") && len(ms) > 0 && ms[len(ms)-1].boundary < 0 {
			ms[len(ms)-1].boundary = t.start
		}
		if t.kind == tPunct && t.s == "." {
			grade = ""
			continue
		}
		if t.kind == tWord && t.lf&fPrison != 0 {
			if g, n := lx.gradeAfter(toks, k, len(toks)); g.Name != "" && g.From == 0 && strings.Contains(g.Name, " ") {
				grade = g.Name
				if len(ms) > 0 && ms[len(ms)-1].boundary < 0 {
					ms[len(ms)-1].boundary = t.start
				}
				k = n - 1
				continue
			}
		}
		if grade == "" {
			continue
		}
		// "el grado mínimo", "the minimum period"
		lv := 0
		if word(k, &lx.gradePeriod) {
			lv = lx.levelAt(toks, k+1, len(toks))
		} else if word(k+1, &lx.gradePeriod) {
			lv = lx.levelAt(toks, k, len(toks))
		}
		if lv == 0 {
			continue
		}
		if len(ms) > 0 && ms[len(ms)-1].boundary < 0 {
			ms[len(ms)-1].boundary = t.start
		}
		ms = append(ms, mention{grade: grade, lv: lv, at: toks[k+1].end, boundary: -1})
		k++
	}
	if len(ms) == 0 {
		return
	}
	qs := lx.Quantities(text, lang)
	for _, m := range ms {
		end := m.boundary
		if end < 0 {
			end = len(text)
		}
		var terms []float64
		for i := 0; i < len(qs) && len(terms) < 3; i++ {
			q := qs[i]
			if q.Start < m.at || q.End > end || q.Unit == "" {
				continue
			}
			v := months(q.Value, unitNamed(q.Unit))
			// "cinco años y un día": the day belongs to the years before
			if q.Unit == UnitDay && q.Value == 1 && len(terms) > 0 && i > 0 && qs[i-1].Unit == UnitYear && q.Start-qs[i-1].End < 6 {
				terms[len(terms)-1] += oneDay
				continue
			}
			terms = append(terms, v)
		}
		if len(terms) < 2 || terms[0] >= terms[1] {
			continue
		}
		if _, ok := sc[periodKey(m.grade, m.lv)]; !ok {
			sc[periodKey(m.grade, m.lv)] = [2]float64{round2(terms[0]), round2(terms[1])}
		}
	}
}

// unitNamed is the unit of a Quantity's unit name.
func unitNamed(u string) unit {
	switch u {
	case UnitYear:
		return uYear
	case UnitMonth:
		return uMonth
	case UnitWeek:
		return uWeek
	case UnitDay:
		return uDay
	}
	return uNone
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
	// periods whose terms the code states one by one
	if from, to := p.Grade.From, p.Grade.To; from > 0 {
		a, okA := sc[periodKey(p.Grade.Name, from)]
		b, okB := sc[periodKey(p.Grade.Name, to)]
		if okA && okB {
			p.MinMonths, p.MaxMonths = fp(a[0]), fp(b[1])
			return p, true
		}
	}
	t, ok := sc[p.Grade.Name]
	if !ok {
		// the whole term, from the first and last periods stated
		a, okA := sc[periodKey(p.Grade.Name, 1)]
		b, okB := sc[periodKey(p.Grade.Name, 3)]
		if !okA || !okB || p.Grade.From != 0 {
			return p, false
		}
		p.MinMonths, p.MaxMonths = fp(a[0]), fp(b[1])
		return p, true
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
