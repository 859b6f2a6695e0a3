package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// AllVersions, as the asOf of CorpusFor or Plan, selects every version of
// the statutes (for history, diff and the amendments briefing).
const AllVersions = "*"

// LoadCorpus loads the corpus in dir (the embedded demo corpus when dir is
// "") and returns the corpus of good files together with an *InputError
// listing every problem, so that a validator can report both. Warnings
// stay in Corpus.Warnings.
func LoadCorpus(dir string) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(dir)
	if err != nil {
		return nil, err
	}
	return wrapList(statute.LoadNamed(fsys, ".", prefix))
}

// Corpus loads the whole configured corpus (see LoadCorpus).
func (w *Workspace) Corpus() (*statute.Corpus, error) { return LoadCorpus(w.cfg.Corpus) }

// corpusSource returns the file system and shown-path prefix of the corpus
// in dir, else of the embedded demo corpus.
func corpusSource(dir string) (fs.FS, string, error) {
	if dir == "" {
		return corpus.FS, "corpus", nil
	}
	if err := CheckDir(dir, "corpus"); err != nil {
		return nil, "", err
	}
	return dirFS(dir), filepath.ToSlash(dir), nil
}

// wrapList turns a statute.ErrorList into an *InputError, keeping the
// corpus of good files.
func wrapList(c *statute.Corpus, err error) (*statute.Corpus, error) {
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return c, inputErr(el)
		}
		return c, err
	}
	return c, nil
}

// CorpusFor loads only what an analysis of one country needs: a
// front-matter scan of the corpus picks the country's files ("" = every
// country) and, per statute, the version in force at asOf ("" = the latest;
// AllVersions = every version); only those files are parsed. Files whose
// front matter cannot be read are always parsed, so their errors are
// reported as Corpus reports them.
func (w *Workspace) CorpusFor(country, asOf string) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(w.cfg.Corpus)
	if err != nil {
		return nil, err
	}
	sel := statute.Selection{AsOf: asOf}
	if asOf == AllVersions {
		sel = statute.Selection{AllVersions: true}
	}
	if country != "" {
		sel.Countries = []string{country}
	}
	return wrapList(statute.LoadSelected(fsys, ".", prefix, sel))
}

// CorpusOf is CorpusFor for several countries: only their files are parsed
// (only the latest versions when asOf is ""). A country with no statute in
// the corpus is an *InputError naming the corpus's countries.
func (w *Workspace) CorpusOf(countries []string, asOf string) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(w.cfg.Corpus)
	if err != nil {
		return nil, err
	}
	metas, _, err := statute.ScanNamed(fsys, ".", prefix)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	var all []string
	for _, m := range metas {
		if cc := strings.ToUpper(m.Meta.Country); m.OK && cc != "" && !have[cc] {
			have[cc] = true
			all = append(all, m.Meta.Country)
		}
	}
	sort.Strings(all)
	for _, cc := range countries {
		if !have[strings.ToUpper(cc)] {
			return nil, inputErr(fmt.Errorf("no statutes for country %q in the corpus, expected one of: %s", cc, strings.Join(all, ", ")))
		}
	}
	// With a date, every version is loaded: a country whose statutes all
	// postdate it must still be told apart from one not in the corpus.
	sel := statute.Selection{Countries: countries, AllVersions: asOf != ""}
	return wrapList(statute.LoadSelected(fsys, ".", prefix, sel))
}

// LoadFiles loads the statute files and directories of .md files given
// (e.g. on a command line) as one corpus, sorted by country, statute ID,
// version date and path. Directories go through the statute loader, which
// skips READMEs and symlinks and refuses oversized files. Every problem of
// every file is collected into one *InputError.
func LoadFiles(files []string) (*statute.Corpus, error) {
	c := &statute.Corpus{}
	var errs statute.ErrorList
	addErr := func(p string, err error) {
		var el statute.ErrorList
		var e *statute.Error
		switch {
		case errors.As(err, &el):
			errs = append(errs, el.Errors()...)
		case errors.As(err, &e):
			errs = append(errs, e)
		default:
			errs.Add(statute.Pos{File: p, Line: 1}, "%v", err)
		}
	}
	for _, p := range files {
		st, err := os.Stat(p)
		if err != nil {
			return nil, inputErr(fmt.Errorf("%s: no such file or directory", p))
		}
		if st.IsDir() {
			// the statute loader skips READMEs, symlinks and oversized files
			dc, err := statute.LoadNamed(os.DirFS(p), ".", p)
			if dc != nil {
				c.Statutes = append(c.Statutes, dc.Statutes...)
				c.Warnings = append(c.Warnings, dc.Warnings...)
			}
			if err != nil {
				addErr(p, err)
			}
			continue
		}
		s, err := statute.ParseFile(p)
		if err != nil {
			addErr(p, err)
			continue
		}
		c.Statutes = append(c.Statutes, s)
		c.Warnings = append(c.Warnings, s.Warnings...)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, inputErr(errs)
	}
	sort.SliceStable(c.Statutes, func(i, j int) bool {
		a, b := c.Statutes[i], c.Statutes[j]
		if a.Meta.Country != b.Meta.Country {
			return a.Meta.Country < b.Meta.Country
		}
		if a.Meta.ID != b.Meta.ID {
			return a.Meta.ID < b.Meta.ID
		}
		if a.Meta.VersionDate != b.Meta.VersionDate {
			return a.Meta.VersionDate < b.Meta.VersionDate
		}
		return a.Path < b.Path
	})
	return c, nil
}

// Source returns the bytes a statute was parsed from: the embedded demo
// corpus for "corpus/…" paths when no corpus directory is configured, else
// the file at its path. The bytes must hash to the statute's SHA256, so a
// file edited since it was loaded is never recorded under the old hash.
func (w *Workspace) Source(st *statute.Statute) ([]byte, error) {
	var cands [][]byte
	if w.cfg.Corpus == "" && strings.HasPrefix(st.Path, "corpus/") {
		if b, err := fs.ReadFile(corpus.FS, strings.TrimPrefix(st.Path, "corpus/")); err == nil {
			cands = append(cands, b)
		}
	}
	b, err := statute.ReadPath(st.Path)
	if err == nil {
		cands = append(cands, b)
	}
	for _, c := range cands {
		sum := sha256.Sum256(c)
		if hex.EncodeToString(sum[:]) == st.SHA256 {
			return c, nil
		}
	}
	if len(cands) > 0 {
		return nil, fmt.Errorf("save run: %s changed since it was read (content hash differs)", st.Path)
	}
	return nil, fmt.Errorf("save run: read %s: %w", st.Path, err)
}
