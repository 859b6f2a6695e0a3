package score

import (
	"fmt"
	"math"
	"strconv"

	"github.com/lacuna-project/lacuna/internal/reason"

	"github.com/lacuna-project/lacuna/internal/standard"
)

type acc struct{ sum, weight float64 }

func (a *acc) add(f *Finding) {
	if f.Verdict == NotApplicable {
		return
	}
	a.sum += f.Verdict.Value() * f.Weight
	a.weight += f.Weight
}

// pct is the weighted score as 0–100; contrary findings subtract, and the
// result is clamped at 0.
func (a acc) pct() float64 {
	if a.weight == 0 {
		return 0
	}
	v := 100 * a.sum / a.weight
	if v < 0 {
		v = 0
	}
	return math.Round(v*10) / 10
}

func (e *Engine) scores(res *Result) Scores {
	m := e.Map
	s := Scores{Pillars: map[string]float64{}, Counts: map[Verdict]int{}, Instruments: []InstrumentScore{}}
	byReq := map[string]*Finding{}
	for i := range res.Findings {
		f := &res.Findings[i]
		byReq[f.Requirement] = f
		s.Counts[f.Verdict]++
	}
	var all, enf, treaty acc
	pillars := map[string]*acc{}
	for _, p := range standard.Pillars {
		pillars[string(p)] = &acc{}
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		all.add(f)
		if p := pillars[f.Pillar]; p != nil {
			p.add(f)
		}
	}
	s.Overall = all.pct()
	s.Explain = append(s.Explain, fmt.Sprintf("overall = 100 × Σ(verdict value × weight) / Σ weight = 100 × %.3g / %.3g = %.1f (met 1, partial 0.5, contrary −1, others 0; not_applicable excluded; clamped at 0)", all.sum, all.weight, s.Overall))
	s.ExplainReasons = append(s.ExplainReasons, reason.New("explain-overall", reason.Args{"sum": sig3(all.sum), "weight": sig3(all.weight), "score": round1(s.Overall)}))
	for _, p := range standard.Pillars {
		a := pillars[string(p)]
		s.Pillars[string(p)] = a.pct()
		s.Explain = append(s.Explain, fmt.Sprintf("pillar %s = 100 × %.3g / %.3g = %.1f", p, a.sum, a.weight, a.pct()))
		s.ExplainReasons = append(s.ExplainReasons, reason.New("explain-pillar", reason.Args{"pillar": string(p), "sum": sig3(a.sum), "weight": sig3(a.weight), "score": round1(a.pct())}))
	}
	for _, r := range m.Requirements {
		if r.Enforcement {
			if f := byReq[string(r.ID)]; f != nil {
				enf.add(f)
			}
		}
	}
	s.Enforcement = enf.pct()
	s.Explain = append(s.Explain, fmt.Sprintf("enforcement = 100 × %.3g / %.3g = %.1f over requirements marked enforcement", enf.sum, enf.weight, s.Enforcement))
	s.ExplainReasons = append(s.ExplainReasons, reason.New("explain-enforcement", reason.Args{"sum": sig3(enf.sum), "weight": sig3(enf.weight), "score": round1(s.Enforcement)}))
	inTreaty := map[string]bool{}
	for _, in := range m.Instruments {
		var a acc
		met, total := 0, 0
		bound := res.Country != "" && m.BoundBy(res.Country, in.ID)
		for _, r := range m.Requirements {
			if !cites(r, in.ID) {
				continue
			}
			f := byReq[string(r.ID)]
			if f == nil {
				continue
			}
			a.add(f)
			if f.Verdict != NotApplicable {
				total++
			}
			if f.Verdict == Met {
				met++
			}
			if bound && !inTreaty[f.Requirement] {
				inTreaty[f.Requirement] = true
				treaty.add(f)
			}
		}
		if total == 0 {
			continue
		}
		s.Instruments = append(s.Instruments, InstrumentScore{Instrument: string(in.ID), Short: in.Short, Bound: bound, Score: a.pct(), Met: met, Total: total})
		s.Explain = append(s.Explain, fmt.Sprintf("instrument %s (%s) = 100 × %.3g / %.3g = %.1f; %d of %d met", in.ID, boundWord(bound), a.sum, a.weight, a.pct(), met, total))
		why := reason.New("explain-instrument-benchmark", reason.Args{"instrument": string(in.ID), "sum": sig3(a.sum), "weight": sig3(a.weight), "score": round1(a.pct()), "met": met, "total": total})
		if bound {
			why = reason.New("explain-instrument-bound", reason.Args{"instrument": string(in.ID), "sum": sig3(a.sum), "weight": sig3(a.weight), "score": round1(a.pct()), "met": met, "total": total})
		}
		s.ExplainReasons = append(s.ExplainReasons, why)
	}
	s.Treaty = treaty.pct()
	s.Explain = append(s.Explain, fmt.Sprintf("treaty = 100 × %.3g / %.3g = %.1f over requirements of the instruments %s is bound by", treaty.sum, treaty.weight, s.Treaty, res.Country))
	s.ExplainReasons = append(s.ExplainReasons, reason.New("explain-treaty", reason.Args{"sum": sig3(treaty.sum), "weight": sig3(treaty.weight), "score": round1(s.Treaty), "country": res.Country}))
	return s
}

// sig3 rounds x to three significant digits, as %.3g writes it in an
// Explain line.
func sig3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return v
}

// round1 rounds a score to one decimal, as %.1f writes it.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

func boundWord(b bool) string {
	if b {
		return "bound"
	}
	return "benchmark"
}

func cites(r *standard.Requirement, id standard.InstrumentID) bool {
	for _, s := range r.Sources {
		if s.Instrument == id {
			return true
		}
	}
	return false
}
