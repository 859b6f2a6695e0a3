package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/lacuna-project/lacuna/corpus"
	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Overrides are a country's reviewer decisions and where they came from.
type Overrides struct {
	List []score.Override
	// Path is the file's path as shown ("corpus/xea/overrides.yaml" in the
	// embedded demo corpus); "" when there is no file.
	Path string
	// Embedded is true when the file is in the embedded demo corpus.
	Embedded bool
	// Source is the file's bytes.
	Source []byte
}

// overrideCandidates are where a country's overrides file is looked for
// beside the corpus: <corpus>/<country lower case>/overrides.yaml, then
// <corpus>/overrides/<COUNTRY>.yaml.
func (w *Workspace) overrideCandidates(country string) []string {
	if dir := w.cfg.Corpus; dir != "" {
		return []string{filepath.Join(dir, strings.ToLower(country), "overrides.yaml"),
			filepath.Join(dir, "overrides", strings.ToUpper(country)+".yaml")}
	}
	return []string{path.Join("corpus", strings.ToLower(country), "overrides.yaml"),
		path.Join("corpus", "overrides", strings.ToUpper(country)+".yaml")}
}

// Overrides finds a country's reviewer decisions beside the corpus (see
// overrideCandidates; in the embedded demo corpus when no corpus directory
// is configured) and parses them against m. No file gives empty
// Overrides; an unreadable candidate is passed over; a bad file is an
// *InputError with its positions.
func (w *Workspace) Overrides(m *standard.Map, country string) (*Overrides, error) {
	read := statute.ReadPath
	embedded := w.cfg.Corpus == ""
	if embedded {
		read = func(p string) ([]byte, error) { return fs.ReadFile(corpus.FS, strings.TrimPrefix(p, "corpus/")) }
	}
	for _, p := range w.overrideCandidates(country) {
		src, err := read(p)
		if err != nil {
			continue
		}
		ovs, err := score.ParseOverrides(p, src, m)
		if err != nil {
			return nil, inputErr(err)
		}
		return &Overrides{List: ovs, Path: p, Embedded: embedded, Source: src}, nil
	}
	return &Overrides{}, nil
}

// OverridesPath is the overrides file beside a corpus directory that
// exists, "" when there is none or the corpus is the embedded one.
func (w *Workspace) OverridesPath(country string) string {
	if w.cfg.Corpus == "" {
		return ""
	}
	for _, p := range w.overrideCandidates(country) {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// ReadOverrides reads and parses the overrides file at p (e.g. given on a
// command line). An unreadable or bad file is an *InputError.
func ReadOverrides(p string, m *standard.Map) (*Overrides, error) {
	src, err := statute.ReadPath(p)
	if err != nil {
		return nil, inputErr(fmt.Errorf("read overrides: %w", err))
	}
	ovs, err := score.ParseOverrides(p, src, m)
	if err != nil {
		return nil, inputErr(err)
	}
	return &Overrides{List: ovs, Path: p, Source: src}, nil
}
