package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"github.com/lacuna-project/lacuna/internal/workspace"
)

// Workspace is the application layer over the global flags (--corpus,
// --mapping, --mapping-extra, --instruments, --db), the clock and the
// tool's version. It is built on each call, after the flags are parsed;
// nothing is read until a command asks.
func (f *Factory) Workspace() *workspace.Workspace {
	g := f.Global
	db, _ := dbPath(f) // no location: workspace.ErrNoStore where a store is needed
	return workspace.New(workspace.Config{
		Corpus: g.Corpus, Mapping: g.Mapping, MappingExtra: g.MappingExtra, Lexicon: g.Lexicon, Instruments: g.Instruments,
		DB: db, Now: f.Now, ToolVersion: version, ToolBuild: toolBuild,
	})
}

var (
	toolBuildOnce sync.Once
	toolBuildHash string
)

// toolBuild identifies the running binary by the hash of its executable,
// so that a development build whose code changed (same version string)
// never reuses results of the old code; "" when it cannot be read.
func toolBuild() string {
	toolBuildOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			return
		}
		fh, err := os.Open(p)
		if err != nil {
			return
		}
		defer fh.Close()
		h := sha256.New()
		if _, err := io.Copy(h, fh); err == nil {
			toolBuildHash = hex.EncodeToString(h.Sum(nil))
		}
	})
	return toolBuildHash
}

// memoryBackstop sets a soft heap limit for the --all commands (unless
// GOMEMLIMIT is set): the GC works harder near the limit instead of letting
// the heap grow. Per-country loading is what bounds memory; this only
// guards against an unusually large country.
func memoryBackstop() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}
