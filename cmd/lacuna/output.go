package main

import (
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// Output helpers every command shares.

// writeJSON writes v as indented JSON without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// pillarNames are the pillars in the map's order, as score keys.
func pillarNames() []string {
	out := make([]string, len(standard.Pillars))
	for i, p := range standard.Pillars {
		out[i] = string(p)
	}
	return out
}

// plural picks the singular or plural noun for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeFileAtomic writes data to path without ever leaving half a file
// and without clobbering what is not a plain file:
//
//   - a character device, pipe or socket (/dev/null, a FIFO) is opened and
//     written directly, as are paths under /dev and /proc (/dev/stdout);
//   - a symbolic link is followed: its target is replaced, the link stays;
//   - a regular file is replaced by a temporary file beside it, renamed
//     over it, keeping the existing file's permission bits; a new file gets
//     0666 less the umask, like any file a shell redirect creates.
//
// Errors name path, never the temporary file.
func writeFileAtomic(path string, data []byte) error {
	target, fi, err := resolveOutput(path)
	if err != nil {
		return err
	}
	if fi != nil && fi.IsDir() {
		return &usageError{fmt.Errorf("write %s: is a directory, expected a file", path)}
	}
	if (fi != nil && !fi.Mode().IsRegular()) || isSpecialPath(path) || isSpecialPath(target) {
		return writeDirect(path, data)
	}
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write %s: directory %s does not exist, expected an existing directory", path, dir)
		}
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	var suffix [6]byte
	rand.Read(suffix[:])
	tmpName := filepath.Join(dir, "."+filepath.Base(target)+"."+hex.EncodeToString(suffix[:])+".tmp")
	// 0666 through OpenFile: the kernel applies the umask.
	tmp, err := os.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if fi != nil {
		if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
			return fail(err)
		}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmpName, target); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// resolveOutput follows path's symbolic links (also a dangling one, whose
// target is then created) and returns the file to write and its FileInfo,
// nil when it does not exist yet.
func resolveOutput(path string) (string, fs.FileInfo, error) {
	p := path
	for hops := 0; ; hops++ {
		li, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil, nil
		}
		if err != nil {
			return "", nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if li.Mode()&fs.ModeSymlink == 0 {
			return p, li, nil
		}
		if hops == 40 {
			return "", nil, &usageError{fmt.Errorf("write %s: too many levels of symbolic links", path)}
		}
		if isSpecialPath(p) {
			fi, err := os.Stat(p)
			if err != nil {
				return "", nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
			}
			return p, fi, nil
		}
		to, err := os.Readlink(p)
		if err != nil {
			return "", nil, fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(p), to)
		}
		p = to
	}
}

// isSpecialPath is a path under /dev or /proc: never replaced by a rename.
func isSpecialPath(p string) bool {
	a, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	return strings.HasPrefix(a, "/dev/") || strings.HasPrefix(a, "/proc/")
}

// writeDirect opens path for writing without creating or renaming it.
func writeDirect(path string, data []byte) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		// O_TRUNC is refused by some devices and pipes
		if fh, err = os.OpenFile(path, os.O_WRONLY, 0); err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
	}
	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the *PathError's own path (a temporary file's name) and
// keeps what went wrong.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// writeOutput writes a command's output file (flag names the flag that
// gave path, e.g. "-o"): "-" and a path that is this process's standard
// output go to IO.Out; a path that is an input of the command — the store,
// a file of the corpus, map, instruments or one of inputs (files or
// directories) — is refused as a usage error (exit 2) naming it, by file
// identity (os.SameFile), not by name; anything else goes through
// writeFileAtomic.
func (f *Factory) writeOutput(flag, path string, data []byte, inputs ...string) error {
	if path == "-" {
		return f.writeOut(data)
	}
	if fi, err := os.Stat(path); err == nil {
		if what := f.inputIdentity(fi, inputs); what != "" {
			return usageErrorf("%s %s: is %s, refusing to overwrite an input; expected a new output path", flag, path, what)
		}
		if so, err := os.Stdout.Stat(); err == nil && os.SameFile(fi, so) {
			return f.writeOut(data)
		}
	}
	return writeFileAtomic(path, data)
}

// writeOut writes data to standard output; a failed write (a full disk, a
// closed pipe) is an error.
func (f *Factory) writeOut(data []byte) error {
	if _, err := f.IO.Out.Write(data); err != nil {
		return fmt.Errorf("write standard output: %w", unwrapPath(err))
	}
	return nil
}

// inputIdentity names the input fi is the same file as ("the store X",
// "input X"), or "". The files of the corpus, map and instruments
// directories are listed once per process (by size, then os.SameFile), so
// brief --all checking hundreds of outputs walks them once; inputs
// (overrides files, a templates directory) are few and walked each time.
func (f *Factory) inputIdentity(fi fs.FileInfo, inputs []string) string {
	if !fi.Mode().IsRegular() {
		return ""
	}
	if db, err := dbPath(f); err == nil {
		for _, p := range []string{db, db + "-wal", db + "-shm", db + "-journal"} {
			if st, err := os.Stat(p); err == nil && os.SameFile(fi, st) {
				return "the store " + db
			}
		}
	}
	f.inputsOnce.Do(func() {
		g := f.Global
		f.inputFiles = listFiles([]string{g.Corpus, g.Mapping, g.MappingExtra, g.Instruments})
	})
	if p := sameIn(f.inputFiles, fi); p != "" {
		return "input " + p
	}
	if p := sameIn(listFiles(inputs), fi); p != "" {
		return "input " + p
	}
	return ""
}

// fileEntry is a regular file found under an input root.
type fileEntry struct {
	path string
	info fs.FileInfo
}

// listFiles lists the regular files under roots (files or directories),
// keyed by size.
func listFiles(roots []string) map[int64][]fileEntry {
	out := map[int64][]fileEntry{}
	for _, root := range roots {
		if root == "" {
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				out[st.Size()] = append(out[st.Size()], fileEntry{p, st})
			}
			return nil
		})
	}
	return out
}

// sameIn returns the path of the file in files that is fi, or "".
func sameIn(files map[int64][]fileEntry, fi fs.FileInfo) string {
	for _, e := range files[fi.Size()] {
		if os.SameFile(fi, e.info) {
			return e.path
		}
	}
	return ""
}

// csvWriter is encoding/csv's writer with spreadsheet formula injection
// defused: a cell that starts with '=', '+', '-', '@', a tab or a carriage
// return (and is not a number) gets a leading apostrophe, as OWASP's CSV
// injection guidance recommends, so a spreadsheet shows it as text rather
// than running it. Every CSV a command writes goes through it.
type csvWriter struct{ *csv.Writer }

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{csv.NewWriter(w)} }

// Write writes one record, defusing formula cells.
func (c *csvWriter) Write(record []string) error {
	out := record
	for i, cell := range record {
		if q := csvSafe(cell); q != cell {
			if &out[0] == &record[0] {
				out = append([]string(nil), record...)
			}
			out[i] = q
		}
	}
	return c.Writer.Write(out)
}

// WriteAll writes records and flushes.
func (c *csvWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := c.Write(r); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

func csvSafe(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(cell, 64); err == nil {
			return cell // a number is never a formula
		}
		return "'" + cell
	}
	return cell
}
