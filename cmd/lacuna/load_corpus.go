package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// loadCorpus loads the statute corpus: the directory given by --corpus, or
// the embedded demo corpus. A corpus with bad files is an input error (exit
// 2) listing every positioned problem. Warnings stay in Corpus.Warnings.
func loadCorpus(f *Factory) (*statute.Corpus, error) {
	c, err := loadCorpusAll(f, f.Global.Corpus)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// loadCorpusAll loads dir (or the embedded corpus when dir is "") and
// returns the corpus of good files together with an input error listing
// every problem, so that "corpus validate" can report both.
func loadCorpusAll(f *Factory, dir string) (*statute.Corpus, error) {
	var fsys fs.FS = corpus.FS
	prefix := "corpus"
	if dir != "" {
		if err := checkDir(dir, "--corpus"); err != nil {
			return nil, err
		}
		fsys, prefix = dirFS(dir), filepath.ToSlash(dir)
	}
	c, err := statute.LoadNamed(fsys, ".", prefix)
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return c, &inputError{el}
		}
		return c, err
	}
	return c, nil
}

// allVersions, as the asOf of loadCorpusFor, loads every version of the
// country's statutes (for history, diff and compare).
const allVersions = "*"

// corpusSource returns the file system and shown-path prefix of the corpus
// (--corpus DIR, else the embedded demo corpus).
func corpusSource(f *Factory) (fs.FS, string, error) {
	dir := f.Global.Corpus
	if dir == "" {
		return corpus.FS, "corpus", nil
	}
	if err := checkDir(dir, "--corpus"); err != nil {
		return nil, "", err
	}
	return dirFS(dir), filepath.ToSlash(dir), nil
}

// loadCorpusFor loads only what an analysis of one country needs: a
// front-matter scan of the corpus picks the country's files ("" = every
// country) and, per statute, the version in force at asOf ("" = the latest;
// allVersions = every version); only those files are parsed. Files whose
// front matter cannot be read are always parsed, so their errors are
// reported as loadCorpus reports them.
func loadCorpusFor(f *Factory, country, asOf string) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(f)
	if err != nil {
		return nil, err
	}
	sel := statute.Selection{AsOf: asOf}
	if asOf == allVersions {
		sel = statute.Selection{AllVersions: true}
	}
	if country != "" {
		sel.Countries = []string{country}
	}
	c, err := statute.LoadSelected(fsys, ".", prefix, sel)
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return c, &inputError{el}
		}
		return c, err
	}
	return c, nil
}

// loadCorpusCountries is loadCorpusFor for several countries (compare):
// only their files are parsed (only the latest versions when asOf is ""). A country
// with no statute in the corpus is an input error naming the corpus's
// countries.
func loadCorpusCountries(f *Factory, countries []string, asOf string) (*statute.Corpus, error) {
	fsys, prefix, err := corpusSource(f)
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
			return nil, &inputError{fmt.Errorf("no statutes for country %q in the corpus, expected one of: %s", cc, strings.Join(all, ", "))}
		}
	}
	// With a date, every version is loaded: a country whose statutes all
	// postdate it must still be told apart from one not in the corpus.
	sel := statute.Selection{Countries: countries, AllVersions: asOf != ""}
	c, err := statute.LoadSelected(fsys, ".", prefix, sel)
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return c, &inputError{el}
		}
		return c, err
	}
	return c, nil
}
