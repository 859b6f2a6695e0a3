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

	"github.com/lacuna-project/lacuna/internal/index"
	"github.com/lacuna-project/lacuna/internal/match"
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
	// nil keeps the English texts of the result, or, with a Locale other
	// than English, renders them from the locale's reason catalogue.
	Reasons *reason.Catalogue
	// Locale is the language of the pack; nil = English.
	Locale *Locale
	// Titles, when set, are the map's requirement titles and instrument
	// names in the pack's language (unofficial translations, which the
	// pack says); nil keeps the map's English.
	Titles *standard.Titles
	// CountryName names the country when the corpus gives a name (the
	// front matter's country_name, for fictional or internal corpora);
	// "" = the ISO 3166 name of the code in the locale's language.
	CountryName string
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
	loc := in.Locale
	if loc == nil {
		loc = english()
	}
	if m == nil {
		m = &standard.Map{Version: r.MappingVersion}
	}
	timeline := in.Timeline
	if in.Titles != nil {
		// before the reasons are rendered: their arguments name elements
		m, r = translateTitles(m, r, in.Titles)
		timeline = timelineTitles(timeline, in.Titles)
	}
	name := in.CountryName
	if name == "" {
		name = LocalCountryName(r.Country, loc.Lang)
	}
	if loc.Lang != "en" {
		r = localLaws(r, loc)
		r = explainCountry(r, name)
	}
	rs := in.Reasons
	if rs == nil && loc.Lang != "en" {
		rs = loc.Reasons()
	}
	if rs != nil {
		if loc.Lang != "en" {
			r = verdictArgs(r, loc)
		}
		lr, err := r.Localized(rs)
		if err != nil {
			return nil, fmt.Errorf("build briefing: %w", err)
		}
		r = lr
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
		Title:       loc.T("title"),
		Lang:        loc.Lang,
		loc:         loc,
		Country:     r.Country,
		CountryName: name,
		Date:        in.Date,
		AsOf:        r.AsOf,
		Timeline:    timeline,
	}
	citation := loc.Citation
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
		b.ReviewStatus = loc.T("review-none")
	default:
		exp := ""
		if expired > 0 {
			exp = loc.T("review-expired", "n", expired)
		}
		if stale > 0 {
			exp += loc.T("review-stale", "n", stale)
		}
		b.ReviewStatus = loc.T("review-some", "reviewed", reviewed, "findings", len(findings), "expired", exp)
	}

	// Cover.
	b.Cover = Cover{
		Title:        b.Title,
		Subtitle:     loc.T("subtitle", "country", b.CountryName),
		Country:      countryLabel(b.CountryName, b.Country),
		Language:     loc.T("lang-" + loc.Lang),
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
	b.Cover.QuoteNote = quoteNote(loc, statutes)
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
			Sources: sourcesLine(m, req, loc), ReviewNeeded: f.Review != nil && f.Review.Needed,
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
			g.NothingFound = len(f.Evidence) == 0 && f.Reason.Code == "not-found" && len(f.Reason.Also) == 0
			if req != nil {
				g.Statement = req.Statement
				g.Recommendation = req.Recommendation
				g.ModelProvision = req.ModelProvision
			}
			for _, e := range f.Evidence {
				note++
				g.Evidence = append(g.Evidence, Quote{
					Statute: e.Statute, StatuteTitle: titles[e.Statute], VersionDate: e.VersionDate,
					Provision: e.Provision, Line: e.Line, Path: e.Path, Text: withContext(e.Context, e.Quote), Element: evidenceElement(e.Element, loc),
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
			annotateSheet(&g, f, titles, loc)
			b.Gaps = append(b.Gaps, g)
		}
		b.Requirements = append(b.Requirements, row)
	}

	// Executive summary.
	b.Summary = Summary{
		Overall: r.Scores.Overall, Treaty: r.Scores.Treaty, Enforcement: r.Scores.Enforcement,
		Pillars: pillarScores(r, loc), Counts: verdictCounts(findings, loc), Findings: len(findings),
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
			Anchor: g.Anchor, Sources: strings.Join(srcs, loc.T("semicolon")), Ask: g.Recommendation, Missing: g.Missing,
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

	b.Method = methodText(loc)
	b.Limits = limitsText(r, loc)

	// Scorecard.
	b.Scorecard = Scorecard{ByPillar: []Bar{}, ByInstrument: []Bar{}, Counts: b.Summary.Counts, Explain: nonNil(r.Scores.Explain)}
	if loc.Lang != "en" && len(b.Scorecard.Explain) > 0 && len(r.Scores.ExplainReasons) != len(r.Scores.Explain) {
		// lines without codes (a run read back from JSON) stay in English
		b.Scorecard.Explain, b.Scorecard.ExplainOmitted = []string{}, true
	}
	for _, p := range b.Summary.Pillars {
		b.Scorecard.ByPillar = append(b.Scorecard.ByPillar, Bar{Label: p.Label, Value: p.Score, Note: loc.T("chart-met", "met", p.Met, "total", p.Total)})
	}
	for _, is := range r.Scores.Instruments {
		label := is.Short
		if label == "" {
			label = is.Instrument
		}
		key := "chart-met-unbound"
		if is.Bound {
			key = "chart-met-bound"
		}
		b.Scorecard.ByInstrument = append(b.Scorecard.ByInstrument, Bar{Label: label, Value: is.Score, Note: loc.T(key, "met", is.Met, "total", is.Total)})
	}

	b.Penalties = penalties(r, m, loc)
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
	switch {
	case loc.Lang == "en":
	case in.Titles != nil:
		if in.Titles.Note != "" {
			b.Limits = append(b.Limits, in.Titles.Note)
		}
		b.MapNote = in.Titles.SheetNote
		if len(in.Titles.Missing) > 0 {
			// requirements added by --mapping-extra have no translation
			b.Limits = append(b.Limits, loc.T("limits-map-rest"))
		}
	default:
		b.Limits = append(b.Limits, loc.T("limits-map-english"))
	}

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
func CountryName(code string) string { return LocalCountryName(code, "en") }

// LocalCountryName returns the name of an ISO 3166 alpha-3 code in lang:
// English from CLDR, French and Spanish from statute.CountryNames; the
// code itself when it names no known country.
func LocalCountryName(code, lang string) string {
	if code == "" {
		if l, err := EmbeddedLocale(lang); err == nil {
			return l.T("unknown-country")
		}
		return code
	}
	if lang != "en" {
		if fr, es, ok := statute.CountryNames(code); ok {
			if lang == "fr" {
				return fr
			}
			return es
		}
		return code
	}
	return englishCountryName(code)
}

func englishCountryName(code string) string {
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// VerdictLabel is the English display label of a verdict ("not_applicable" → "Not applicable").
func VerdictLabel(v string) string { return english().Verdict(v) }

// PillarLabel is the English display label of a pillar.
func PillarLabel(p string) string { return english().Pillar(p) }

func pillarScores(r *score.Result, loc *Locale) []PillarScore {
	out := []PillarScore{}
	for _, p := range standard.Pillars {
		ps := PillarScore{Pillar: string(p), Label: loc.Pillar(string(p)), Score: r.Scores.Pillars[string(p)]}
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

func verdictCounts(fs []score.Finding, loc *Locale) []VerdictCount {
	n := map[score.Verdict]int{}
	for _, f := range fs {
		n[f.Verdict]++
	}
	out := []VerdictCount{}
	for _, v := range score.Verdicts {
		out = append(out, VerdictCount{Verdict: string(v), Label: loc.Verdict(string(v)), Count: n[v]})
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
func sourcesLine(m *standard.Map, req *standard.Requirement, loc *Locale) string {
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
	return strings.Join(parts, loc.T("semicolon"))
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

// GradeTerm names a grade of a code's scale whose term the corpus does not
// state ("reclusion mayor, grados mínimo a medio (duración fijada en otra
// norma)"); "" for nil.
func GradeTerm(loc *Locale, g *penalty.Grade) string {
	if g == nil {
		return ""
	}
	periods := ""
	switch {
	case g.From > 0 && g.From == g.To:
		periods = loc.T("penalty-grade-period", "level", loc.T(fmt.Sprintf("penalty-grade-level-%d", g.From)))
	case g.From > 0:
		periods = loc.T("penalty-grade-periods", "from", loc.T(fmt.Sprintf("penalty-grade-level-%d", g.From)),
			"to", loc.T(fmt.Sprintf("penalty-grade-level-%d", g.To)))
	}
	name := g.Text
	if name == "" {
		name = g.Name
	}
	return loc.T("penalty-grade", "name", name, "periods", periods)
}

// thresholdValue writes a threshold of the map as a reader reads it.
func thresholdValue(key string, v float64, loc *Locale) string {
	n := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", loc.decimal, 1)
	switch {
	case strings.HasSuffix(key, "months_min"):
		return loc.Term(v)
	case key == "age":
		return loc.T("threshold-years", "n", n)
	case key == "min_days":
		return loc.T("threshold-days", "n", n)
	}
	return n
}

func penalties(r *score.Result, m *standard.Map, loc *Locale) Penalties {
	p := Penalties{Rows: []PenaltyRow{}, Thresholds: []Threshold{}, SeriousMonths: 48}
	for _, req := range m.Requirements {
		keys := make([]string, 0, len(req.Thresholds))
		for k := range req.Thresholds {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := req.Thresholds[k]
			// the table checks one threshold, the serious-crime maximum;
			// it lists only that one (the others are applied in their
			// findings)
			if req.ID != "pen.serious-crime" || k != "max_months_min" {
				continue
			}
			label, err := loc.Text("threshold-" + k)
			if err != nil {
				label = k // a key the map adds before the catalogues name it
			}
			p.Thresholds = append(p.Thresholds, Threshold{Requirement: string(req.ID), Key: k, Label: label, Value: thresholdValue(k, v, loc)})
			if v > 0 {
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
			FineAlternative: x.FineAlternative, Citation: loc.Citation(x.Statute, x.Provision, x.Line),
		}
		if row.Variant == "" {
			row.Variant = "basic"
		}
		if row.OffenceLabel == "" {
			row.OffenceLabel = row.Offence
		}
		if x.MinMonths != nil {
			row.Min = loc.Term(*x.MinMonths)
		}
		switch {
		case x.Life:
			row.Max = loc.T("penalty-life")
			row.MeetsSerious = loc.T("penalty-yes")
		case x.MaxMonths == nil && x.MinMonths == nil && x.Grade != nil:
			row.Max = GradeTerm(loc, x.Grade)
		case x.MaxMonths != nil:
			row.Max = loc.Term(*x.MaxMonths)
			row.MeetsSerious = loc.T("penalty-no")
			if *x.MaxMonths >= p.SeriousMonths {
				row.MeetsSerious = loc.T("penalty-yes")
			}
		}
		switch {
		case x.FineAlternative:
			row.Fine = loc.T("penalty-fine-alternative")
		case x.FineCumulative:
			row.Fine = loc.T("penalty-fine-cumulative")
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

func methodText(loc *Locale) []string {
	return []string{loc.T("method-1"), loc.T("method-2"), loc.T("method-3"), loc.T("method-4")}
}

func limitsText(r *score.Result, loc *Locale) []string {
	out := []string{loc.T("limits-1"), loc.T("limits-2"), loc.T("limits-3")}
	for _, s := range r.Statutes {
		if s.VersionDate == "" || s.VersionDate == "unknown" {
			out = append(out, loc.T("limits-undated"))
			break
		}
	}
	return out
}

// Localize returns r with its explanations, review reasons and nearest
// notes rendered in the locale's language from their reason codes; an
// English locale returns r itself. With the map m and its texts t in that
// language (both may be nil), the finding titles and the element labels
// the findings name are translated first. r is not changed.
func Localize(r *score.Result, loc *Locale, m *standard.Map, t *standard.Titles) (*score.Result, error) {
	if loc == nil || loc.Lang == "en" {
		return r, nil
	}
	if m != nil && t != nil {
		_, r = translateTitles(m, r, t)
	}
	return verdictArgs(localLaws(r, loc), loc).Localized(loc.Reasons())
}

// translateTitles returns copies of m and r in the language of t, where t
// has a text: requirement titles, statements, recommendations, model
// provisions and element labels, instrument short names and article
// summaries; in r, the finding titles and every element label a finding
// shows (found, missing, nearest provisions) or passes to a reason. m and
// r are not changed.
func translateTitles(m *standard.Map, r *score.Result, t *standard.Titles) (*standard.Map, *score.Result) {
	mm := *m
	labels := map[string]map[string]string{} // requirement → English label → translated
	mm.Requirements = make([]*standard.Requirement, len(m.Requirements))
	for i, q := range m.Requirements {
		c := *q
		tx := t.Texts[q.ID]
		if s, ok := t.Requirements[q.ID]; ok {
			c.Title = s
		}
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&c.Statement, tx.Statement}, {&c.Recommendation, tx.Recommendation}, {&c.ModelProvision, tx.ModelProvision},
		} {
			if f.src != "" {
				*f.dst = f.src
			}
		}
		c.Criteria.Elements = append([]standard.Element(nil), q.Criteria.Elements...)
		ls := map[string]string{}
		for j, e := range c.Criteria.Elements {
			if l := tx.Elements[e.ID]; l != "" {
				ls[e.Label] = l
				if e.Label == "" {
					ls[e.ID] = l
				}
				c.Criteria.Elements[j].Label = l
			}
		}
		labels[string(q.ID)] = ls
		mm.Requirements[i] = &c
	}
	mm.Instruments = make([]*standard.Instrument, len(m.Instruments))
	for i, in := range m.Instruments {
		c := *in
		if s, ok := t.Instruments[in.ID]; ok {
			c.Short = s
		}
		c.Articles = append([]standard.Article(nil), in.Articles...)
		for j, a := range c.Articles {
			if s := t.Summary(in.ID, a.Number); s != "" {
				c.Articles[j].Summary = s
			}
		}
		mm.Instruments[i] = &c
	}
	shorts := map[string]string{} // English short name → translated
	for _, in := range m.Instruments {
		if s, ok := t.Instruments[in.ID]; ok && in.Short != "" {
			shorts[in.Short] = s
		}
	}
	rr := *r
	rr.Findings = append([]score.Finding(nil), r.Findings...)
	for i := range rr.Findings {
		f := &rr.Findings[i]
		if s, ok := t.Requirements[standard.RequirementID(f.Requirement)]; ok {
			f.Title = s
		}
		f.Reason = instrumentNames(f.Reason, shorts)
		tr := labelTranslator(labels[f.Requirement])
		f.Found, f.Missing = tr.list(f.Found), tr.list(f.Missing)
		f.Evidence = append([]score.Evidence(nil), f.Evidence...)
		for j := range f.Evidence {
			f.Evidence[j].Element = tr.one(f.Evidence[j].Element)
		}
		if f.Review != nil && f.Review.Candidate != nil {
			c := *f.Review.Candidate
			c.Element = tr.one(c.Element)
			rv := *f.Review
			rv.Candidate = &c
			f.Review = &rv
		}
		f.Reason = tr.reason(f.Reason)
		if f.NearestNoneReason != nil {
			x := tr.reason(*f.NearestNoneReason)
			f.NearestNoneReason = &x
		}
		f.Nearest = append([]score.Near(nil), f.Nearest...)
		for j := range f.Nearest {
			n := &f.Nearest[j]
			n.Has, n.Lacks = tr.list(n.Has), tr.list(n.Lacks)
			rs := make([]reason.Reason, len(n.NoteReasons))
			for k, x := range n.NoteReasons {
				rs[k] = tr.reason(x)
			}
			if n.NoteReasons != nil {
				n.NoteReasons = rs
			}
		}
		if f.Review != nil {
			rv := *f.Review
			rv.Reasons = append([]score.ReviewReason(nil), rv.Reasons...)
			for k := range rv.Reasons {
				rv.Reasons[k].Reason = tr.reason(rv.Reasons[k].Reason)
			}
			f.Review = &rv
		}
	}
	rr.Scores.Instruments = append([]score.InstrumentScore(nil), r.Scores.Instruments...)
	for i, is := range rr.Scores.Instruments {
		if s, ok := t.Instruments[standard.InstrumentID(is.Instrument)]; ok {
			rr.Scores.Instruments[i].Short = s
		}
	}
	return &mm, &rr
}

// explainCountry returns r whose computation lines name the country by
// name (the English lines, written by the engine, keep the code).
func explainCountry(r *score.Result, name string) *score.Result {
	out := *r
	out.Scores.ExplainReasons = append([]reason.Reason(nil), r.Scores.ExplainReasons...)
	for i, x := range out.Scores.ExplainReasons {
		if _, ok := x.Args["country"]; ok {
			args := reason.Args{}
			for k, v := range x.Args {
				args[k] = v
			}
			args["country"] = name
			out.Scores.ExplainReasons[i].Args = args
		}
	}
	return &out
}

// evidenceElement is the element an evidence quote proves, as the pack
// names it: a penalty clause found by a check in the locale's words.
func evidenceElement(el string, loc *Locale) string {
	if el == match.PenaltyTerm && loc.Lang != "en" {
		return loc.T("evidence-penalty")
	}
	return el
}

// localLaws returns a copy of r in which the laws outside the corpus
// that the engine names in English ("s. 12 of X (not in the corpus)",
// the sentencing provisions of a grade of offence) are named in the
// locale's words, in the findings' references and reason arguments. A
// law named in the statute's own words is kept.
func localLaws(r *score.Result, loc *Locale) *score.Result {
	name := func(law string) string {
		if law == match.SentencingLaw {
			return loc.T("law-sentencing-outside-corpus")
		}
		if p, st, ok := index.ParseExternalLaw(law); ok {
			return loc.T("law-outside-corpus", "provision", p, "statute", st)
		}
		return law
	}
	var fix func(x reason.Reason) reason.Reason
	fix = func(x reason.Reason) reason.Reason {
		if l, ok := x.Args["law"].(string); ok {
			args := reason.Args{}
			for k, v := range x.Args {
				args[k] = v
			}
			args["law"] = name(l)
			x.Args = args
		}
		if len(x.Also) > 0 {
			also := make([]reason.Reason, len(x.Also))
			for i, q := range x.Also {
				also[i] = fix(q)
			}
			x.Also = also
		}
		return x
	}
	out := *r
	out.Findings = append([]score.Finding(nil), r.Findings...)
	for i := range out.Findings {
		f := &out.Findings[i]
		f.Reason = fix(f.Reason)
		f.ExternalRefs = append([]score.ExternalRef(nil), f.ExternalRefs...)
		for j := range f.ExternalRefs {
			f.ExternalRefs[j].Law = name(f.ExternalRefs[j].Law)
		}
		if f.NearestNoneReason != nil {
			x := fix(*f.NearestNoneReason)
			f.NearestNoneReason = &x
		}
	}
	return &out
}

// instrumentNames returns x with its "instruments" argument (the short
// names of the instruments, joined by ", ", that a not-applicable
// finding names) in the translation shorts gives; a name it does not
// know is kept.
func instrumentNames(x reason.Reason, shorts map[string]string) reason.Reason {
	v, ok := x.Args["instruments"].(string)
	if !ok {
		return x
	}
	names := strings.Split(v, ", ")
	for i, n := range names {
		if s, ok := shorts[n]; ok {
			names[i] = s
		}
	}
	args := reason.Args{}
	for k, a := range x.Args {
		args[k] = a
	}
	args["instruments"] = strings.Join(names, ", ")
	x.Args = args
	return x
}

// labelTranslator maps the English element labels of one requirement to
// their translations; a label it does not know is kept.
type labelTranslator map[string]string

func (lt labelTranslator) one(s string) string {
	if x, ok := lt[s]; ok {
		return x
	}
	return s
}

// list returns a translated copy of ls (nil stays nil, empty stays empty).
func (lt labelTranslator) list(ls []string) []string {
	if ls == nil {
		return nil
	}
	out := make([]string, len(ls))
	for i, s := range ls {
		out[i] = lt.one(s)
	}
	return out
}

// labelArgs are the reason arguments that hold element labels.
var labelArgs = []string{"element", "label", "elements", "missing"}

// reason returns a copy of x whose label arguments, and those of its
// qualifiers, are translated.
func (lt labelTranslator) reason(x reason.Reason) reason.Reason {
	if len(x.Args) > 0 {
		args := reason.Args{}
		for k, v := range x.Args {
			args[k] = v
		}
		for _, k := range labelArgs {
			switch v := args[k].(type) {
			case string:
				args[k] = lt.one(v)
			case []string:
				args[k] = lt.list(v)
			case []any:
				out := make([]any, len(v))
				for i, e := range v {
					if s, ok := e.(string); ok {
						out[i] = lt.one(s)
					} else {
						out[i] = e
					}
				}
				args[k] = out
			}
		}
		x.Args = args
	}
	if len(x.Also) > 0 {
		also := make([]reason.Reason, len(x.Also))
		for i, q := range x.Also {
			also[i] = lt.reason(q)
		}
		x.Also = also
	}
	return x
}

// timelineTitles returns a copy of tl whose changes carry the translated
// requirement titles; nil for nil.
func timelineTitles(tl *Timeline, t *standard.Titles) *Timeline {
	if tl == nil {
		return nil
	}
	out := *tl
	out.Points = append([]TimelinePoint(nil), tl.Points...)
	for i := range out.Points {
		p := &out.Points[i]
		p.Changes = append([]VerdictChange(nil), p.Changes...)
		for j, c := range p.Changes {
			if s, ok := t.Requirements[standard.RequirementID(c.Requirement)]; ok {
				p.Changes[j].Title = s
			}
		}
	}
	return &out
}

// verdictArgs returns r with the verdicts that review reasons pass as
// arguments ("{verdict} is the best guess") named in the locale's
// language, lower case; r itself is not changed.
func verdictArgs(r *score.Result, loc *Locale) *score.Result {
	out := *r
	// the pillar a computation line names, in the language
	out.Scores.ExplainReasons = append([]reason.Reason(nil), r.Scores.ExplainReasons...)
	for i, x := range out.Scores.ExplainReasons {
		if p, ok := x.Args["pillar"].(string); ok {
			args := reason.Args{}
			for k, a := range x.Args {
				args[k] = a
			}
			args["pillar"] = strings.ToLower(loc.Pillar(p))
			out.Scores.ExplainReasons[i].Args = args
		}
	}
	out.Findings = append([]score.Finding(nil), r.Findings...)
	for i, f := range out.Findings {
		if f.Review == nil {
			continue
		}
		rv := *f.Review
		rv.Reasons = append([]score.ReviewReason(nil), f.Review.Reasons...)
		for j, x := range rv.Reasons {
			v, ok := x.Reason.Args["verdict"].(string)
			if !ok {
				continue
			}
			args := reason.Args{}
			for k, a := range x.Reason.Args {
				args[k] = a
			}
			args["verdict"] = strings.ToLower(loc.Verdict(v))
			rv.Reasons[j].Reason.Args = args
		}
		out.Findings[i].Review = &rv
	}
	return &out
}

// featureKeys are the confidence features the catalogues name (as
// feature-<name>) for a reader, when they fail.
var featureKeys = []string{"frame", "reference_resolved", "direct", "mandatory_wording", "one_clause", "all_elements",
	"corroborated", "no_key_word", "no_near_miss", "nothing_found", "vocabulary", "reference_named"}

// quoteNote says, once, that quotations keep the statutes' language when
// it is not the pack's; "" when every statute is in the pack's language.
func quoteNote(loc *Locale, statutes []score.StatuteRef) string {
	var langs []string
	seen := map[string]bool{}
	for _, s := range statutes {
		l := primaryLang(s.Language)
		if l == loc.Lang || seen[l] {
			continue
		}
		seen[l] = true
		name, err := loc.Text("lang-" + l)
		if err != nil {
			name = l // a language the catalogues do not name: its tag
		}
		langs = append(langs, name)
	}
	if len(langs) == 0 {
		return ""
	}
	sort.Strings(langs)
	return loc.T("quote-note", "languages", strings.Join(langs, ", "))
}

// primaryLang is the primary subtag of a language tag, lower case; "en"
// when the tag is empty (statute.Meta.Lang's rule).
func primaryLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if tag == "" {
		return "en"
	}
	return strings.ToLower(tag)
}

// annotateSheet copies the finding's confidence, review flag and nearest
// provisions onto its gap sheet.
func annotateSheet(g *GapSheet, f score.Finding, titles map[string]string, loc *Locale) {
	citation := loc.Citation
	g.Weak = []string{}
	if c := f.Confidence; c != nil {
		g.Confidence = c.Value
		for _, k := range c.LoweredBy {
			if n, err := loc.Text("feature-" + k); err == nil {
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
				Provision: e.Provision, Line: e.Line, Path: e.Path, Text: withContext(e.Context, e.Quote), Element: e.Element,
				Citation: citation(e.Statute, e.Provision, e.Line)}
		}
	}
	g.Nearest = []NearRow{}
	for _, n := range f.Nearest {
		g.Nearest = append(g.Nearest, NearRow{Citation: citation(n.Statute, n.Provision, n.Line), Text: withContext(n.Context, n.Quote),
			Has: nonNil(n.Has), Lacks: nonNil(n.Lacks), Notes: nonNil(n.Notes)})
	}
	g.NearestNone = f.NearestNone
}

// withContext puts the lead-in a quoted clause completes before it
// ("A person who for the purpose of exploitation … recruits, transports
// …"), so that a list item or a closing clause reads as the provision
// says it.
func withContext(context, quote string) string {
	if context == "" {
		return quote
	}
	return context + " … " + quote
}
