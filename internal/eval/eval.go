package eval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/lacuna-project/lacuna/internal/penalty"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Gold is one gold file.
type Gold struct {
	Description string `yaml:"description"`
	// Sealed marks a held-out gold file: measured, never tuned on, never
	// run by CI. Eval refuses it unless asked to unseal it explicitly.
	Sealed bool `yaml:"sealed"`
	// Seal records how the sealed units were chosen (seed, draw), so the
	// split can be checked.
	Seal  string `yaml:"seal"`
	Units []Unit `yaml:"units"`
}

// Unit is a set of statute files analysed as one corpus, with the expected
// verdicts and penalty rows.
type Unit struct {
	Name     string            `yaml:"name"`
	Country  string            `yaml:"country"`
	Base     string            `yaml:"base"`
	Files    []string          `yaml:"files"`
	AsOf     string            `yaml:"as_of"`
	Verdicts map[string]string `yaml:"verdicts"`
	Notes    map[string]string `yaml:"notes"`
	// Cite lists, per requirement, the provisions a lawyer would cite as
	// proof (most decisive first). The engine's first quoted provision is
	// right when it is one of them or lies inside one of them.
	Cite map[string][]string `yaml:"cite"`
	// Language is the language the unit is reported under; empty means the
	// language of its first statute's front matter.
	Language  string       `yaml:"language"`
	Penalties []PenaltyRow `yaml:"penalties"`
	Line      int          `yaml:"-"`
}

// PenaltyRow is one expected penalty row.
type PenaltyRow struct {
	Provision       string   `yaml:"provision"`
	Variant         string   `yaml:"variant"`
	MinMonths       *float64 `yaml:"min_months"`
	MaxMonths       *float64 `yaml:"max_months"`
	Life            bool     `yaml:"life"`
	FineAlternative bool     `yaml:"fine_alternative"`
}

// ParseGold decodes a gold file, checking unknown keys, unknown
// requirement IDs (when m is given), verdict spellings and duplicate unit
// names; errors are positioned "file:line:col: …".
func ParseGold(file string, src []byte, m *standard.Map) (*Gold, error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // a byte-order mark is not content
	if err := score.CheckYAML(file, src); err != nil {
		return nil, err
	}
	if f, err := parser.ParseBytes(src, 0); err == nil {
		for _, d := range f.Docs {
			if err := score.NoAnchors(file, d); err != nil {
				return nil, err
			}
		}
	}
	g, err := decodeGold(src)
	if err != nil {
		return nil, yamlError(file, err)
	}
	var errs []string
	names := map[string]bool{}
	for i, u := range g.Units {
		where := fmt.Sprintf("%s: unit %d (%q)", file, i+1, u.Name)
		if u.Name == "" {
			errs = append(errs, where+": no name, expected a unique unit name")
		}
		if names[u.Name] {
			errs = append(errs, where+": duplicate unit name, expected unique names")
		}
		names[u.Name] = true
		if len(u.Files) == 0 {
			errs = append(errs, where+": no files, expected statute files relative to base")
		}
		for _, f := range u.Files {
			if f == "" || strings.HasPrefix(f, "/") || strings.Contains("/"+f+"/", "/../") {
				errs = append(errs, fmt.Sprintf("%s: files: %q leaves the base directory, expected a relative path without \"..\"", where, f))
			}
		}
		if strings.HasPrefix(u.Base, "/") || strings.Contains("/"+u.Base+"/", "/../") {
			errs = append(errs, fmt.Sprintf("%s: base %q, expected realdata, corpus or a directory below the gold file", where, u.Base))
		}
		ids := sortedKeys(u.Verdicts)
		for _, id := range ids {
			if _, err := score.ParseVerdict(u.Verdicts[id]); err != nil {
				errs = append(errs, fmt.Sprintf("%s: verdicts.%s: %v", where, id, err))
			}
			if m != nil && m.Requirement(standard.RequirementID(id)) == nil {
				errs = append(errs, fmt.Sprintf("%s: verdicts: unknown requirement %q, expected an ID of the map", where, id))
			}
		}
		for _, id := range sortedKeys(u.Cite) {
			if _, ok := u.Verdicts[id]; !ok {
				errs = append(errs, fmt.Sprintf("%s: cite.%s: no verdict for this requirement, expected cites only for labelled requirements", where, id))
			}
			for _, c := range u.Cite[id] {
				if strings.TrimSpace(c) == "" {
					errs = append(errs, fmt.Sprintf("%s: cite.%s: empty provision ID", where, id))
				}
			}
		}
		for k, p := range u.Penalties {
			if p.Provision == "" {
				errs = append(errs, fmt.Sprintf("%s: penalties[%d]: no provision", where, k))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return g, nil
}

// yamlError positions a YAML decoding error as "file:line:col: message,
// expected …", taking the position from the error's token (never from its
// text).
func yamlError(file string, err error) error {
	line, col, msg := 1, 1, err.Error()
	var ye yaml.Error
	if errors.As(err, &ye) {
		msg = ye.GetMessage()
		if t := ye.GetToken(); t != nil && t.Position != nil {
			line, col = max(t.Position.Line, 1), max(t.Position.Column, 1)
		}
	}
	return fmt.Errorf("%s:%d:%d: %s, expected a gold file (description, units of name, country, base, files, as_of, language, verdicts, notes, cite, penalties)", file, line, col, strings.TrimSpace(msg))
}

// decodeGold decodes strictly; a panic inside the YAML library on
// malformed input is turned into an error.
func decodeGold(src []byte) (g *Gold, err error) {
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, fmt.Errorf(" invalid YAML (%v), expected a gold file (description, units)", r)
		}
	}()
	var out Gold
	if err := yaml.UnmarshalWithOptions(src, &out, yaml.Strict()); err != nil {
		return nil, err
	}
	return &out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Disagreement is one requirement where the machine differs from gold.
type Disagreement struct {
	Unit        string
	Requirement string
	Want, Got   score.Verdict
	Explanation string
	Evidence    []score.Evidence
	Note        string
}

// PenaltyCheck is one gold penalty row and what the engine produced.
type PenaltyCheck struct {
	Unit   string
	Want   PenaltyRow
	Got    *penalty.Row
	OK     bool
	Reason string
}

// Report is the outcome of a gold run.
type Report struct {
	Total, Agree         int // over core IDs
	AllTotal, AllAgree   int // over every labelled ID
	Confusion            map[score.Verdict]map[score.Verdict]int
	Disagreements        []Disagreement
	Penalties            []PenaltyCheck
	PenaltyOK            int
	Extra                []string // engine penalty rows without a gold row, "unit provision variant"
	Units                int
	Results              map[string]*score.Result
	UnitAgree, UnitTotal map[string]int
	// ByVerdict and ByLanguage tally core-ID agreement per gold verdict
	// and per unit language.
	ByVerdict  map[score.Verdict]*Tally
	ByLanguage map[string]*Tally
	// Evidence tallies the first quoted provision of every finding the gold
	// cites provisions for and the engine quotes evidence for; EvidenceWrong
	// lists the misses.
	Evidence      Tally
	EvidenceWrong []EvidenceMiss
	// Calibration tallies core-ID agreement by the findings' confidence and
	// review flag.
	Calibration Calibration
	// Renamed lists the gold provision IDs of an earlier ID scheme that
	// were scored under their IDs now (statute.Statute.Resolve), one entry
	// per unit and ID, in file order: the gold file still scores, and the
	// report says which IDs to update.
	Renamed []RenamedID
}

// RenamedID is a gold provision ID that names a provision under an
// earlier ID scheme.
type RenamedID struct {
	Unit, Old, New string
}

// resolver returns a function that maps a gold provision ID to the ID the
// unit's statutes give that provision now: an ID some statute has is kept;
// an earlier-scheme ID (a disposition's "h14", a quoted passage's
// "art1(2)") becomes its provision's ID now, recorded in r.Renamed once.
func (r *Report) resolver(u Unit, c *statute.Corpus) func(string) string {
	seen := map[string]string{}
	return func(id string) string {
		if now, ok := seen[id]; ok {
			return now
		}
		now := id
		found := false
		for _, st := range c.Statutes {
			if st.Lookup(statute.ProvisionID(id)) != nil {
				found = true
				break
			}
		}
		if !found {
			for _, st := range c.Statutes {
				if p, to, renamed := st.Resolve(statute.ProvisionID(id)); p != nil && renamed {
					now = string(to)
					r.Renamed = append(r.Renamed, RenamedID{Unit: u.Name, Old: id, New: now})
					break
				}
			}
		}
		seen[id] = now
		return now
	}
}

// Tally is an agreement count.
type Tally struct{ Agree, Total int }

// Pct is the agreement as a percentage, 0 when empty.
func (t Tally) Pct() float64 {
	if t.Total == 0 {
		return 0
	}
	return 100 * float64(t.Agree) / float64(t.Total)
}

func (t *Tally) add(ok bool) {
	t.Total++
	if ok {
		t.Agree++
	}
}

// EvidenceMiss is a finding whose first quoted provision is none of the
// provisions the gold cites.
type EvidenceMiss struct {
	Unit, Requirement string
	Got               string   // provision the engine quoted first
	Want              []string // provisions the gold cites
}

// Inside reports whether provision ID got is want or lies inside it
// (s3(1)(a) inside s3(1), §232a(6)(2) inside §232a(6), art225-4-1/II inside
// art225-4-1, s2[child] inside s2). A parent of want is not inside it.
func Inside(got, want string) bool {
	if got == want {
		return true
	}
	if !strings.HasPrefix(got, want) {
		return false
	}
	switch got[len(want)] {
	case '(', '/', '[':
		return true
	}
	return false
}

// EvidenceAccuracy is the share of checked findings whose first quote is a
// provision the gold cites, 0–100.
func (r *Report) EvidenceAccuracy() float64 { return r.Evidence.Pct() }

// Agreement is the exact-verdict agreement over core IDs, 0–100.
func (r *Report) Agreement() float64 {
	if r.Total == 0 {
		return 0
	}
	return 100 * float64(r.Agree) / float64(r.Total)
}

// PenaltyAccuracy is the share of gold penalty rows reproduced exactly.
func (r *Report) PenaltyAccuracy() float64 {
	if len(r.Penalties) == 0 {
		return 100
	}
	return 100 * float64(r.PenaltyOK) / float64(len(r.Penalties))
}

// Loader loads the statutes of one unit.
type Loader func(u Unit) (*statute.Corpus, error)

// Run analyses every unit with e and compares with the gold labels.
// Units are processed in file order; output is deterministic.
func Run(g *Gold, e *score.Engine, load Loader) (*Report, error) {
	r := &Report{Confusion: map[score.Verdict]map[score.Verdict]int{}, Results: map[string]*score.Result{},
		UnitAgree: map[string]int{}, UnitTotal: map[string]int{},
		ByVerdict: map[score.Verdict]*Tally{}, ByLanguage: map[string]*Tally{}}
	for _, u := range g.Units {
		c, err := load(u)
		if err != nil {
			return nil, fmt.Errorf("unit %s: %w", u.Name, err)
		}
		res, err := e.Analyze(c, score.Options{Country: u.Country, AsOf: u.AsOf})
		if err != nil {
			return nil, fmt.Errorf("unit %s: %w", u.Name, err)
		}
		r.Units++
		r.Results[u.Name] = res
		resolve := r.resolver(u, c)
		lang := u.Language
		if lang == "" && len(c.Statutes) > 0 {
			lang = c.Statutes[0].Meta.Lang()
		}
		if lang == "" {
			lang = "unknown"
		}
		if r.ByLanguage[lang] == nil {
			r.ByLanguage[lang] = &Tally{}
		}
		for _, id := range sortedKeys(u.Verdicts) {
			want, _ := score.ParseVerdict(u.Verdicts[id])
			f := res.Finding(id)
			got := score.Verdict("missing")
			var expl string
			var ev []score.Evidence
			if f != nil {
				got, expl, ev = f.MachineVerdict, f.Explanation, f.Evidence
			}
			core := standard.IsCore(standard.RequirementID(id))
			r.AllTotal++
			if core {
				r.Total++
				r.UnitTotal[u.Name]++
			}
			if r.Confusion[want] == nil {
				r.Confusion[want] = map[score.Verdict]int{}
			}
			r.Confusion[want][got]++
			if core {
				if r.ByVerdict[want] == nil {
					r.ByVerdict[want] = &Tally{}
				}
				r.ByVerdict[want].add(got == want)
				r.ByLanguage[lang].add(got == want)
				r.Calibration.add(f, got == want)
			}
			if cites := u.Cite[id]; core && len(cites) > 0 && len(ev) > 0 && want != score.Gap && got != score.Gap {
				ok := false
				for _, c := range cites {
					ok = ok || Inside(ev[0].Provision, resolve(c))
				}
				r.Evidence.add(ok)
				if !ok {
					r.EvidenceWrong = append(r.EvidenceWrong, EvidenceMiss{Unit: u.Name, Requirement: id, Got: ev[0].Provision, Want: cites})
				}
			}
			if got == want {
				r.AllAgree++
				if core {
					r.Agree++
					r.UnitAgree[u.Name]++
				}
				continue
			}
			r.Disagreements = append(r.Disagreements, Disagreement{Unit: u.Name, Requirement: id, Want: want, Got: got,
				Explanation: expl, Evidence: ev, Note: u.Notes[id]})
		}
		used := make([]bool, len(res.Penalties))
		// Each gold row takes an engine row of its provision and variant:
		// first every row that matches one exactly, then, for the rest, the
		// first unused one (so an inexact gold row never takes the row that
		// matches another gold row exactly; provisions an earlier scheme
		// told apart may be one provision now).
		picks := make([]int, len(u.Penalties))
		for k, want := range u.Penalties {
			picks[k] = -1
			prov := resolve(want.Provision)
			for i := range res.Penalties {
				p := &res.Penalties[i]
				if !used[i] && p.Provision == prov && string(p.Variant) == want.Variant && rowDiff(want, p) == "" {
					picks[k], used[i] = i, true
					break
				}
			}
		}
		for k, want := range u.Penalties {
			if picks[k] >= 0 {
				continue
			}
			prov := resolve(want.Provision)
			for i := range res.Penalties {
				p := &res.Penalties[i]
				if !used[i] && p.Provision == prov && string(p.Variant) == want.Variant {
					picks[k], used[i] = i, true
					break
				}
			}
		}
		for k, want := range u.Penalties {
			pc := PenaltyCheck{Unit: u.Name, Want: want}
			if pick := picks[k]; pick >= 0 {
				p := &res.Penalties[pick]
				pc.Got = p
				pc.Reason = rowDiff(want, p)
				pc.OK = pc.Reason == ""
			}
			if pc.Got == nil {
				pc.Reason = "no row for this provision and variant"
			}
			if pc.OK {
				r.PenaltyOK++
			}
			r.Penalties = append(r.Penalties, pc)
		}
		for i, p := range res.Penalties {
			if !used[i] {
				r.Extra = append(r.Extra, fmt.Sprintf("%s %s %s", u.Name, p.Provision, p.Variant))
			}
		}
	}
	return r, nil
}

// eqPtr compares two terms in months to within two days: the gold counts
// whole months (years × 12) and leaves out the day by which a code's scale
// separates its grades ("de doce años y un día a veinte años" is 144 to
// 240), which the parser keeps (144.03).
func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 2*12/365.25
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%g", *p)
}

func rowDiff(w PenaltyRow, g *penalty.Row) string {
	var d []string
	if !eqPtr(w.MinMonths, g.MinMonths) {
		d = append(d, fmt.Sprintf("min %s, want %s", fmtPtr(g.MinMonths), fmtPtr(w.MinMonths)))
	}
	if !eqPtr(w.MaxMonths, g.MaxMonths) {
		d = append(d, fmt.Sprintf("max %s, want %s", fmtPtr(g.MaxMonths), fmtPtr(w.MaxMonths)))
	}
	if w.Life != g.Life {
		d = append(d, fmt.Sprintf("life %v, want %v", g.Life, w.Life))
	}
	if w.FineAlternative != g.FineAlternative {
		d = append(d, fmt.Sprintf("fine_alternative %v, want %v", g.FineAlternative, w.FineAlternative))
	}
	return strings.Join(d, "; ")
}

// Write prints the report: agreement, confusion matrix, disagreements with
// evidence, penalty accuracy.
func (r *Report) Write(w io.Writer) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "units %d\n", r.Units)
	fmt.Fprintf(&b, "exact-verdict agreement (core IDs): %d/%d = %.1f%%\n", r.Agree, r.Total, r.Agreement())
	if r.AllTotal != r.Total {
		fmt.Fprintf(&b, "exact-verdict agreement (all labelled IDs): %d/%d\n", r.AllAgree, r.AllTotal)
	}
	fmt.Fprintf(&b, "penalty rows right: %d/%d = %.1f%%\n", r.PenaltyOK, len(r.Penalties), r.PenaltyAccuracy())
	if r.Evidence.Total > 0 {
		fmt.Fprintf(&b, "first quote is a provision the gold cites: %d/%d = %.1f%%\n", r.Evidence.Agree, r.Evidence.Total, r.EvidenceAccuracy())
	}
	fmt.Fprintf(&b, "\nagreement by gold verdict\n")
	for _, v := range score.Verdicts {
		if t := r.ByVerdict[v]; t != nil {
			fmt.Fprintf(&b, "  %-14s %4d/%-4d = %5.1f%%\n", v, t.Agree, t.Total, t.Pct())
		}
	}
	fmt.Fprintf(&b, "agreement by language\n")
	for _, l := range sortedKeys(r.ByLanguage) {
		t := r.ByLanguage[l]
		fmt.Fprintf(&b, "  %-14s %4d/%-4d = %5.1f%%\n", l, t.Agree, t.Total, t.Pct())
	}
	fmt.Fprintf(&b, "\nconfusion matrix (rows: gold, columns: engine)\n")
	cols := append(append([]score.Verdict{}, score.Verdicts...), "missing")
	fmt.Fprintf(&b, "%-15s", "")
	for _, c := range cols {
		fmt.Fprintf(&b, " %14s", c)
	}
	b.WriteByte('\n')
	for _, row := range score.Verdicts {
		if r.Confusion[row] == nil {
			continue
		}
		fmt.Fprintf(&b, "%-15s", row)
		for _, c := range cols {
			fmt.Fprintf(&b, " %14d", r.Confusion[row][c])
		}
		b.WriteByte('\n')
	}
	r.Calibration.write(&b)
	if len(r.Disagreements) > 0 {
		fmt.Fprintf(&b, "\ndisagreements (%d)\n", len(r.Disagreements))
		for _, d := range r.Disagreements {
			fmt.Fprintf(&b, "  %s %s: gold %s, engine %s — %s\n", d.Unit, d.Requirement, d.Want, d.Got, d.Explanation)
			for i, e := range d.Evidence {
				if i == 2 {
					break
				}
				fmt.Fprintf(&b, "      %s %s:%d “%s”\n", e.Statute, e.Provision, e.Line, oneLine(e.Quote, 110))
			}
			if d.Note != "" {
				fmt.Fprintf(&b, "      gold note: %s\n", d.Note)
			}
		}
	}
	if len(r.EvidenceWrong) > 0 {
		fmt.Fprintf(&b, "\nfirst quote not among the provisions the gold cites (%d)\n", len(r.EvidenceWrong))
		for _, m := range r.EvidenceWrong {
			fmt.Fprintf(&b, "  %s %s: quoted %s, gold cites %s\n", m.Unit, m.Requirement, m.Got, strings.Join(m.Want, ", "))
		}
	}
	var bad []PenaltyCheck
	for _, p := range r.Penalties {
		if !p.OK {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		fmt.Fprintf(&b, "\npenalty rows wrong (%d)\n", len(bad))
		for _, p := range bad {
			fmt.Fprintf(&b, "  %s %s %s: %s\n", p.Unit, p.Want.Provision, p.Want.Variant, p.Reason)
		}
	}
	if len(r.Renamed) > 0 {
		fmt.Fprintf(&b, "\nwarning: gold provision IDs of an earlier ID scheme, scored as their provisions' IDs now; update the gold file (%d)\n", len(r.Renamed))
		for _, x := range r.Renamed {
			fmt.Fprintf(&b, "  %s %s is now %s\n", x.Unit, x.Old, x.New)
		}
	}
	if len(r.Extra) > 0 {
		fmt.Fprintf(&b, "\nengine penalty rows without a gold row (%d)\n", len(r.Extra))
		for _, x := range r.Extra {
			fmt.Fprintf(&b, "  %s\n", x)
		}
	}
	w.Write(b.Bytes())
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return s
}
