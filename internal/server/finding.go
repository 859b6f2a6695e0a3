package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type sourceView struct{ Instrument, Article, Text string }

type quoteView struct {
	Statute, VersionDate, Provision, Element, Quote, Link string
	Line                                                  int
	Lines                                                 []srcLine
}

type nearView struct {
	score.Near
	Link string
}

type evidenceOpt struct{ Value, Label string }

type evidenceGroup struct {
	Statute string
	Items   []evidenceOpt
}

// decisionForm is what the reviewer entered (kept when a write is refused).
type decisionForm struct {
	Hash, Law, Action, Verdict, Rationale, Reviewer, Expires, Evidence string
}

type findingPage struct {
	base
	CC            string
	F             *score.Finding
	Req           *standard.Requirement
	Sources       []sourceView
	Flags         []score.ReviewReason
	Candidate     *quoteView
	Evidence      []quoteView
	Nearest       []nearView
	Current       *score.Override
	History       []score.Override
	NextID        string
	OverridesPath string
	Saved         bool
	Conflict      string
	FormErr       string
	Form          decisionForm
	VerdictOpts   []score.Verdict
	EvidenceOpts  []evidenceGroup
}

// maxExcerpt bounds the lines of a provision shown around a quoted line.
const maxExcerpt = 30

// excerpt returns the lines of the section holding provision prov of
// statute id around line, that line marked.
func (c *country) excerpt(id, prov string, line int) []srcLine {
	st := c.statute(id)
	if st == nil {
		return nil
	}
	lines := c.lines[st.Path]
	from, to := line, line
	if p := st.Lookup(statute.ProvisionID(prov)); p != nil {
		sec := p
		if s := p.Section(); s != nil {
			sec = s
		}
		from, to = sec.Line, sec.EndLine
	}
	if to-from >= maxExcerpt {
		from, to = max(from, line-maxExcerpt/2), min(to, line+maxExcerpt/2)
	}
	var out []srcLine
	for n := max(1, from); n <= min(to, len(lines)); n++ {
		out = append(out, srcLine{N: n, Text: lines[n-1], Hit: n == line})
	}
	return out
}

func (s *Server) findingView(c *country, f *score.Finding) findingPage {
	p := findingPage{base: s.base(f.Requirement + " — " + c.cc), CC: c.cc, F: f, Req: c.m.Requirement(standard.RequirementID(f.Requirement)),
		NextID: nextUnreviewed(c.res, f.Requirement), OverridesPath: c.ovPath, VerdictOpts: score.Verdicts}
	if p.Req == nil {
		p.Req = &standard.Requirement{ID: standard.RequirementID(f.Requirement), Title: f.Title}
	}
	s.textsOnce.Do(func() { s.texts, _ = s.w.InstrumentTexts(c.m) }) // quoting treaty articles is best effort
	texts := s.texts
	for _, src := range p.Req.Sources {
		v := sourceView{Instrument: string(src.Instrument), Article: src.Article}
		if in := c.m.Instrument(src.Instrument); in != nil && in.Short != "" {
			v.Instrument = in.Short
		}
		if t := texts[src.Instrument]; t != nil {
			v.Text, _ = t.Article(src.Article)
		}
		p.Sources = append(p.Sources, v)
	}
	if f.Review != nil && f.Review.Needed {
		p.Flags = f.Review.Reasons
		if e := f.Review.Candidate; e != nil {
			p.Candidate = &quoteView{Statute: e.Statute, Provision: e.Provision, Line: e.Line, Quote: e.Quote, Link: statuteLink(c.cc, e.Statute, e.Line)}
		}
	}
	for _, e := range f.Evidence {
		p.Evidence = append(p.Evidence, quoteView{Statute: e.Statute, VersionDate: e.VersionDate, Provision: e.Provision, Element: e.Element,
			Quote: e.Quote, Line: e.Line, Link: statuteLink(c.cc, e.Statute, e.Line), Lines: c.excerpt(e.Statute, e.Provision, e.Line)})
	}
	for _, n := range f.Nearest {
		p.Nearest = append(p.Nearest, nearView{Near: n, Link: statuteLink(c.cc, n.Statute, n.Line)})
	}
	if o := f.Override; o != nil {
		p.Current = o
		for i := len(o.History) - 1; i >= 0; i-- {
			p.History = append(p.History, o.History[i])
		}
	}
	for _, st := range c.corpus.Statutes {
		g := evidenceGroup{Statute: string(st.Meta.ID) + " (" + st.Meta.VersionDate + ")"}
		for _, pr := range st.All {
			label := pr.Number
			if pr.Heading != "" {
				label += " " + pr.Heading
			}
			if strings.TrimSpace(label) == "" {
				label = pr.Text // a definition or list item: its first words
			}
			g.Items = append(g.Items, evidenceOpt{Value: string(st.Meta.ID) + "#" + string(pr.ID), Label: string(pr.ID) + " — " + oneLine(label, 60)})
		}
		p.EvidenceOpts = append(p.EvidenceOpts, g)
	}
	p.Form = decisionForm{Hash: c.ovHash, Law: c.law, Action: score.DecisionConfirm, Verdict: string(f.MachineVerdict), Reviewer: s.cfg.Reviewer}
	if len(f.Evidence) > 0 {
		p.Form.Evidence = f.Evidence[0].Statute + "#" + f.Evidence[0].Provision
	}
	return p
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// findingOf resolves {cc} and {req}.
func (s *Server) findingOf(rw http.ResponseWriter, r *http.Request) (*country, *score.Finding) {
	c := s.countryOf(rw, r)
	if c == nil {
		return nil, nil
	}
	f := c.res.Finding(r.PathValue("req"))
	if f == nil {
		s.fail(rw, http.StatusNotFound, "Not found", "The map has no requirement with this ID.")
		return nil, nil
	}
	return c, f
}

func (s *Server) findingPage(rw http.ResponseWriter, r *http.Request) {
	c, f := s.findingOf(rw, r)
	if f == nil {
		return
	}
	p := s.findingView(c, f)
	p.Saved = r.URL.Query().Get("saved") == "1"
	s.render(rw, http.StatusOK, "finding", p)
}

// Bounds on what a decision may hold.
const (
	maxRationale = 4000
	maxReviewer  = 200
)

// decide records a reviewer's decision: confirm the machine verdict or
// override it. A form made on another overrides file or other statutes
// than the current ones is refused with 409, the reviewer's entries kept.
func (s *Server) decide(rw http.ResponseWriter, r *http.Request) {
	c, f := s.findingOf(rw, r)
	if f == nil {
		return
	}
	pf := r.PostForm
	in := decisionForm{Hash: pf.Get("hash"), Law: pf.Get("law"), Action: pf.Get("action"), Verdict: pf.Get("verdict"),
		Rationale: strings.TrimSpace(strings.ReplaceAll(pf.Get("rationale"), "\r\n", "\n")), Reviewer: strings.TrimSpace(pf.Get("reviewer")),
		Expires: strings.TrimSpace(pf.Get("expires")), Evidence: pf.Get("evidence")}
	again := func(status int, formErr, conflict string) {
		p := s.findingView(c, f)
		p.FormErr, p.Conflict = formErr, conflict
		hash, law := p.Form.Hash, p.Form.Law
		p.Form = in
		if conflict != "" { // the next submission is made on what is shown now
			p.Form.Hash, p.Form.Law = hash, law
		}
		s.render(rw, status, "finding", p)
	}
	if !c.writable {
		again(http.StatusForbidden, workspace.ErrReadOnly.Error(), "")
		return
	}
	o := score.Override{Requirement: f.Requirement, Rationale: in.Rationale, Reviewer: in.Reviewer, Date: s.today(), Expires: in.Expires,
		MachineVerdict: f.MachineVerdict, Statutes: score.DecisionStatutes(c.res, f), EvidenceSHA256: score.EvidenceHash(f)}
	var problems []string
	switch in.Action {
	case score.DecisionConfirm:
		o.Decision, o.Verdict = score.DecisionConfirm, f.MachineVerdict
	case score.DecisionOverride:
		v, err := score.ParseVerdict(in.Verdict)
		if err != nil {
			problems = append(problems, err.Error())
		}
		o.Decision, o.Verdict = score.DecisionOverride, v
		if v == f.MachineVerdict {
			o.Decision = score.DecisionConfirm // the same verdict confirms it
		}
	default:
		problems = append(problems, "choose confirm or override")
	}
	if o.Rationale == "" {
		problems = append(problems, "a rationale is required")
	} else if len(o.Rationale) > maxRationale {
		problems = append(problems, fmt.Sprintf("the rationale is longer than %d bytes", maxRationale))
	}
	if o.Reviewer == "" || len(o.Reviewer) > maxReviewer || strings.ContainsAny(o.Reviewer, "\n\r") {
		problems = append(problems, "a reviewer's name (one line) is required")
	}
	if o.Expires != "" && (!validDay(o.Expires) || o.Expires <= o.Date) {
		problems = append(problems, fmt.Sprintf("expiry %q, expected a date after today (YYYY-MM-DD) or none", o.Expires))
	}
	if in.Evidence != "" {
		ev, err := s.resolveEvidence(c, in.Evidence)
		if err != nil {
			problems = append(problems, err.Error())
		} else {
			o.Evidence = []string{ev}
		}
	}
	if len(problems) > 0 {
		again(http.StatusUnprocessableEntity, strings.Join(problems, "; ")+".", "")
		return
	}
	if in.Law != c.law {
		again(http.StatusConflict, "", "The statutes of "+c.cc+" changed on disk since the page was loaded.")
		return
	}
	if _, err := s.w.RecordDecision(c.m, c.cc, o, in.Hash); err != nil {
		if errors.Is(err, workspace.ErrStaleWrite) {
			// show what is there now
			if fresh, lerr := s.load(r.Context(), c.cc); lerr == nil {
				if ff := fresh.res.Finding(f.Requirement); ff != nil {
					c, f = fresh, ff
				}
			}
			again(http.StatusConflict, "", "Another reviewer (or an editor) wrote "+c.ovPath+" after this page was loaded.")
			return
		}
		s.failErr(rw, err)
		return
	}
	http.Redirect(rw, r, "/c/"+c.cc+"/f/"+url.PathEscape(f.Requirement)+"?saved=1", http.StatusSeeOther)
}

func validDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, ch := range s {
		if i != 4 && i != 7 && (ch < '0' || ch > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}
