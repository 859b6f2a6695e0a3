package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
	"github.com/lacuna-project/lacuna/internal/standard"
)

// ErrStaleWrite is returned by RecordDecision when the overrides file is
// no longer the one the decision was made on: someone else wrote it since.
var ErrStaleWrite = errors.New("the overrides file changed since it was read")

// ErrReadOnly is returned by RecordDecision when no corpus directory is
// configured: the embedded demo corpus cannot be written.
var ErrReadOnly = errors.New("the embedded demo corpus is read-only, expected --corpus DIR to record decisions")

// ContentHash is the hex SHA-256 of an overrides file's bytes (of no bytes
// when the file does not exist): what a form carries to detect a stale
// write.
func ContentHash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}

// DecisionFile is the overrides file decisions on country are written to:
// the file Overrides reads when one exists, else
// <corpus>/<country>/overrides.yaml when that directory exists, else
// <corpus>/overrides/<COUNTRY>.yaml. It returns the file's bytes (nil when
// it does not exist yet). Without a corpus directory it is ErrReadOnly.
func (w *Workspace) DecisionFile(country string) (string, []byte, error) {
	if w.cfg.Corpus == "" {
		return "", nil, ErrReadOnly
	}
	if !validCountry(country) {
		return "", nil, inputErr(fmt.Errorf("country %q, expected a country code of letters and digits", country))
	}
	cands := w.overrideCandidates(country)
	for _, p := range cands {
		if src, err := os.ReadFile(p); err == nil {
			return p, src, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", nil, fmt.Errorf("read overrides: %w", err)
		}
	}
	if st, err := os.Stat(filepath.Dir(cands[0])); err == nil && st.IsDir() {
		return cands[0], nil, nil
	}
	return cands[1], nil, nil
}

// RecordDecision writes decision o on one of country's findings into the
// country's overrides file (DecisionFile) with score.SetOverride, which
// keeps the rest of a hand-edited file as it was. loadedHash is the
// ContentHash of the file the reviewer saw; when the file has changed
// since, nothing is written and the error wraps ErrStaleWrite. The file is
// written to a temporary file beside it and renamed, so a reader never
// sees half a file. It returns the new file's ContentHash. Writes through
// one Workspace are serialised.
func (w *Workspace) RecordDecision(m *standard.Map, country string, o score.Override, loadedHash string) (string, error) {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	p, src, err := w.DecisionFile(country)
	if err != nil {
		return "", err
	}
	if ContentHash(src) != loadedHash {
		return "", fmt.Errorf("record decision on %s in %s: %w", o.Requirement, p, ErrStaleWrite)
	}
	out, err := score.SetOverride(p, src, o, m)
	if err != nil {
		return "", inputErr(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("record decision: %w", err)
	}
	if err := writeAtomic(p, out); err != nil {
		return "", err
	}
	return ContentHash(out), nil
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path, keeping an existing file's permissions.
func writeAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// validCountry is false for a country code that could name a path
// outside the corpus ("..", "a/b").
func validCountry(cc string) bool {
	if cc == "" || len(cc) > 8 {
		return false
	}
	return strings.Trim(strings.ToUpper(cc), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == ""
}
