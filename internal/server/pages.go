package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

var funcs = template.FuncMap{
	"join": strings.Join,
	"inc":  func(i int) int { return i + 1 },
}

func (s *Server) parseTemplates() error {
	s.pages = map[string]*template.Template{}
	for _, p := range []string{"countries", "country", "queue", "finding", "statute", "diff", "error"} {
		t, err := template.New(p).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+p+".html")
		if err != nil {
			return fmt.Errorf("server templates: %w", err)
		}
		s.pages[p] = t
	}
	return nil
}

// base is what every page's layout reads.
type base struct {
	Title    string
	Reviewer string
	ReadOnly bool
	CSRF     string
}

func (s *Server) base(title string) base {
	return base{Title: title, Reviewer: s.cfg.Reviewer, ReadOnly: s.w.Config().Corpus == "", CSRF: s.csrf}
}

// render executes a page into a buffer first, so a template error never
// sends half a page.
func (s *Server) render(rw http.ResponseWriter, status int, page string, data any) {
	var b bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&b, "layout", data); err != nil {
		http.Error(rw, "render "+page+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	_, _ = b.WriteTo(rw)
}

type errorPage struct {
	base
	Message string
}

func (s *Server) fail(rw http.ResponseWriter, status int, title, msg string) {
	s.render(rw, status, "error", errorPage{base: s.base(title), Message: msg})
}

// failErr reports an error of load or of a workspace call.
func (s *Server) failErr(rw http.ResponseWriter, err error) {
	var ie *workspace.InputError
	switch {
	case errors.Is(err, errNotFound):
		s.fail(rw, http.StatusNotFound, "Not found", "The corpus or the map has no such item.")
	case errors.As(err, &ie):
		s.fail(rw, http.StatusUnprocessableEntity, "Bad input", ie.Error())
	default:
		s.fail(rw, http.StatusInternalServerError, "Error", err.Error())
	}
}

// countryOf resolves the {cc} of a URL against the corpus.
func (s *Server) countryOf(rw http.ResponseWriter, r *http.Request) *country {
	c, err := s.load(r.Context(), strings.ToUpper(r.PathValue("cc")))
	if err != nil {
		s.failErr(rw, err)
		return nil
	}
	return c
}

// ---- countries

type countryRow struct {
	CC              string
	Err             string
	Statutes        int
	Score           float64
	Counts          []int
	Reviewed, Total int
	Stale           int
	LastReview      string
}

type countriesPage struct {
	base
	MapVersion string
	Verdicts   []score.Verdict
	Countries  []countryRow
	ErrSpan    int
}

func (s *Server) countries(rw http.ResponseWriter, r *http.Request) {
	ccs, err := s.countryCodes()
	if err != nil {
		s.failErr(rw, err)
		return
	}
	p := countriesPage{base: s.base("Countries"), Verdicts: score.Verdicts, ErrSpan: 6 + len(score.Verdicts)}
	for _, cc := range ccs {
		row := countryRow{CC: cc}
		c, err := s.load(r.Context(), cc)
		if err != nil {
			row.Err = err.Error()
			p.Countries = append(p.Countries, row)
			continue
		}
		p.MapVersion = c.res.MappingVersion
		row.Statutes, row.Score, row.Total = len(c.res.Statutes), c.res.Scores.Overall, len(c.res.Findings)
		for _, v := range score.Verdicts {
			row.Counts = append(row.Counts, c.res.Scores.Counts[v])
		}
		for i := range c.res.Findings {
			f := &c.res.Findings[i]
			st := stateOf(f)
			if st.Reviewed {
				row.Reviewed++
			}
			if st.Stale {
				row.Stale++
			}
			if f.Override != nil && f.Override.Date > row.LastReview {
				row.LastReview = f.Override.Date
			}
		}
		p.Countries = append(p.Countries, row)
	}
	s.render(rw, http.StatusOK, "countries", p)
}

// ---- findings tables

type findingRow struct {
	reviewState
	ID, Title, Pillar string
	Verdict, Machine  score.Verdict
	Child             bool
	ConfidenceText    string
	Flags             []score.ReviewReason
}

type table struct {
	CC       string
	Numbered bool
	Rows     []findingRow
}

func rowOf(f *score.Finding) findingRow {
	r := findingRow{reviewState: stateOf(f), ID: f.Requirement, Title: f.Title, Pillar: f.Pillar, Verdict: f.Verdict,
		Machine: f.MachineVerdict, Child: f.ChildSpecific, ConfidenceText: "—"}
	if f.Confidence != nil {
		r.ConfidenceText = fmt.Sprintf("%.2f", f.Confidence.Value)
	}
	if f.Review != nil && f.Review.Needed {
		r.Flags = f.Review.Reasons
	}
	return r
}

type filter struct{ Pillar, Verdict, Reviewed, Child string }

func (fl filter) keep(f *score.Finding) bool {
	st := stateOf(f)
	switch {
	case fl.Pillar != "" && f.Pillar != fl.Pillar,
		fl.Verdict != "" && string(f.Verdict) != fl.Verdict,
		fl.Reviewed == "yes" && !st.Reviewed, fl.Reviewed == "no" && st.Reviewed,
		fl.Child == "yes" && !f.ChildSpecific, fl.Child == "no" && f.ChildSpecific:
		return false
	}
	return true
}

type pillarScore struct {
	Name  string
	Score float64
}

type verdictCount struct {
	Verdict score.Verdict
	N       int
}

type countryPage struct {
	base
	CC          string
	Scores      score.Scores
	Pillars     []pillarScore
	Counts      []verdictCount
	Reviewed    int
	Total       int
	Statutes    []score.StatuteRef
	Filter      filter
	PillarOpts  []string
	VerdictOpts []score.Verdict
	Table       table
}

func (s *Server) countryPage(rw http.ResponseWriter, r *http.Request) {
	c := s.countryOf(rw, r)
	if c == nil {
		return
	}
	q := r.URL.Query()
	fl := filter{Pillar: q.Get("pillar"), Verdict: q.Get("verdict"), Reviewed: q.Get("reviewed"), Child: q.Get("child")}
	p := countryPage{base: s.base(c.cc + " findings"), CC: c.cc, Scores: c.res.Scores, Total: len(c.res.Findings),
		Statutes: c.res.Statutes, Filter: fl, VerdictOpts: score.Verdicts, Table: table{CC: c.cc}}
	for _, pl := range standard.Pillars {
		p.PillarOpts = append(p.PillarOpts, string(pl))
		p.Pillars = append(p.Pillars, pillarScore{string(pl), c.res.Scores.Pillars[string(pl)]})
	}
	for _, v := range score.Verdicts {
		if n := c.res.Scores.Counts[v]; n > 0 {
			p.Counts = append(p.Counts, verdictCount{v, n})
		}
	}
	for i := range c.res.Findings {
		f := &c.res.Findings[i]
		if stateOf(f).Reviewed {
			p.Reviewed++
		}
		if fl.keep(f) {
			p.Table.Rows = append(p.Table.Rows, rowOf(f))
		}
	}
	s.render(rw, http.StatusOK, "country", p)
}

type queuePage struct {
	base
	CC                string
	Unreviewed, Total int
	Done              bool
	NextID            string
	Table             table
}

func (s *Server) queuePage(rw http.ResponseWriter, r *http.Request) {
	c := s.countryOf(rw, r)
	if c == nil {
		return
	}
	p := queuePage{base: s.base(c.cc + " review queue"), CC: c.cc, Total: len(c.res.Findings), Table: table{CC: c.cc, Numbered: true}}
	for _, f := range queue(c.res) {
		if !stateOf(f).Reviewed {
			p.Unreviewed++
		}
		p.Table.Rows = append(p.Table.Rows, rowOf(f))
	}
	p.NextID = nextUnreviewed(c.res, "")
	p.Done = p.NextID == ""
	s.render(rw, http.StatusOK, "queue", p)
}

// nextPage redirects to the next unreviewed finding after ?after=, or to
// the queue when none is left.
func (s *Server) nextPage(rw http.ResponseWriter, r *http.Request) {
	c := s.countryOf(rw, r)
	if c == nil {
		return
	}
	if id := nextUnreviewed(c.res, r.URL.Query().Get("after")); id != "" {
		http.Redirect(rw, r, "/c/"+c.cc+"/f/"+url.PathEscape(id), http.StatusSeeOther)
		return
	}
	http.Redirect(rw, r, "/c/"+c.cc+"/queue", http.StatusSeeOther)
}

// ---- statute

type srcLine struct {
	N       int
	Text    string
	Hit     bool
	Head    bool
	Anchors []string
}

type outlineItem struct {
	ID, Number, Heading string
	Children            []outlineItem
}

type statutePage struct {
	base
	CC, ID, Title, VersionDate, Citation string
	Outline                              []outlineItem
	Lines                                []srcLine
}

func outline(ps []*statute.Provision) []outlineItem {
	var out []outlineItem
	for _, p := range ps {
		if p.Kind != statute.KindDivision && p.Kind != statute.KindSection && p.Kind != statute.KindPreamble {
			continue
		}
		out = append(out, outlineItem{ID: string(p.ID), Number: p.Number, Heading: p.Heading, Children: outline(p.Children)})
	}
	return out
}

func (s *Server) statutePage(rw http.ResponseWriter, r *http.Request) {
	c := s.countryOf(rw, r)
	if c == nil {
		return
	}
	st := c.statute(r.PathValue("id"))
	if st == nil {
		s.fail(rw, http.StatusNotFound, "Not found", "No statute of this country has that ID.")
		return
	}
	hl := map[int]bool{}
	for _, v := range r.URL.Query()["hl"] {
		var n int
		if _, err := fmt.Sscanf(v, "%d", &n); err == nil {
			hl[n] = true
		}
	}
	anchors := map[int][]string{}
	heads := map[int]bool{}
	for _, p := range st.All {
		anchors[p.Line] = append(anchors[p.Line], string(p.ID))
		if p.Kind == statute.KindSection || p.Kind == statute.KindDivision {
			heads[p.Line] = true
		}
	}
	p := statutePage{base: s.base(firstNonEmpty(st.Meta.Title, st.Title, string(st.Meta.ID))), CC: c.cc, ID: string(st.Meta.ID),
		Title: firstNonEmpty(st.Meta.Title, st.Title, string(st.Meta.ID)), VersionDate: st.Meta.VersionDate, Citation: st.Meta.Citation,
		Outline: outline(st.Roots)}
	for i, l := range c.lines[st.Path] {
		n := i + 1
		p.Lines = append(p.Lines, srcLine{N: n, Text: l, Hit: hl[n], Head: heads[n], Anchors: anchors[n]})
	}
	s.render(rw, http.StatusOK, "statute", p)
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// statuteLink is the statute page at a line, highlighted.
func statuteLink(cc, id string, line int) string {
	return fmt.Sprintf("/c/%s/s/%s?hl=%d#L%d", cc, id, line, line)
}

// today is the workspace's date.
func (s *Server) today() string { return s.w.Today() }
