package workspace

import (
	"io/fs"

	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/mapping"
)

// MapSource says where the map of standards comes from.
type MapSource struct {
	Dir     string // map directory; "" = the embedded map
	Extra   string // directory of extra requirements or instruments; "" = none
	Lexicon string // directory of <lang>.yaml phrases added to the lexicon; "" = none
}

// LoadMap loads the map of standards from src: the directory, or the
// embedded map, plus the requirements and instruments of src.Extra. A
// missing directory is a *DirError; a bad map is an *InputError listing
// every positioned problem. This is the one place a map is loaded. The
// embedded map alone comes from its snapshot when the snapshot was made
// from the embedded files (see EmbeddedSnapshot).
func LoadMap(src MapSource) (*standard.Map, error) {
	if src == (MapSource{}) {
		if m, ok := EmbeddedSnapshot(mapping.FS); ok {
			return m, nil
		}
	}
	return LoadMapYAML(src)
}

// EmbeddedSnapshot returns the map of fsys's snapshot (mapping.SnapshotFile)
// when it decodes and was made from the files of fsys as they are; false
// otherwise (the map is then loaded from its YAML: a stale snapshot costs
// time, never a wrong map).
func EmbeddedSnapshot(fsys fs.FS) (*standard.Map, bool) {
	b, err := fs.ReadFile(fsys, mapping.SnapshotFile)
	if err != nil {
		return nil, false
	}
	m, source, err := standard.DecodeSnapshot(b)
	if err != nil {
		return nil, false
	}
	if h, err := standard.SourceHash(fsys, mapping.SnapshotFile); err != nil || h != source {
		return nil, false
	}
	return m, true
}

// LoadMapYAML is LoadMap from the YAML files, without a snapshot.
func LoadMapYAML(src MapSource) (*standard.Map, error) {
	var base fs.FS = mapping.FS
	name := "mapping"
	if dir := src.Dir; dir != "" {
		if err := CheckDir(dir, "mapping"); err != nil {
			return nil, err
		}
		base, name = dirFS(dir), dir
	}
	lex, _ := fs.Sub(mapping.FS, "lexicon")
	opts := standard.Options{Name: name, Lexicon: lex, LexiconName: "mapping/lexicon"}
	if dir := src.Lexicon; dir != "" {
		if err := CheckDir(dir, "lexicon"); err != nil {
			return nil, err
		}
		opts.LexiconOverlay, opts.LexiconOverlayName = dirFS(dir), dir
	}
	if dir := src.Extra; dir != "" {
		if err := CheckDir(dir, "mapping-extra"); err != nil {
			return nil, err
		}
		opts.Extra, opts.ExtraName = dirFS(dir), dir
	}
	m, err := standard.LoadWith(base, opts)
	if err != nil {
		return nil, inputErr(err)
	}
	return m, nil
}

// mapSource is the configured map.
func (w *Workspace) mapSource() MapSource {
	return MapSource{Dir: w.cfg.Mapping, Extra: w.cfg.MappingExtra, Lexicon: w.cfg.Lexicon}
}

// Map returns the configured map of standards (see LoadMap), loaded once.
// Callers must not modify it.
func (w *Workspace) Map() (*standard.Map, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.m != nil {
		return w.m, nil
	}
	m, err := LoadMap(w.mapSource())
	if err != nil {
		return nil, err
	}
	w.m = m
	return m, nil
}

// MapDir loads the map in dir instead of the configured one, with the
// configured extra directory (for validating a map directory).
func (w *Workspace) MapDir(dir string) (*standard.Map, error) {
	src := w.mapSource()
	src.Dir = dir
	return LoadMap(src)
}

// InstrumentTexts reads the instrument texts of Config.Instruments, for
// quoting articles of m; nil when none is configured.
func (w *Workspace) InstrumentTexts(m *standard.Map) (map[standard.InstrumentID]*standard.Text, error) {
	dir := w.cfg.Instruments
	if dir == "" {
		return nil, nil
	}
	if err := CheckDir(dir, "instruments"); err != nil {
		return nil, err
	}
	return m.LoadTexts(dirFS(dir))
}

// MapTitles reads the translated requirement titles and instrument names
// of lang (standard.TitlesDir/<lang>.yaml) beside the configured map, or
// the embedded one; nil for English or when the map has no such file.
// Lenient keeps requirements without a title (a map extended by
// --mapping-extra) in Titles.Missing instead of failing.
func (w *Workspace) MapTitles(m *standard.Map, lang string, lenient bool) (*standard.Titles, error) {
	return MapTitlesIn(w.cfg.Mapping, m, lang, lenient)
}

// MapTitlesIn is MapTitles for the map directory dir ("" = embedded).
func MapTitlesIn(dir string, m *standard.Map, lang string, lenient bool) (*standard.Titles, error) {
	if lang == "en" || lang == "" {
		return nil, nil
	}
	var base fs.FS = mapping.FS
	name := "mapping"
	if dir != "" {
		base, name = dirFS(dir), dir
	}
	t, err := standard.LoadTitles(base, name, lang, m, lenient)
	if err != nil {
		return nil, inputErr(err)
	}
	return t, nil
}

// MappingDir is the configured map directory; "" = the embedded map.
func (w *Workspace) MappingDir() string { return w.cfg.Mapping }

// MappingExtraDir is the configured directory of extra requirements; "" = none.
func (w *Workspace) MappingExtraDir() string { return w.cfg.MappingExtra }
