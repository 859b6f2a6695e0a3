package report

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Input is what a briefing is built from.
type Input struct {
	Result *score.Result
	Map    *standard.Map
	// Statutes are the front matters of the statutes analysed (titles,
	// citations, sources); may be empty.
	Statutes []statute.Meta
	// Timeline is the score across version dates (amendments template); may be nil.
	Timeline *Timeline
	// Date is the report date, YYYY-MM-DD, from the caller's clock.
	Date string
	// ToolVersion is the lacuna version; "" = Result.LacunaVersion.
	ToolVersion string
	// Reasons, when set, renders the findings' explanations, review
	// reasons and nearest notes from their reason codes in its language;
	// nil keeps the English texts of the result.
	Reasons *reason.Catalogue
}

// Sheet counts: how many entries the executive summary lists.
const (
	gravestN   = 5
	strengthsN = 5
)

// Build assembles the briefing pack. It does no I/O and reads no clock; the
// result depends only on its input.
func Build(in Input) (*Briefing, error) {
	r, m := in.Result, in.Map
	if r == nil {
		return nil, errors.New("build briefing: no analysis result")
	}
	if in.Reasons != nil {
		lr, err := r.Localized(in.Reasons)
		if err != nil {
			return nil, fmt.Errorf("build briefing: %w", err)
		}
		r = lr
	}
	if m == nil {
		m = &standard.Map{Version: r.MappingVersion}
	}
	tool := in.ToolVersion
	if tool == "" {
		tool = r.LacunaVersion
	}
	mapVersion := r.MappingVersion
	if mapVersion == "" {
		mapVersion = m.Version
	}
	b := &Briefing{
		Title:       "Anti-trafficking law: gap analysis",
		Country:     r.Country,
		CountryName: CountryName(r.Country),
		Date:        in.Date,
		AsOf:        r.AsOf,
		Timeline:    in.Timeline,
	}
	metas := map[string]statute.Meta{}
	for _, s := range in.Statutes {
		metas[string(s.ID)+"@"+s.VersionDate] = s
		if _, ok := metas[string(s.ID)]; !ok {
			metas[string(s.ID)] = s
		}
	}
	meta := func(id, date string) statute.Meta {
		if s, ok := metas[id+"@"+date]; ok {
			return s
		}
		return metas[id]
	}
	titles := map[string]string{}
	for _, s := range r.Statutes {
		titles[s.ID] = s.Title
	}

	// Findings, sorted by requirement ID whatever order they came in.
	findings := append([]score.Finding(nil), r.Findings...)
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Requirement < findings[j].Requirement })

	reviewed, expired, stale := 0, 0, 0
	for _, f := range findings {
		if f.Override != nil {
			reviewed++
			if f.Override.Expired {
				expired++
			} else if len(f.Override.Stale) > 0 {
				stale++
			}
		}
	}
	switch {
	case reviewed == 0:
		b.ReviewStatus = "Machine analysis: no finding has been reviewed by a lawyer."
	default:
		b.ReviewStatus = fmt.Sprintf("%d of %d findings reviewed by a lawyer", reviewed, len(findings))
		if expired > 0 {
			b.ReviewStatus += fmt.Sprintf(" (%d review(s) expired)", expired)
		}
		if stale > 0 {
			b.ReviewStatus += fmt.Sprintf(" (%d review(s) need a re-review: the law or the machine verdict changed since)", stale)
		}
		b.ReviewStatus += "; the rest is machine analysis."
	}

	// Cover.
	b.Cover = Cover{
		Title:        b.Title,
		Subtitle:     "Briefing on " + b.CountryName,
		Country:      countryLabel(b.CountryName, b.Country),
		Date:         in.Date,
		AsOf:         r.AsOf,
		MapVersion:   mapVersion,
		ToolVersion:  tool,
		ReviewStatus: b.ReviewStatus,
		Statutes:     []StatuteLine{},
	}
	statutes := append([]score.StatuteRef(nil), r.Statutes...)
	sort.SliceStable(statutes, func(i, j int) bool {
		if statutes[i].ID != statutes[j].ID {
			return statutes[i].ID < statutes[j].ID
		}
		return statutes[i].VersionDate < statutes[j].VersionDate
	})
	for _, s := range statutes {
		md := meta(s.ID, s.VersionDate)
		title := s.Title
		if title == "" {
			title = md.Title
		}
		b.Cover.Statutes = append(b.Cover.Statutes, StatuteLine{
			ID: s.ID, Title: title, Citation: md.Citation, VersionDate: s.VersionDate,
			Language: s.Language, Excerpt: md.Excerpt, ExcerptNote: md.ExcerptNote,
		})
	}

	// Gap sheets and requirement rows.
	note := 0
	b.Requirements = []RequirementRow{}
	b.Gaps = []GapSheet{}
	for _, f := range findings {
		req := m.Requirement(standard.RequirementID(f.Requirement))
		title := f.Title
		if title == "" && req != nil {
			title = req.Title
		}
		row := RequirementRow{
			ID: f.Requirement, Title: title, Pillar: f.Pillar,
			Verdict: string(f.Verdict), MachineVerdict: string(f.MachineVerdict),
			Reviewed: f.Override != nil, Weight: f.Weight, Score: f.Score,
			Sources: sourcesLine(m, req), ReviewNeeded: f.Review != nil && f.Review.Needed,
		}
		if len(f.Evidence) > 0 {
			row.Citation = citation(f.Evidence[0].Statute, f.Evidence[0].Provision, f.Evidence[0].Line)
		} else if len(f.ExternalRefs) > 0 {
			e := f.ExternalRefs[0]
			row.Citation = citation(e.Statute, e.Provision, e.Line)
		}
		if hasSheet(f.Verdict) {
			row.Anchor = Anchor("gap", f.Requirement)
			g := GapSheet{
				ID: f.Requirement, Anchor: row.Anchor, Title: title, Pillar: f.Pillar,
				Verdict: string(f.Verdict), MachineVerdict: string(f.MachineVerdict), Origin: f.Origin,
				Weight: f.Weight, Severity: round2(f.Weight * severity(f.Verdict)),
				Mandatory: f.Mandatory, ChildSpecific: f.ChildSpecific,
				Sources: sourceArticles(m, req, r.Country), Evidence: []Quote{},
				Found: nonNil(f.Found), Missing: nonNil(f.Missing), Explanation: f.Explanation,
				References: []Reference{},
			}
			if req != nil {
				g.Statement = req.Statement
				g.Recommendation = req.Recommendation
				g.ModelProvision = req.ModelProvision
			}
			for _, e := range f.Evidence {
				note++
				g.Evidence = append(g.Evidence, Quote{
					Statute: e.Statute, StatuteTitle: titles[e.Statute], VersionDate: e.VersionDate,
					Provision: e.Provision, Line: e.Line, Path: e.Path, Text: e.Quote, Element: e.Element,
					Note: note, Citation: citation(e.Statute, e.Provision, e.Line),
				})
			}
			for _, x := range f.ExternalRefs {
				g.References = append(g.References, Reference{
					Law: x.Law, Statute: x.Statute, Provision: x.Provision, Line: x.Line, Text: x.Quote,
					Citation: citation(x.Statute, x.Provision, x.Line),
				})
			}
			if f.Override != nil {
				rv := reviewRow(*f.Override, f.MachineVerdict)
				g.Review = &rv
			}
			annotateSheet(&g, f, titles)
			b.Gaps = append(b.Gaps, g)
		}
		b.Requirements = append(b.Requirements, row)
	}

	// Executive summary.
	b.Summary = Summary{
		Overall: r.Scores.Overall, Treaty: r.Scores.Treaty, Enforcement: r.Scores.Enforcement,
		Pillars: pillarScores(r), Counts: verdictCounts(findings), Findings: len(findings),
		Gravest: []GapRef{}, Strengths: []Strength{}, GapCount: len(b.Gaps),
	}
	grave := append([]GapSheet(nil), b.Gaps...)
	sort.SliceStable(grave, func(i, j int) bool {
		if grave[i].Severity != grave[j].Severity {
			return grave[i].Severity > grave[j].Severity
		}
		return grave[i].ID < grave[j].ID
	})
	b.Summary.Amend, b.Summary.NewProvisions = []GapRef{}, []string{}
	for i, g := range grave {
		var srcs []string
		for _, s := range g.Sources {
			srcs = append(srcs, s.Short+" "+s.Article)
		}
		ref := GapRef{
			ID: g.ID, Title: g.Title, Verdict: g.Verdict, Weight: g.Weight, Severity: g.Severity,
			Anchor: g.Anchor, Sources: strings.Join(srcs, "; "), Ask: g.Recommendation, Missing: g.Missing,
			Provisions: []string{},
		}
		seen := map[string]bool{}
		for _, e := range g.Evidence {
			c := strings.TrimSpace(e.Statute + " " + e.Provision)
			if !seen[c] {
				seen[c] = true
				ref.Provisions = append(ref.Provisions, c)
			}
		}
		if i < gravestN {
			b.Summary.Gravest = append(b.Summary.Gravest, ref)
		}
		if len(ref.Provisions) > 0 {
			b.Summary.Amend = append(b.Summary.Amend, ref)
		} else {
			b.Summary.NewProvisions = append(b.Summary.NewProvisions, g.Title)
		}
	}
	var strong []score.Finding
	for _, f := range findings {
		if f.Verdict == score.Met {
			strong = append(strong, f)
		}
	}
	sort.SliceStable(strong, func(i, j int) bool {
		if strong[i].Weight != strong[j].Weight {
			return strong[i].Weight > strong[j].Weight
		}
		return strong[i].Requirement < strong[j].Requirement
	})
	for i := 0; i < len(strong) && i < strengthsN; i++ {
		f := strong[i]
		s := Strength{ID: f.Requirement, Title: f.Title, Weight: f.Weight}
		if len(f.Evidence) > 0 {
			s.Citation = citation(f.Evidence[0].Statute, f.Evidence[0].Provision, f.Evidence[0].Line)
		}
		b.Summary.Strengths = append(b.Summary.Strengths, s)
	}

	b.Method = methodText()
	b.Limits = limitsText(r)

	// Scorecard.
	b.Scorecard = Scorecard{ByPillar: []Bar{}, ByInstrument: []Bar{}, Counts: b.Summary.Counts, Explain: nonNil(r.Scores.Explain)}
	for _, p := range b.Summary.Pillars {
		b.Scorecard.ByPillar = append(b.Scorecard.ByPillar, Bar{Label: p.Label, Value: p.Score, Note: fmt.Sprintf("%d/%d met", p.Met, p.Total)})
	}
	for _, is := range r.Scores.Instruments {
		label := is.Short
		if label == "" {
			label = is.Instrument
		}
		n := "not bound"
		if is.Bound {
			n = "party"
		}
		b.Scorecard.ByInstrument = append(b.Scorecard.ByInstrument, Bar{Label: label, Value: is.Score, Note: fmt.Sprintf("%d/%d met, %s", is.Met, is.Total, n)})
	}

	b.Penalties = penalties(r, m)
	b.Ratifications = ratifications(r, m)

	// Reviewer log: every override the run saw, applied or not.
	b.Reviews = []ReviewRow{}
	machine := map[string]string{}
	for _, f := range findings {
		machine[f.Requirement] = string(f.MachineVerdict)
	}
	ovs := append([]score.Override(nil), r.Overrides...)
	if len(ovs) == 0 {
		for _, f := range findings {
			if f.Override != nil {
				ovs = append(ovs, *f.Override)
			}
		}
	}
	sort.SliceStable(ovs, func(i, j int) bool {
		if ovs[i].Requirement != ovs[j].Requirement {
			return ovs[i].Requirement < ovs[j].Requirement
		}
		return ovs[i].Date < ovs[j].Date
	})
	for _, o := range ovs {
		b.Reviews = append(b.Reviews, reviewRow(o, score.Verdict(machine[o.Requirement])))
	}

	b.Annex = annex(findings)

	// Provenance.
	b.Provenance = Provenance{
		Files: []ProvenanceFile{}, ToolVersion: tool, MapVersion: mapVersion, AsOf: r.AsOf,
		Generated: in.Date, Requirements: len(findings), Instruments: len(m.Instruments),
	}
	for _, s := range statutes {
		md := meta(s.ID, s.VersionDate)
		src := md.SourceURL
		if src == "" {
			src = md.SourceRepository
		}
		b.Provenance.Files = append(b.Provenance.Files, ProvenanceFile{
			Statute: s.ID, Path: s.Path, SHA256: s.SHA256, VersionDate: s.VersionDate,
			Language: s.Language, Source: src, Licence: md.LicenceNote,
		})
	}
	return b, nil
}

// CountryName returns the English name of an ISO 3166 code ("KEN" →
// "Kenya"), or the code itself when it names no known region (demo
// countries use invented codes).
func CountryName(code string) string {
	if code == "" {
		return "unknown country"
	}
	reg, err := language.ParseRegion(code)
	if err != nil || !reg.IsCountry() {
		return code
	}
	if n := display.English.Regions().Name(reg); n != "" {
		return n
	}
	return code
}

func countryLabel(name, code string) string {
	if name == code {
		return code
	}
	return name + " (" + code + ")"
}

// Anchor returns a link target for an ID: lower-case letters and digits,
// everything else folded to single hyphens ("def.acts" → "gap-def-acts").
func Anchor(prefix, id string) string {
	var sb strings.Builder
	sb.WriteString(prefix)
	dash := true
	if prefix != "" {
		sb.WriteByte('-')
	}
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
			dash = false
		} else if !dash {
			sb.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(sb.String(), "-")
}

func hasSheet(v score.Verdict) bool {
	switch v {
	case score.Gap, score.Partial, score.Contrary, score.Undetermined:
		return true
	}
	return false
}

// severity is how grave an unmet verdict is: a provision against the
// standard is worse than silence, silence worse than a partial provision; an
// undetermined point may well be met by the law referred to.
func severity(v score.Verdict) float64 {
	switch v {
	case score.Contrary:
		return 4
	case score.Gap:
		return 3
	case score.Partial:
		return 1.5
	case score.Undetermined:
		return 1
	}
	return 0
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func citation(statuteID, provision string, line int) string {
	s := strings.TrimSpace(statuteID + " " + provision)
	if line > 0 {
		s += ", line " + strconv.Itoa(line)
	}
	return s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// VerdictLabel is the display label of a verdict ("not_applicable" → "Not applicable").
func VerdictLabel(v string) string {
	switch v {
	case "not_applicable":
		return "Not applicable"
	case "":
		return "—"
	}
	return strings.ToUpper(v[:1]) + v[1:]
}

// PillarLabel is the display label of a pillar.
func PillarLabel(p string) string {
	if p == "" {
		return "—"
	}
	return strings.ToUpper(p[:1]) + p[1:]
}

func pillarScores(r *score.Result) []PillarScore {
	out := []PillarScore{}
	for _, p := range standard.Pillars {
		ps := PillarScore{Pillar: string(p), Label: PillarLabel(string(p)), Score: r.Scores.Pillars[string(p)]}
		for _, f := range r.Findings {
			if f.Pillar != string(p) || f.Verdict == score.NotApplicable {
				continue
			}
			ps.Total++
			if f.Verdict == score.Met {
				ps.Met++
			}
		}
		out = append(out, ps)
	}
	return out
}

func verdictCounts(fs []score.Finding) []VerdictCount {
	n := map[score.Verdict]int{}
	for _, f := range fs {
		n[f.Verdict]++
	}
	out := []VerdictCount{}
	for _, v := range score.Verdicts {
		out = append(out, VerdictCount{Verdict: string(v), Label: VerdictLabel(string(v)), Count: n[v]})
	}
	return out
}

func instrumentShort(m *standard.Map, id standard.InstrumentID) string {
	if in := m.Instrument(id); in != nil && in.Short != "" {
		return in.Short
	}
	return string(id)
}

// sourcesLine lists a requirement's sources grouped by instrument, in the
// order the map gives them: "Palermo Protocol 3(a), 5(1); CoE Convention 4(a)".
func sourcesLine(m *standard.Map, req *standard.Requirement) string {
	if req == nil {
		return ""
	}
	var order []standard.InstrumentID
	arts := map[standard.InstrumentID][]string{}
	for _, s := range req.Sources {
		if _, ok := arts[s.Instrument]; !ok {
			order = append(order, s.Instrument)
		}
		arts[s.Instrument] = append(arts[s.Instrument], s.Article)
	}
	parts := make([]string, 0, len(order))
	for _, id := range order {
		parts = append(parts, instrumentShort(m, id)+" "+strings.Join(arts[id], ", "))
	}
	return strings.Join(parts, "; ")
}

// articleSummary finds the map's summary of an article, or of its nearest
// listed parent ("5(2)(a)" → "5(2)" → "5").
func articleSummary(in *standard.Instrument, number string) string {
	if in == nil {
		return ""
	}
	for n := number; n != ""; {
		for _, a := range in.Articles {
			if a.Number == n {
				return a.Summary
			}
		}
		i := strings.LastIndexByte(n, '(')
		if i <= 0 {
			break
		}
		n = n[:i]
	}
	return ""
}

func ratificationStatus(m *standard.Map, country string, id standard.InstrumentID) standard.Ratification {
	for _, r := range m.Ratifications {
		if r.Country == country && r.Instrument == id {
			return r
		}
	}
	return standard.Ratification{Country: country, Instrument: id, Status: standard.StatusUnknown}
}

func sourceArticles(m *standard.Map, req *standard.Requirement, country string) []SourceArticle {
	out := []SourceArticle{}
	if req == nil {
		return out
	}
	for _, s := range req.Sources {
		in := m.Instrument(s.Instrument)
		st := ratificationStatus(m, country, s.Instrument)
		out = append(out, SourceArticle{
			Instrument: string(s.Instrument), Short: instrumentShort(m, s.Instrument), Article: s.Article,
			Summary: articleSummary(in, s.Article), Bound: st.Status == standard.StatusParty, Status: string(st.Status),
		})
	}
	return out
}

func reviewRow(o score.Override, machine score.Verdict) ReviewRow {
	return ReviewRow{
		Requirement: o.Requirement, MachineVerdict: string(machine), Verdict: string(o.Verdict),
		Rationale: o.Rationale, Reviewer: o.Reviewer, Date: o.Date, Expires: o.Expires,
		Expired: o.Expired, Stale: strings.Join(o.Stale, "; "), Source: o.Source,
	}
}

// Months formats a term in months as a lawyer would say it: "4 years",
// "18 months" is "1 year 6 months", a part of a month is written in days
// ("30 days"). See penalty.FormatTerm.
func Months(m float64) string { return penalty.FormatTerm(m) }

var thresholdLabels = map[string]string{
	"max_months_min":               "maximum imprisonment of at least",
	"eu_max_months_min":            "EU Directive: maximum of at least",
	"eu_aggravated_max_months_min": "EU Directive, aggravated: maximum of at least",
	"age":                          "child means every person under",
	"min_days":                     "reflection period of at least",
}

func thresholdValue(key string, v float64) string {
	switch {
	case strings.HasSuffix(key, "months_min"):
		return Months(v)
	case key == "age":
		return strconv.FormatFloat(v, 'f', -1, 64) + " years"
	case key == "min_days":
		return strconv.FormatFloat(v, 'f', -1, 64) + " days"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func penalties(r *score.Result, m *standard.Map) Penalties {
	p := Penalties{Rows: []PenaltyRow{}, Thresholds: []Threshold{}, SeriousMonths: 48}
	for _, req := range m.Requirements {
		keys := make([]string, 0, len(req.Thresholds))
		for k := range req.Thresholds {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := req.Thresholds[k]
			label := thresholdLabels[k]
			if label == "" {
				label = k
			}
			p.Thresholds = append(p.Thresholds, Threshold{Requirement: string(req.ID), Key: k, Label: label, Value: thresholdValue(k, v)})
			if req.ID == "pen.serious-crime" && k == "max_months_min" && v > 0 {
				p.SeriousMonths = v
			}
		}
	}
	sort.SliceStable(p.Thresholds, func(i, j int) bool {
		if p.Thresholds[i].Requirement != p.Thresholds[j].Requirement {
			return p.Thresholds[i].Requirement < p.Thresholds[j].Requirement
		}
		return p.Thresholds[i].Key < p.Thresholds[j].Key
	})
	rows := append(r.Penalties[:0:0], r.Penalties...)
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Statute != b.Statute {
			return a.Statute < b.Statute
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Variant < b.Variant
	})
	for _, x := range rows {
		row := PenaltyRow{
			Statute: x.Statute, Provision: x.Provision, Line: x.Line, Offence: x.Offence, OffenceLabel: x.OffenceLabel,
			Variant: string(x.Variant), Min: "—", Max: "—", Fine: "—", MeetsSerious: "—",
			FineAlternative: x.FineAlternative, Citation: citation(x.Statute, x.Provision, x.Line),
		}
		if row.Variant == "" {
			row.Variant = "basic"
		}
		if row.OffenceLabel == "" {
			row.OffenceLabel = row.Offence
		}
		if x.MinMonths != nil {
			row.Min = Months(*x.MinMonths)
		}
		switch {
		case x.Life:
			row.Max = "life"
			row.MeetsSerious = "yes"
		case x.MaxMonths != nil:
			row.Max = Months(*x.MaxMonths)
			row.MeetsSerious = "no"
			if *x.MaxMonths >= p.SeriousMonths {
				row.MeetsSerious = "yes"
			}
		}
		switch {
		case x.FineAlternative:
			row.Fine = "fine may replace prison"
		case x.FineCumulative:
			row.Fine = "fine in addition"
		}
		if x.Quote != nil {
			row.Quote = *x.Quote
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}

func ratifications(r *score.Result, m *standard.Map) []RatificationRow {
	out := []RatificationRow{}
	scores := map[string]score.InstrumentScore{}
	for _, s := range r.Scores.Instruments {
		scores[s.Instrument] = s
	}
	ins := append([]*standard.Instrument(nil), m.Instruments...)
	sort.SliceStable(ins, func(i, j int) bool {
		a, b := strings.ToLower(ins[i].Short), strings.ToLower(ins[j].Short)
		if a != b {
			return a < b
		}
		return ins[i].ID < ins[j].ID
	})
	for _, in := range ins {
		st := ratificationStatus(m, r.Country, in.ID)
		row := RatificationRow{
			Instrument: string(in.ID), Short: in.Short, Title: in.Title, Kind: string(in.Kind),
			Status: string(st.Status), Date: st.Date, Source: st.Source,
		}
		if row.Short == "" {
			row.Short = string(in.ID)
		}
		if s, ok := scores[string(in.ID)]; ok {
			row.Score, row.Met, row.Total, row.HasScore = s.Score, s.Met, s.Total, true
		}
		out = append(out, row)
	}
	return out
}

func annex(findings []score.Finding) []AnnexEntry {
	type key struct {
		statute, provision string
		line               int
	}
	idx := map[key]int{}
	out := []AnnexEntry{}
	for _, f := range findings {
		for _, e := range f.Evidence {
			k := key{e.Statute, e.Provision, e.Line}
			i, ok := idx[k]
			if !ok {
				i = len(out)
				idx[k] = i
				out = append(out, AnnexEntry{Statute: e.Statute, VersionDate: e.VersionDate, Provision: e.Provision, Line: e.Line, Text: e.Quote, CitedBy: []string{}})
			}
			a := &out[i]
			if n := len(a.CitedBy); n == 0 || a.CitedBy[n-1] != f.Requirement {
				a.CitedBy = append(a.CitedBy, f.Requirement)
			}
			if len(e.Quote) > len(a.Text) {
				a.Text = e.Quote
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Statute != b.Statute {
			return a.Statute < b.Statute
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Provision < b.Provision
	})
	return out
}

func methodText() []string {
	return []string{
		"Lacuna reads the national statutes listed on the cover, encoded as Markdown with one heading per citable provision, and compares them with a map of international standards. Each requirement of the map derives from one or more articles of an instrument (the Palermo Protocol, the Convention against Transnational Organized Crime, the Convention on the Rights of the Child and its Optional Protocols, ILO Conventions 29 and 182 and the 2014 Protocol, the Council of Europe Convention, and regional or benchmark texts).",
		"For each requirement the map lists the elements the law must contain and the words that show them, in English, French, German and Spanish. Text is compared after folding case and accents. A hit counts only in a provision of the right kind (an offence, a definition, a protective measure…), and negations such as \"does not include\" veto it. Built-in checks decide the points that need numbers: the age of a child, the length of a penalty, the length of a reflection period.",
		"Each requirement receives a verdict: met, partial, gap, contrary (a provision works against the standard), undetermined (the answer lies in a law the corpus refers to but does not contain) or not applicable. Every verdict other than gap cites the provision and source line that supports it.",
		"Scores: a requirement contributes its weight times the value of its verdict (met 1, partial 0.5, gap and undetermined 0, contrary −1). A pillar score, the overall score and each instrument's score are these contributions summed over the requirements concerned and divided by their total weight, as a percentage; requirements that do not apply are left out. A reviewer's decision replaces the machine verdict, and both are shown.",
	}
}

func limitsText(r *score.Result) []string {
	out := []string{
		"\"Not found in the corpus analysed\" is not \"absent from the law\". The analysis sees only the statutes listed on the cover; a requirement may be met by another act, by regulations, by case law or by practice that the corpus does not contain. A gap is a question to put to the national authorities, not a finding that the law is silent.",
		"Matching words is not reading law. A provision can use the expected words and still fall short (a narrow definition elsewhere, a defence, a limitation period), and it can meet a requirement in words the map does not foresee. Every verdict here should be checked by a lawyer against the full text; the reviewer log records who did so and why.",
		"The scores measure the text of the law, not its enforcement, the number of prosecutions or the treatment of victims in practice.",
	}
	for _, s := range r.Statutes {
		if s.VersionDate == "" || s.VersionDate == "unknown" {
			out = append(out, "The version date of at least one statute is unknown, so the analysis cannot say as of which date its text applied.")
			break
		}
	}
	return out
}

// featureNames are the confidence features as a reader reads them when
// they fail.
var featureNames = map[string]string{
	"frame":              "a provision's frame (offence, definition, right, duty of a body) is not recognised or not the one needed",
	"reference_resolved": "the provision refers to a text outside the corpus",
	"direct":             "proved by a caption or an engine fact, not by the words",
	"mandatory_wording":  "permissive wording (\"may\")",
	"one_clause":         "the elements lie in different provisions",
	"all_elements":       "not every element was found",
	"corroborated":       "one provision only",
	"no_key_word":        "words of the requirement appear without their context",
	"no_near_miss":       "words of the requirement appear where they do not count",
	"nothing_found":      "some elements were found",
	"vocabulary":         "the map has no words for the statute's language",
	"reference_named":    "the outside law is not named",
}

// annotateSheet copies the finding's confidence, review flag and nearest
// provisions onto its gap sheet.
func annotateSheet(g *GapSheet, f score.Finding, titles map[string]string) {
	g.Weak = []string{}
	if c := f.Confidence; c != nil {
		g.Confidence = c.Value
		for _, k := range c.LoweredBy {
			if n := featureNames[k]; n != "" {
				g.Weak = append(g.Weak, n)
			} else {
				g.Weak = append(g.Weak, k)
			}
		}
	}
	g.ReviewNeeded = []string{}
	if r := f.Review; r != nil && r.Needed {
		for _, x := range r.Reasons {
			g.ReviewNeeded = append(g.ReviewNeeded, x.Text)
		}
		if e := r.Candidate; e != nil {
			g.Candidate = &Quote{Statute: e.Statute, StatuteTitle: titles[e.Statute], VersionDate: e.VersionDate,
				Provision: e.Provision, Line: e.Line, Path: e.Path, Text: e.Quote, Element: e.Element,
				Citation: citation(e.Statute, e.Provision, e.Line)}
		}
	}
	g.Nearest = []NearRow{}
	for _, n := range f.Nearest {
		g.Nearest = append(g.Nearest, NearRow{Citation: citation(n.Statute, n.Provision, n.Line), Text: n.Quote,
			Has: nonNil(n.Has), Lacks: nonNil(n.Lacks), Notes: nonNil(n.Notes)})
	}
	g.NearestNone = f.NearestNone
}
