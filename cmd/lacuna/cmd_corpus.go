package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
	"github.com/spf13/cobra"
)

func newCmdCorpus(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "List, show and validate the statute corpus",
		Long: `The corpus is the set of national statutes Lacuna analyses: Markdown files with
YAML front matter (see corpus/FORMAT.md), in any directory layout. Versions of one
statute share an id and differ in version_date.

The embedded demo corpus is used unless --corpus DIR replaces it.` + exitStatusHelp,
	}
	cmd.AddCommand(newCmdCorpusList(f, nil), newCmdCorpusShow(f, nil), newCmdCorpusValidate(f, nil), newCmdCorpusImport(f, nil))
	return cmd
}

// ---- corpus list ----

type corpusListOptions struct {
	IO      *IOStreams
	Factory *Factory
	Country string
	Format  string
}

func newCmdCorpusList(f *Factory, runF func(*corpusListOptions) error) *cobra.Command {
	opts := &corpusListOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the statutes of the corpus",
		Long: `List the statutes of the corpus, one line per statute, sorted by country and id:
country, id, title, number of versions (and their dates), language and the number
of provisions of the latest version.

The list comes from the store's record of the corpus (--db): only files new or
changed since the last look are read (their front matter), and only the latest
version of each statute is parsed, once, to count its provisions (it is indexed for
search at the same time; a progress bar shows on a terminal).

--format text (default), json or csv.` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "json", "csv":
			default:
				return usageErrorf("unknown --format %q for corpus list, expected text, json or csv", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusListRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Country, "country", "", "only statutes of this country (ISO 3166-1 alpha-3 code)")
	return cmd
}

func corpusListRun(opts *corpusListOptions) error {
	f := opts.Factory
	defer workspace.SearchGC()()
	progress, wait := newProgress(f, "indexing statutes ")
	l, err := f.Workspace().ListCorpus(context.Background(), opts.Country, progress)
	wait()
	if err != nil {
		return err
	}
	rows := l.Statutes
	w := opts.IO.Out
	switch opts.Format {
	case "json":
		if rows == nil {
			rows = []workspace.StatuteSummary{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := newCSVWriter(w)
		cw.Write([]string{"country", "id", "title", "versions", "language", "provisions", "path"})
		for _, r := range rows {
			cw.Write([]string{r.Country, r.ID, r.Title, strings.Join(r.Versions, " "), r.Language, strconv.Itoa(r.Provisions), r.Path})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNTRY\tID\tVERSIONS\tLANG\tPROVISIONS\tTITLE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d (%s)\t%s\t%d\t%s\n", r.Country, r.ID, len(r.Versions), strings.Join(r.Versions, ", "), r.Language, r.Provisions, clipText(r.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !f.Global.Quiet {
		fmt.Fprintf(w, "%d statutes, %d versions, %d countries\n", len(rows), l.Versions, l.Countries)
		if n := len(l.Warnings); n > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "%d warnings while reading the corpus; lacuna corpus validate lists them\n", n)
		}
	}
	return nil
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ---- corpus show ----

type corpusShowOptions struct {
	IO      *IOStreams
	Factory *Factory
	Ref     statute.Ref
	Format  string
}

func newCmdCorpusShow(f *Factory, runF func(*corpusShowOptions) error) *cobra.Command {
	opts := &corpusShowOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "show ID[@DATE]",
		Short: "Show the provision outline of one statute version",
		Long: `Show one statute version: its front matter and its provision outline, one
provision a line with its source line range, canonical ID, kind and heading;
repealed provisions are marked "(repealed)".

ID is the statute id (e.g. ken/ctip-act-2010). @DATE picks the version with that
version_date, or else the latest version dated on or before DATE; without it the
latest version is shown.

Only the versions of that statute are parsed (a front-matter scan finds them).

--format text (default) or json (the whole provision tree with text and segments).` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "json":
			default:
				return usageErrorf("unknown --format %q for corpus show, expected text or json", opts.Format)
			}
			r, err := statute.ParseRef(args[0])
			if err != nil {
				return &usageError{err}
			}
			opts.Ref = r
			if runF != nil {
				return runF(opts)
			}
			return corpusShowRun(opts)
		},
	}
	return cmd
}

func corpusShowRun(opts *corpusShowOptions) error {
	c, err := opts.Factory.Workspace().StatuteVersions(opts.Ref.ID)
	if err != nil {
		return err
	}
	s := c.Resolve(opts.Ref)
	if s == nil {
		return &inputError{fmt.Errorf("statute %q has no version on or before %s", opts.Ref.ID, opts.Ref.Date)}
	}
	w := opts.IO.Out
	if opts.Format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return writeStatuteOutline(w, s, c)
}

func writeStatuteOutline(w io.Writer, s *statute.Statute, c *statute.Corpus) error {
	m := s.Meta
	fmt.Fprintf(w, "%s  %s\n", m.ID, m.Title)
	fmt.Fprintf(w, "country %s  language %s  version %s  file %s\n", m.Country, m.Lang(), versionOrDash(m.VersionDate), s.Path)
	var others []string
	for _, v := range c.Versions(m.ID) {
		if v != s {
			others = append(others, versionOrDash(v.Meta.VersionDate))
		}
	}
	if len(others) > 0 {
		fmt.Fprintf(w, "other versions: %s\n", strings.Join(others, ", "))
	}
	fmt.Fprintf(w, "%d provisions\n\n", len(s.All))
	return statute.WriteOutline(w, s)
}

func versionOrDash(v string) string {
	if v == "" {
		return "-"
	}
	return v
}

// ---- corpus validate ----

type corpusValidateOptions struct {
	IO      *IOStreams
	Factory *Factory
	Dir     string
	Format  string
}

// problemJSON is one problem in "corpus validate --format json".
type problemJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// writeProblems prints problems as text lines or as a JSON array.
func writeProblems(w io.Writer, format string, all statute.ErrorList) error {
	if format != "json" {
		for _, e := range all {
			fmt.Fprintln(w, e.Error())
		}
		return nil
	}
	out := make([]problemJSON, 0, len(all))
	for _, e := range all {
		sev := "error"
		if e.Severity == statute.SevWarning {
			sev = "warning"
		}
		out = append(out, problemJSON{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Severity: sev, Message: e.Msg})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newCmdCorpusValidate(f *Factory, runF func(*corpusValidateOptions) error) *cobra.Command {
	opts := &corpusValidateOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "validate [DIR|FILE]",
		Short: "Check every statute file of a corpus and report every problem",
		Long: `Parse every statute file under DIR (default: --corpus, else the embedded demo
corpus), or the one statute FILE, and print every problem of every file, one a
line, sorted by file and line:

  path:line[:col]: what is wrong, what was expected
  path:line[:col]: warning: …

then a summary line on stderr. --format json prints the problems as a JSON array
of {file, line, col, severity, message} instead. Errors make a file unusable (missing front matter, bad YAML,
unknown country, bad date, duplicate section number, invalid UTF-8…); warnings do
not (unknown front matter key, heading without a number, OCR noise…).

The exit status is 2 when any file has an error, 0 when there are warnings only.` + exitStatusHelp,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.Format = f.Global.Format
			switch opts.Format {
			case "", "text", "json":
			default:
				return usageErrorf("unknown --format %q for corpus validate, expected text or json", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return corpusValidateRun(opts)
		},
	}
	return cmd
}

func corpusValidateRun(opts *corpusValidateOptions) error {
	dir := opts.Dir
	if dir == "" {
		dir = opts.Factory.Global.Corpus
	}
	if info, err := os.Stat(dir); err == nil && info.Mode().IsRegular() {
		return validateFile(opts, dir)
	}
	c, err := workspace.LoadCorpus(dir)
	var errs statute.ErrorList
	if err != nil {
		var ie *workspace.InputError
		if !errors.As(err, &ie) || !errors.As(ie.Err, &errs) {
			return err
		}
	}
	all := append(append(statute.ErrorList{}, errs...), c.Warnings...)
	all.Sort()
	files := map[string]bool{}
	for _, s := range c.Statutes {
		files[s.Path] = true
	}
	for _, e := range all {
		files[e.Pos.File] = true
	}
	if err := writeProblems(opts.IO.Out, opts.Format, all); err != nil {
		return err
	}
	name := dir
	if name == "" {
		name = "embedded corpus"
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s: %d files (%s), %d statutes, %d errors, %d warnings\n",
		name, len(files), dialectCounts(c), len(c.IDs()), len(errs), len(all)-len(errs))
	if len(errs) > 0 {
		return &exitError{code: exitInput}
	}
	if len(files) == 0 {
		return &inputError{fmt.Errorf("%s: no statute files, expected Markdown statutes (*.md) in the folder or below it", name)}
	}
	return nil
}

// dialectName names a front matter dialect for people: "lacuna" for the
// format of corpus/FORMAT.md.
func dialectName(d string) string {
	if d == "" {
		return statute.NativeDialect
	}
	return d
}

// dialectCounts says how many loaded files were read in each dialect:
// "lacuna front matter" or "10 lacuna, 2 legalize front matter".
func dialectCounts(c *statute.Corpus) string {
	n := map[string]int{}
	var names []string
	for _, s := range c.Statutes {
		d := dialectName(s.Meta.Dialect)
		if n[d] == 0 {
			names = append(names, d)
		}
		n[d]++
	}
	sort.Strings(names)
	if len(names) == 1 {
		return names[0] + " front matter"
	}
	parts := make([]string, len(names))
	for i, d := range names {
		parts[i] = fmt.Sprintf("%d %s", n[d], d)
	}
	if len(parts) == 0 {
		return "no statutes read"
	}
	return strings.Join(parts, ", ") + " front matter"
}

// validateFile checks one statute file given on the command line.
func validateFile(opts *corpusValidateOptions, name string) error {
	st, err := statute.ParseFile(name)
	var errs statute.ErrorList
	if err != nil && !errors.As(err, &errs) {
		return err
	}
	all := append(append(statute.ErrorList{}, errs...), st.Warnings...)
	all.Sort()
	if err := writeProblems(opts.IO.Out, opts.Format, all); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s: %s front matter, %d provisions, %d errors, %d warnings\n", name, dialectName(st.Meta.Dialect), len(st.All), len(errs), len(all)-len(errs))
	if len(errs) > 0 {
		return &exitError{code: exitInput}
	}
	return nil
}
