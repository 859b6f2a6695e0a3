package eval

import (
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// Bases maps a unit's base ("realdata", "corpus", or a directory relative
// to the gold file) to the file system holding its statutes. Key "" is the
// gold file's directory, used for bases not listed.
type Bases map[string]fs.FS

// Base names with a fixed meaning.
const (
	BaseRealdata = "realdata"       // ../shared/realdata/statutes
	BaseCorpus   = "corpus"         // the embedded demo corpus
	BaseDev      = "realdata-dev"   // ../shared/realdata/statutes-dev
	BaseFresh    = "realdata-fresh" // ../shared/realdata/statutes-fresh
)

// FSLoader returns a Loader reading each unit's files (globs allowed) from
// its base and parsing them as one corpus.
func FSLoader(b Bases) Loader {
	return func(u Unit) (*statute.Corpus, error) {
		fsys, prefix := b[u.Base], ""
		if fsys == nil {
			fsys, prefix = b[""], u.Base
			if fsys == nil {
				return nil, fmt.Errorf("base %q not available", u.Base)
			}
		}
		if u.Base == "" {
			prefix = "."
		}
		var names []string
		for _, f := range u.Files {
			p := path.Clean(path.Join(prefix, f))
			ms, err := fs.Glob(fsys, p)
			if err != nil {
				return nil, fmt.Errorf("files %q: %v", f, err)
			}
			if len(ms) == 0 {
				return nil, fmt.Errorf("files %q: no such file in base %q", f, u.Base)
			}
			names = append(names, ms...)
		}
		sort.Strings(names)
		c := &statute.Corpus{}
		for _, n := range names {
			src, err := statute.ReadFile(fsys, n)
			if err != nil {
				return nil, err
			}
			st, err := statute.Parse(n, src)
			if err != nil {
				return nil, err
			}
			c.Statutes = append(c.Statutes, st)
		}
		return c, nil
	}
}
