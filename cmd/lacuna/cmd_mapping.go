package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/workspace"
	"github.com/spf13/cobra"
)

func newCmdMapping(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "mapping",
		Short: "List, show, validate and cross-walk the map of international standards",
		Long: `The map is Lacuna's legal knowledge: the requirements that international
instruments place on national anti-trafficking law, each tied to every article
that imposes it, with the means to detect it in statute text.

The embedded map is used unless --mapping DIR replaces it; --mapping-extra DIR adds
requirements or instruments to it.` + exitStatusHelp,
	}
	cmd.AddCommand(newCmdMappingList(f, nil), newCmdMappingShow(f, nil),
		newCmdMappingValidate(f, nil), newCmdMappingCrosswalk(f, nil))
	return cmd
}

// ---- mapping list ----

type mappingListOptions struct {
	IO         *IOStreams
	Factory    *Factory
	Instrument string
	Pillar     standard.Pillar
	Format     string
}

func newCmdMappingList(f *Factory, runF func(*mappingListOptions) error) *cobra.Command {
	opts := &mappingListOptions{IO: f.IO, Factory: f}
	var pillar string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the requirements of the map",
		Long: `List the map's requirements, sorted by ID, optionally only those citing one
instrument (--instrument palermo) or in one pillar (--pillar protection).

--format text (default), json or csv. The JSON gives each requirement's id, title,
pillar, mandatory, weight, child_specific, core and sources [{instrument, article}].` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "json", "csv":
			default:
				return usageErrorf("unknown --format %q for mapping list, expected text, json or csv", opts.Format)
			}
			if pillar != "" {
				opts.Pillar = standard.Pillar(pillar)
				if !opts.Pillar.Valid() {
					return usageErrorf("unknown --pillar %q, expected one of %s", pillar, pillarList())
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return mappingListRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Instrument, "instrument", "", "only requirements citing this instrument (e.g. palermo, coe, ilo-c182)")
	cmd.Flags().StringVar(&pillar, "pillar", "", "only requirements of this pillar: "+pillarList())
	return cmd
}

func pillarList() string {
	s := make([]string, len(standard.Pillars))
	for i, p := range standard.Pillars {
		s[i] = string(p)
	}
	return strings.Join(s, ", ")
}

type listedRequirement struct {
	ID            standard.RequirementID `json:"id"`
	Title         string                 `json:"title"`
	Pillar        standard.Pillar        `json:"pillar"`
	Mandatory     bool                   `json:"mandatory"`
	Weight        float64                `json:"weight"`
	ChildSpecific bool                   `json:"child_specific"`
	Core          bool                   `json:"core"`
	Sources       []standard.ArticleRef  `json:"sources"`
}

func mappingListRun(opts *mappingListOptions) error {
	m, err := opts.Factory.Workspace().Map()
	if err != nil {
		return err
	}
	if opts.Instrument != "" && m.Instrument(standard.InstrumentID(opts.Instrument)) == nil {
		var ids []string
		for _, in := range m.Instruments {
			ids = append(ids, string(in.ID))
		}
		return usageErrorf("unknown --instrument %q, expected one of %s", opts.Instrument, strings.Join(ids, ", "))
	}
	var rows []listedRequirement
	for _, r := range m.Requirements {
		if opts.Pillar != "" && r.Pillar != opts.Pillar {
			continue
		}
		if opts.Instrument != "" && !cites(r, standard.InstrumentID(opts.Instrument)) {
			continue
		}
		lr := listedRequirement{ID: r.ID, Title: r.Title, Pillar: r.Pillar, Mandatory: r.Mandatory,
			Weight: r.Weight, ChildSpecific: r.ChildSpecific, Core: r.Core, Sources: []standard.ArticleRef{}}
		for _, s := range r.Sources {
			lr.Sources = append(lr.Sources, standard.ArticleRef{Instrument: s.Instrument, Article: s.Article})
		}
		rows = append(rows, lr)
	}
	w := opts.IO.Out
	switch opts.Format {
	case "json":
		if rows == nil {
			rows = []listedRequirement{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := newCSVWriter(w)
		_ = cw.Write([]string{"id", "title", "pillar", "mandatory", "weight", "child_specific", "core", "sources"})
		for _, r := range rows {
			_ = cw.Write([]string{string(r.ID), r.Title, string(r.Pillar), fmt.Sprint(r.Mandatory),
				fmtWeight(r.Weight), fmt.Sprint(r.ChildSpecific), fmt.Sprint(r.Core), joinRefs(r.Sources)})
		}
		cw.Flush()
		return cw.Error()
	}
	width := len("REQUIREMENT")
	for _, r := range rows {
		width = max(width, len(r.ID))
	}
	fmt.Fprintf(w, "%-*s  %-11s  %-10s  %3s  %s\n", width, "REQUIREMENT", "PILLAR", "OBLIGATION", "WT", "TITLE")
	for _, r := range rows {
		ob := "optional"
		if r.Mandatory {
			ob = "mandatory"
		}
		fmt.Fprintf(w, "%-*s  %-11s  %-10s  %3s  %s\n", width, r.ID, r.Pillar, ob, fmtWeight(r.Weight), r.Title)
		fmt.Fprintf(w, "%-*s  sources: %s\n", width, "", joinRefs(r.Sources))
	}
	fmt.Fprintf(w, "%d requirements\n", len(rows))
	return nil
}

func cites(r *standard.Requirement, id standard.InstrumentID) bool {
	for _, s := range r.Sources {
		if s.Instrument == id {
			return true
		}
	}
	return false
}

func joinRefs(refs []standard.ArticleRef) string {
	s := make([]string, len(refs))
	for i, r := range refs {
		s[i] = r.String()
	}
	return strings.Join(s, "; ")
}

func fmtWeight(w float64) string { return fmt.Sprintf("%g", w) }

// ---- mapping show ----

type mappingShowOptions struct {
	IO      *IOStreams
	Factory *Factory
	ID      standard.RequirementID
	Format  string
}

func newCmdMappingShow(f *Factory, runF func(*mappingShowOptions) error) *cobra.Command {
	opts := &mappingShowOptions{IO: f.IO, Factory: f}
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show one requirement: statement, sources, criteria, recommendation, model provision",
		Long: `Show one requirement as a briefing note: what the standard requires, the
instrument articles that impose it (quoted when --instruments DIR holds the
instrument texts), how Lacuna detects it, and what to amend.

--format text (default) or json.` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = standard.RequirementID(args[0])
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "json":
			default:
				return usageErrorf("unknown --format %q for mapping show, expected text or json", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return mappingShowRun(opts)
		},
	}
}

func mappingShowRun(opts *mappingShowOptions) error {
	m, err := opts.Factory.Workspace().Map()
	if err != nil {
		return err
	}
	r := m.Requirement(opts.ID)
	if r == nil {
		return usageErrorf("unknown requirement %q, expected an ID listed by \"lacuna mapping list\"", opts.ID)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	texts, err := opts.Factory.Workspace().InstrumentTexts(m)
	if err != nil {
		return err
	}
	writeRequirement(opts.IO.Out, m, r, texts)
	return nil
}

// writeRequirement renders a requirement as a short legal note.
func writeRequirement(w io.Writer, m *standard.Map, r *standard.Requirement, texts map[standard.InstrumentID]*standard.Text) {
	fmt.Fprintf(w, "%s: %s\n", r.ID, r.Title)
	var facts []string
	facts = append(facts, "pillar "+string(r.Pillar))
	if r.Mandatory {
		facts = append(facts, "mandatory")
	} else {
		facts = append(facts, "optional (States are asked to consider or endeavour)")
	}
	facts = append(facts, "weight "+fmtWeight(r.Weight))
	if r.ChildSpecific {
		facts = append(facts, "child-specific")
	}
	if r.Core {
		facts = append(facts, "core requirement")
	}
	fmt.Fprintf(w, "%s\n", strings.Join(facts, "; "))

	section(w, "What the standard requires")
	para(w, r.Statement, "  ")

	section(w, "Sources")
	for _, s := range r.Sources {
		in := m.Instrument(s.Instrument)
		name := string(s.Instrument)
		if in != nil {
			name = in.Short
		}
		head := fmt.Sprintf("%s, article %s", name, s.Article)
		if in != nil && in.Kind == standard.KindBenchmark {
			head = fmt.Sprintf("%s, section %s (a benchmark, not a treaty)", name, s.Article)
		}
		fmt.Fprintf(w, "  - %s\n", head)
		if in != nil {
			if a := in.Article(s.Article); a != nil {
				prefix := ""
				if a.Number != s.Article {
					prefix = "(article " + a.Number + ") "
				}
				para(w, prefix+a.Summary, "      ")
			}
		}
		if t := texts[s.Instrument]; t != nil {
			if q, ok := t.Article(s.Article); ok {
				fmt.Fprintf(w, "      Text (%s):\n", t.File)
				for _, p := range strings.Split(q, "\n\n") {
					para(w, p, "        > ")
				}
			}
		}
	}

	section(w, "How Lacuna detects it")
	c := r.Criteria
	if n := len(c.Elements); n > 0 {
		met := c.Combine.MetAt
		if met == 0 {
			met = n
		}
		partial := c.Combine.PartialAt
		if partial == 0 {
			partial = 1
		}
		rule := fmt.Sprintf("Elements needed for met: %d of %d", met, n)
		if c.Combine.NoPartial {
			rule += "; fewer is a gap (this requirement has no partial verdict)."
		} else {
			rule += fmt.Sprintf("; for partial: %d.", partial)
		}
		para(w, rule, "  ")
		for _, e := range c.Elements {
			label := e.Label
			if label == "" {
				label = e.ID
			}
			roles := "any provision"
			if len(e.Roles) > 0 {
				rs := make([]string, len(e.Roles))
				for i, x := range e.Roles {
					rs[i] = string(x)
				}
				roles = strings.Join(rs, ", ") + " provisions"
			}
			fmt.Fprintf(w, "  - %s [%s], in %s\n", label, e.ID, roles)
			for _, p := range e.Patterns {
				for _, line := range describePattern(p) {
					fmt.Fprintf(w, "      %s\n", line)
				}
			}
			for _, p := range e.Exclude {
				for _, line := range describePattern(p) {
					fmt.Fprintf(w, "      not when: %s\n", line)
				}
			}
		}
	}
	if c.Check != nil {
		fmt.Fprintf(w, "  Built-in check: %s", c.Check.Kind)
		if len(c.Check.Params) > 0 {
			fmt.Fprintf(w, " (%s)", kvList(c.Check.Params))
		}
		fmt.Fprintln(w, ", which decides the verdict.")
	}
	if len(r.Thresholds) > 0 {
		fmt.Fprintf(w, "  Thresholds: %s\n", kvList(r.Thresholds))
	}

	section(w, "Recommendation")
	para(w, r.Recommendation, "  ")
	section(w, "Model provision")
	for _, p := range strings.Split(strings.TrimSpace(r.ModelProvision), "\n\n") {
		para(w, p, "  ")
	}
}

func describePattern(p standard.Pattern) []string {
	var out []string
	langs := func(m map[string][]string) []string {
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool {
			return langRank(ks[i]) < langRank(ks[j]) || langRank(ks[i]) == langRank(ks[j]) && ks[i] < ks[j]
		})
		return ks
	}
	switch p.Kind {
	case standard.CritRegex:
		ks := make([]string, 0, len(p.Regex))
		for k := range p.Regex {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool {
			return langRank(ks[i]) < langRank(ks[j]) || langRank(ks[i]) == langRank(ks[j]) && ks[i] < ks[j]
		})
		for _, k := range ks {
			out = append(out, fmt.Sprintf("regex %s: %s", k, p.Regex[k]))
		}
	case standard.CritNear:
		within := p.Within
		if within == 0 {
			within = 8
		}
		for _, k := range langs(p.Terms) {
			with := p.With[k]
			if len(with) == 0 {
				with = p.With["*"]
			}
			out = append(out, fmt.Sprintf("near %s: %s within %d words of %s", k, strings.Join(p.Terms[k], ", "), within, strings.Join(with, ", ")))
		}
	default:
		for _, k := range langs(p.Terms) {
			out = append(out, fmt.Sprintf("%s %s: %s", p.Kind, k, strings.Join(p.Terms[k], ", ")))
		}
		if len(p.Terms) == 0 {
			out = append(out, string(p.Kind))
		}
	}
	return out
}

// langRank orders languages as the map lists them: *, en, fr, de, es, others.
func langRank(l string) int {
	for i, x := range []string{"*", "en", "fr", "de", "es"} {
		if l == x {
			return i
		}
	}
	return 5
}

func kvList(m map[string]float64) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = fmt.Sprintf("%s = %g", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func section(w io.Writer, title string) { fmt.Fprintf(w, "\n%s\n", title) }

// para writes text wrapped at 80 columns, each line prefixed with indent.
func para(w io.Writer, text, indent string) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return
	}
	line := indent
	n := 0
	for _, word := range words {
		if n > 0 && len([]rune(line))+1+len([]rune(word)) > 80 {
			fmt.Fprintln(w, line)
			line, n = indent, 0
		}
		if n > 0 {
			line += " "
		}
		line += word
		n++
	}
	fmt.Fprintln(w, line)
}

// ---- mapping validate ----

type mappingValidateOptions struct {
	IO      *IOStreams
	Factory *Factory
	Dir     string
}

func newCmdMappingValidate(f *Factory, runF func(*mappingValidateOptions) error) *cobra.Command {
	opts := &mappingValidateOptions{IO: f.IO, Factory: f}
	return &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a map directory (default: --mapping or the embedded map)",
		Long: `Validate a map: schema, closed sets (pillar, instrument kind, criterion kind,
role, check kind, ratification status), term patterns and regular expressions,
cross-references from requirements to instrument articles, duplicate IDs,
the presence of every core requirement, ratifications, and the lexicon
(lexicon/ beside the map, else the embedded one, plus --lexicon DIR; see
docs/lexicon-format.md). Every problem is printed as path:line:col: what is
wrong, what was expected.` + exitStatusHelp,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return mappingValidateRun(opts)
		},
	}
}

func mappingValidateRun(opts *mappingValidateOptions) error {
	var m *standard.Map
	var err error
	if opts.Dir != "" {
		m, err = opts.Factory.Workspace().MapDir(opts.Dir)
	} else {
		m, err = opts.Factory.Workspace().Map()
	}
	if err != nil {
		return err
	}
	if _, err := score.Compile(m); err != nil { // e.g. a lexicon without a class the engine reads
		return &inputError{err}
	}
	core := 0
	for _, r := range m.Requirements {
		if r.Core {
			core++
		}
	}
	fmt.Fprintf(opts.IO.Out, "map %s is valid: %d requirements (%d core), %d instruments, %d ratifications\n",
		m.Version, len(m.Requirements), core, len(m.Instruments), len(m.Ratifications))
	if lx := m.Lexicon; lx != nil {
		fmt.Fprintf(opts.IO.Out, "lexicon: %d languages (%s), %d classes, hash %.12s\n", len(lx.Languages()), strings.Join(lx.Languages(), ", "), len(lx.Classes), lx.Hash)
	}
	if m.Partial {
		fmt.Fprintln(opts.IO.Out, "note: map.yaml marks this map partial, so the core requirements were not checked")
	}
	// Translations: every language file beside the map must translate
	// every text of it a pack shows; the embedded map has them all.
	// Requirements added by --mapping-extra have no translation there: they
	// are listed, not failed.
	ws := opts.Factory.Workspace()
	dir := opts.Dir
	if dir == "" {
		dir = ws.MappingDir()
	}
	extra := ws.MappingExtraDir() != ""
	var langs []string
	for _, lang := range report.Languages[1:] {
		t, err := workspace.MapTitlesIn(dir, m, lang, extra)
		if err != nil {
			return err
		}
		if t == nil {
			if dir == "" {
				return &inputError{fmt.Errorf("mapping/%s/%s.yaml: missing, expected the %s texts of the embedded map", standard.TitlesDir, lang, lang)}
			}
			continue
		}
		arts := 0
		for _, a := range t.Articles {
			arts += len(a)
		}
		langs = append(langs, fmt.Sprintf("%s (%d requirements, %d instruments, %d articles)", lang, len(t.Texts), len(t.Instruments), arts))
		if len(t.Missing) > 0 {
			fmt.Fprintf(opts.IO.Out, "note: no %s translation for %s (from --mapping-extra)\n", lang, strings.Join(t.Missing, ", "))
		}
	}
	if len(langs) > 0 {
		fmt.Fprintf(opts.IO.Out, "map texts translated, unofficially: %s\n", strings.Join(langs, ", "))
	}
	return nil
}

// ---- mapping crosswalk ----

type mappingCrosswalkOptions struct {
	IO      *IOStreams
	Factory *Factory
	Format  string
}

func newCmdMappingCrosswalk(f *Factory, runF func(*mappingCrosswalkOptions) error) *cobra.Command {
	opts := &mappingCrosswalkOptions{IO: f.IO, Factory: f}
	return &cobra.Command{
		Use:   "crosswalk",
		Short: "Print the requirement × instrument-article matrix",
		Long: `Print the crosswalk: which instrument articles each requirement derives from,
so that one national provision can be credited to every instrument it satisfies.

--format md (default): a Markdown table, one row per requirement and one column
per instrument, the cited articles in the cells.
--format csv: the full matrix, one column per cited instrument article, "x"
where the requirement cites it.` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "md", "csv":
			default:
				return usageErrorf("unknown --format %q for mapping crosswalk, expected md or csv", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return mappingCrosswalkRun(opts)
		},
	}
}

func mappingCrosswalkRun(opts *mappingCrosswalkOptions) error {
	m, err := opts.Factory.Workspace().Map()
	if err != nil {
		return err
	}
	cw := m.Crosswalk()
	w := opts.IO.Out
	if opts.Format == "csv" {
		c := newCSVWriter(w)
		head := []string{"requirement"}
		for _, col := range cw.Columns {
			head = append(head, col.String())
		}
		_ = c.Write(head)
		for _, row := range cw.Rows {
			rec := []string{string(row.Requirement)}
			for _, on := range row.Cells {
				if on {
					rec = append(rec, "x")
				} else {
					rec = append(rec, "")
				}
			}
			_ = c.Write(rec)
		}
		c.Flush()
		return c.Error()
	}
	// Markdown: requirement × instrument, articles in the cells; only
	// instruments that some requirement cites get a column.
	var insts []*standard.Instrument
	for _, in := range m.Instruments {
		for _, col := range cw.Columns {
			if col.Instrument == in.ID {
				insts = append(insts, in)
				break
			}
		}
	}
	fmt.Fprint(w, "| requirement |")
	for _, in := range insts {
		fmt.Fprintf(w, " %s |", in.ID)
	}
	fmt.Fprint(w, "\n|---|")
	for range insts {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprintln(w)
	for _, row := range cw.Rows {
		fmt.Fprintf(w, "| %s |", row.Requirement)
		for _, in := range insts {
			var arts []string
			for i, col := range cw.Columns {
				if row.Cells[i] && col.Instrument == in.ID {
					arts = append(arts, col.Article)
				}
			}
			fmt.Fprintf(w, " %s |", strings.Join(arts, ", "))
		}
		fmt.Fprintln(w)
	}
	return nil
}
