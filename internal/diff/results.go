package diff

import (
	"sort"

	"github.com/lacuna-project/lacuna/internal/score"
)

// Direction says whether a verdict change helps or hurts compliance.
type Direction string

const (
	Improved  Direction = "improved"
	Regressed Direction = "regressed"
	Sideways  Direction = "changed" // same rank (e.g. undetermined ↔ not_applicable)
)

// Cause is a provision change that explains a verdict change.
type Cause struct {
	Statute   string     `json:"statute"`
	Provision string     `json:"provision"` // the ID in the version where it is evidence
	Kind      ChangeKind `json:"kind"`
	Side      string     `json:"side"` // "old" evidence lost, or "new" evidence gained
}

// VerdictChange is one requirement whose verdict or score moved.
type VerdictChange struct {
	Requirement string        `json:"requirement"`
	Title       string        `json:"title"`
	Pillar      string        `json:"pillar"`
	Old         score.Verdict `json:"old"`
	New         score.Verdict `json:"new"`
	Direction   Direction     `json:"direction"`
	ScoreDelta  float64       `json:"score_delta"`
	Causes      []Cause       `json:"causes"`
	OldMissing  []string      `json:"old_missing,omitempty"`
	NewMissing  []string      `json:"new_missing,omitempty"`
}

// ResultDiff is the compliance difference between two analyses.
type ResultDiff struct {
	OldOverall float64               `json:"old_overall"`
	NewOverall float64               `json:"new_overall"`
	Pillars    map[string][2]float64 `json:"pillars"` // pillar -> [old, new]
	Changes    []VerdictChange       `json:"changes"`
	Improved   int                   `json:"improved"`
	Regressed  int                   `json:"regressed"`
}

// Regression reports whether any verdict got worse.
func (r *ResultDiff) Regression() bool { return r.Regressed > 0 }

// Results compares two analysis results. statutes are the provision diffs
// between the corpora analysed (used to find causes); they may be empty.
func Results(old, new *score.Result, statutes []*StatuteDiff) *ResultDiff {
	rd := &ResultDiff{OldOverall: old.Scores.Overall, NewOverall: new.Scores.Overall, Pillars: map[string][2]float64{}}
	for p, v := range new.Scores.Pillars {
		rd.Pillars[p] = [2]float64{old.Scores.Pillars[p], v}
	}
	for p, v := range old.Scores.Pillars {
		if _, ok := rd.Pillars[p]; !ok {
			rd.Pillars[p] = [2]float64{v, 0}
		}
	}
	// Index provision changes by (statute, ID) on each side.
	type key struct{ statute, id string }
	oldSide, newSide := map[key]ChangeKind{}, map[key]ChangeKind{}
	for _, sd := range statutes {
		for _, c := range sd.Changes {
			if c.Kind == Unchanged {
				continue
			}
			if c.OldID != "" {
				oldSide[key{sd.Statute, c.OldID}] = c.Kind
			}
			if c.NewID != "" {
				newSide[key{sd.Statute, c.NewID}] = c.Kind
			}
		}
	}
	// A change in a sub-provision causes a finding citing its section, and
	// the other way round: match on prefix too.
	related := func(m map[key]ChangeKind, statute, id string) (string, ChangeKind, bool) {
		if k, ok := m[key{statute, id}]; ok {
			return id, k, true
		}
		best, bestKind, found := "", ChangeKind(""), false
		for k, kind := range m {
			if k.statute != statute {
				continue
			}
			if isPrefixID(k.id, id) || isPrefixID(id, k.id) {
				if !found || k.id < best {
					best, bestKind, found = k.id, kind, true
				}
			}
		}
		return best, bestKind, found
	}
	oldByID := map[string]*score.Finding{}
	for i := range old.Findings {
		oldByID[old.Findings[i].Requirement] = &old.Findings[i]
	}
	for i := range new.Findings {
		nf := &new.Findings[i]
		of, ok := oldByID[nf.Requirement]
		if !ok || (of.Verdict == nf.Verdict && of.Score == nf.Score) {
			continue
		}
		vc := VerdictChange{Requirement: nf.Requirement, Title: nf.Title, Pillar: nf.Pillar,
			Old: of.Verdict, New: nf.Verdict, ScoreDelta: round2(nf.Score - of.Score),
			OldMissing: of.Missing, NewMissing: nf.Missing}
		switch {
		case nf.Verdict.Rank() < of.Verdict.Rank():
			vc.Direction = Improved
			rd.Improved++
		case nf.Verdict.Rank() > of.Verdict.Rank():
			vc.Direction = Regressed
			rd.Regressed++
		default:
			vc.Direction = Sideways
		}
		seen := map[Cause]bool{}
		add := func(c Cause) {
			if !seen[c] {
				seen[c] = true
				vc.Causes = append(vc.Causes, c)
			}
		}
		for _, e := range nf.Evidence {
			if id, kind, ok := related(newSide, e.Statute, e.Provision); ok {
				add(Cause{Statute: e.Statute, Provision: id, Kind: kind, Side: "new"})
			}
		}
		for _, e := range of.Evidence {
			if id, kind, ok := related(oldSide, e.Statute, e.Provision); ok {
				add(Cause{Statute: e.Statute, Provision: id, Kind: kind, Side: "old"})
			}
		}
		sort.SliceStable(vc.Causes, func(i, j int) bool {
			a, b := vc.Causes[i], vc.Causes[j]
			if a.Side != b.Side {
				return a.Side == "new" // new evidence first
			}
			if a.Statute != b.Statute {
				return a.Statute < b.Statute
			}
			return a.Provision < b.Provision
		})
		rd.Changes = append(rd.Changes, vc)
	}
	sort.SliceStable(rd.Changes, func(i, j int) bool { return rd.Changes[i].Requirement < rd.Changes[j].Requirement })
	return rd
}

// isPrefixID reports whether child is a sub-provision of parent
// ("s3(1)(a)" of "s3", "art225-4-1/II" of "art225-4-1").
func isPrefixID(parent, child string) bool {
	if len(child) <= len(parent) || child[:len(parent)] != parent {
		return false
	}
	switch child[len(parent)] {
	case '(', '/':
		return true
	}
	return false
}
