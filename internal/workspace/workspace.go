package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// Config is what a Workspace is built from. Empty directories mean the
// embedded defaults (the demo corpus, the map).
type Config struct {
	Corpus       string // corpus directory of Markdown statutes; "" = embedded demo corpus
	Mapping      string // map directory of YAML standards; "" = embedded map
	MappingExtra string // directory of extra requirements or instruments; "" = none
	Lexicon      string // directory of lexicon phrases overlaid on the map's; "" = none
	Instruments  string // directory of instrument texts, for quoting articles; "" = none
	// DB is the SQLite store's path; "" = no store location (ErrNoStore
	// where one is needed; the analysis cache is then skipped).
	DB string
	// Now is the clock: run IDs, review expiry ("today") and record times.
	Now func() time.Time
	// ToolVersion is the tool version recorded with every result.
	ToolVersion string
	// ToolBuild identifies the running build (e.g. the hash of its
	// executable) in the analysis cache key; nil or "" = none.
	ToolBuild func() string
}

// Workspace is a corpus, a map, a store and overrides, loaded on demand.
// Its methods may be called concurrently.
type Workspace struct {
	cfg Config

	mu sync.Mutex
	m  *standard.Map // the map, once loaded

	wmu sync.Mutex // serialises RecordDecision
}

// New returns a Workspace over cfg. Nothing is read until a method needs
// it.
func New(cfg Config) *Workspace { return &Workspace{cfg: cfg} }

// Config returns the configuration the workspace was built with.
func (w *Workspace) Config() Config { return w.cfg }

// now is the configured clock.
func (w *Workspace) now() time.Time {
	if w.cfg.Now == nil {
		return time.Now()
	}
	return w.cfg.Now()
}

// Today is the configured clock's date, YYYY-MM-DD (review expiry).
func (w *Workspace) Today() string { return w.now().Format("2006-01-02") }

func (w *Workspace) toolBuild() string {
	if w.cfg.ToolBuild == nil {
		return ""
	}
	return w.cfg.ToolBuild()
}

// InputError marks bad input: a malformed statute, map or overrides file,
// or a country the corpus lacks. Its message is the wrapped error's.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(err error) error { return &InputError{err} }

// DirError is a configured directory that is missing or not a directory.
// What names the Config field: "corpus", "mapping", "mapping-extra",
// "instruments" (the CLI's flags share these names).
type DirError struct {
	What   string
	Dir    string
	NotDir bool // it exists but is not a directory
}

func (e *DirError) Error() string {
	if e.NotDir {
		return fmt.Sprintf("%s %s: not a directory, expected a directory", e.What, e.Dir)
	}
	return fmt.Sprintf("%s %s: no such directory", e.What, e.Dir)
}

// ErrNoStore is returned where a store is needed and Config.DB is empty.
var ErrNoStore = errors.New("no database location")

// ErrNothingInForce marks a country with no statute in force at the date
// asked for (wrapped in an InputError).
var ErrNothingInForce = errors.New("nothing to brief")

// CheckDir reports a missing directory, or a path that is not one, as a
// *DirError naming what.
func CheckDir(dir, what string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return &DirError{What: what, Dir: dir}
	}
	if !st.IsDir() {
		return &DirError{What: what, Dir: dir, NotDir: true}
	}
	return nil
}

// dirFS opens a configured directory as an fs.FS.
func dirFS(dir string) fs.FS { return os.DirFS(dir) }
