package report

import (
	"sort"

	"github.com/lacuna-project/lacuna/internal/score"
)

// Timeline is the score of one country across the version dates of its
// corpus: one point per analysis, oldest first.
type Timeline struct {
	Points []TimelinePoint
}

// VerdictChange is one requirement whose verdict changed between two points.
type VerdictChange struct {
	Requirement string
	Title       string
	From        string
	To          string
	Better      bool // the new verdict ranks better than the old one
	// Causes are the provision changes that explain the verdict change
	// ("fra/code-penal art225-4-1 (changed)"), when the caller diffed the
	// statute versions; see SetCauses.
	Causes []string
}

// TimelinePoint is the analysis as of one version date.
type TimelinePoint struct {
	VersionDate string
	Overall     float64
	Pillars     []PillarScore
	Counts      []VerdictCount
	// Versions lists the statute versions analysed at this date, "id (date)".
	Versions []string
	// Amended lists the statute versions that are new since the previous point.
	Amended []string
	// Closed are requirements not met at the previous point and met now;
	// Opened are requirements met at the previous point and not met now.
	Closed  []string
	Opened  []string
	Changes []VerdictChange // every verdict change since the previous point, by requirement ID
}

// NewTimeline builds a timeline from analyses of the same country, one per
// version date (each Result's AsOf names its date). Points are sorted by
// date; closed and opened requirements compare each point with the one
// before it.
func NewTimeline(results []*score.Result) *Timeline {
	rs := make([]*score.Result, 0, len(results))
	for _, r := range results {
		if r != nil {
			rs = append(rs, r)
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].AsOf < rs[j].AsOf })
	t := &Timeline{Points: []TimelinePoint{}}
	var prev *score.Result
	for _, r := range rs {
		p := TimelinePoint{
			VersionDate: r.AsOf,
			Overall:     r.Scores.Overall,
			Pillars:     pillarScores(r, english()),
			Counts:      verdictCounts(r.Findings, english()),
			Versions:    []string{},
			Amended:     []string{},
			Closed:      []string{},
			Opened:      []string{},
			Changes:     []VerdictChange{},
		}
		if p.VersionDate == "" {
			p.VersionDate = "latest"
		}
		seen := map[string]bool{}
		if prev != nil {
			for _, s := range prev.Statutes {
				seen[s.ID+"@"+s.VersionDate] = true
			}
		}
		for _, s := range r.Statutes {
			v := versionLabel(s.ID, s.VersionDate)
			p.Versions = append(p.Versions, v)
			if prev == nil || !seen[s.ID+"@"+s.VersionDate] {
				p.Amended = append(p.Amended, v)
			}
		}
		sort.Strings(p.Versions)
		sort.Strings(p.Amended)
		if prev != nil {
			for _, f := range r.Findings {
				old := prev.Finding(f.Requirement)
				if old == nil || old.Verdict == f.Verdict {
					continue
				}
				p.Changes = append(p.Changes, VerdictChange{
					Requirement: f.Requirement, Title: f.Title,
					From: string(old.Verdict), To: string(f.Verdict),
					Better: f.Verdict.Rank() < old.Verdict.Rank(), Causes: []string{},
				})
				switch {
				case f.Verdict == score.Met:
					p.Closed = append(p.Closed, f.Requirement)
				case old.Verdict == score.Met:
					p.Opened = append(p.Opened, f.Requirement)
				}
			}
			sort.Slice(p.Changes, func(i, j int) bool { return p.Changes[i].Requirement < p.Changes[j].Requirement })
			sort.Strings(p.Closed)
			sort.Strings(p.Opened)
		}
		t.Points = append(t.Points, p)
		prev = r
	}
	return t
}

func versionLabel(id, date string) string {
	if date == "" {
		return id
	}
	return id + " (" + date + ")"
}

// SetCauses records the provision changes that explain a requirement's
// verdict change at the point dated date. Causes are sorted; unknown dates
// or requirements are ignored.
func (t *Timeline) SetCauses(date, requirement string, causes []string) {
	for i := range t.Points {
		if t.Points[i].VersionDate != date {
			continue
		}
		for j := range t.Points[i].Changes {
			c := &t.Points[i].Changes[j]
			if c.Requirement == requirement {
				c.Causes = append([]string{}, causes...)
				sort.Strings(c.Causes)
			}
		}
	}
}
