package main

import (
	"errors"
	"io/fs"
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
