package main

import (
	"io/fs"
	"os"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// loadMap loads the map of standards: the directory given by --mapping, or
// the embedded map, plus the requirements and instruments of --mapping-extra.
// A bad map is an input error (exit 2) listing every positioned problem.
func loadMap(f *Factory) (*standard.Map, error) {
	var base fs.FS = mapping.FS
	name := "mapping"
	if dir := f.Global.Mapping; dir != "" {
		if err := checkDir(dir, "--mapping"); err != nil {
			return nil, err
		}
		base, name = dirFS(dir), dir
	}
	lex, _ := fs.Sub(mapping.FS, "lexicon")
	opts := standard.Options{Name: name, Lexicon: lex, LexiconName: "mapping/lexicon"}
	if dir := f.Global.Lexicon; dir != "" {
		if err := checkDir(dir, "--lexicon"); err != nil {
			return nil, err
		}
		opts.LexiconOverlay, opts.LexiconOverlayName = dirFS(dir), dir
	}
	if dir := f.Global.MappingExtra; dir != "" {
		if err := checkDir(dir, "--mapping-extra"); err != nil {
			return nil, err
		}
		opts.Extra, opts.ExtraName = dirFS(dir), dir
	}
	m, err := standard.LoadWith(base, opts)
	if err != nil {
		return nil, &inputError{err}
	}
	return m, nil
}

// loadMapDir loads the map in dir (for "mapping validate DIR"), honouring
// --mapping-extra.
func loadMapDir(f *Factory, dir string) (*standard.Map, error) {
	g := *f.Global
	g.Mapping = dir
	f2 := *f
	f2.Global = &g
	return loadMap(&f2)
}

// loadTexts reads the instrument texts of --instruments DIR, if given, for
// quoting articles; nil when the flag is unset.
func loadTexts(f *Factory, m *standard.Map) (map[standard.InstrumentID]*standard.Text, error) {
	dir := f.Global.Instruments
	if dir == "" {
		return nil, nil
	}
	if err := checkDir(dir, "--instruments"); err != nil {
		return nil, err
	}
	texts, err := m.LoadTexts(dirFS(dir))
	if err != nil {
		return nil, err
	}
	return texts, nil
}

func checkDir(dir, flag string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usageErrorf("%s %s: no such directory", flag, dir)
	}
	if !st.IsDir() {
		return usageErrorf("%s %s: not a directory, expected a directory", flag, dir)
	}
	return nil
}
