package main

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"

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
	c, err := statute.Load(fsys, ".")
	if c != nil {
		for _, s := range c.Statutes {
			s.Path = path.Join(prefix, s.Path)
		}
		prefixErrs(c.Warnings, prefix)
	}
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			prefixErrs(el, prefix)
			return c, &inputError{el}
		}
		return c, err
	}
	return c, nil
}

func prefixErrs(l statute.ErrorList, prefix string) {
	for _, e := range l {
		e.Pos.File = path.Join(prefix, e.Pos.File)
	}
}
