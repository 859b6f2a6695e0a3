package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Repo is a git repository opened for reading.
type Repo struct {
	// Name is the repository as the caller named it (a directory or a
	// bundle file), for messages and provenance.
	Name string
	// Limit, when positive, is the largest file Read returns, in bytes;
	// a larger one is a *TooLargeError, found before it is read.
	Limit int64
	st    *filesystem.Storage
	tmp   string // the unpacked objects of a bundle, removed by Close
}

// TooLargeError is Read's error for a file past Repo.Limit.
type TooLargeError struct {
	Commit, Path string
	Size, Limit  int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s in commit %s is %d bytes, larger than the limit of %d bytes", e.Path, short(e.Commit), e.Size, e.Limit)
}

// Commit is one commit that touched a file.
type Commit struct {
	Hash    string `json:"commit"`
	Date    string `json:"date"` // author date, YYYY-MM-DD in the author's time zone
	Subject string `json:"subject"`
	Path    string `json:"path"`
	// Bootstrap is true for the oldest commit of the file: the text as the
	// repository first recorded it, not a reform.
	Bootstrap bool `json:"bootstrap,omitempty"`
	// Deleted is true when the commit removed the file.
	Deleted bool `json:"deleted,omitempty"`
}

// Short is the abbreviated commit hash.
func (c Commit) Short() string {
	if len(c.Hash) > 8 {
		return c.Hash[:8]
	}
	return c.Hash
}

// Open opens a repository: a directory inside a work tree (a linked work
// tree too), a bare repository, or a bundle file (unpacked into a
// temporary directory; call Close). It never fetches from a network and
// needs no git program.
func Open(ctx context.Context, name string) (*Repo, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	info, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("git repository %s: %w", name, err)
	}
	if info.Mode().IsRegular() {
		return openBundle(name)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is neither a directory nor a file, expected a git repository or a git bundle", name)
	}
	dot, err := findGitDir(name)
	if err != nil {
		return nil, err
	}
	var fs billy.Filesystem = osfs.New(dot)
	// A linked work tree's git directory holds its HEAD; the objects and
	// the other references are in the common directory it names.
	if b, err := os.ReadFile(filepath.Join(dot, "commondir")); err == nil {
		common := strings.TrimSpace(string(b))
		if !filepath.IsAbs(common) {
			common = filepath.Join(dot, common)
		}
		fs = dotgit.NewRepositoryFilesystem(fs, osfs.New(common))
	}
	st := filesystem.NewStorage(fs, cache.NewObjectLRUDefault())
	cfg, err := st.Config()
	if err != nil {
		return nil, fmt.Errorf("%s: the repository's configuration cannot be read: %w", name, err)
	}
	of := ""
	if cfg.Raw != nil {
		of = strings.ToLower(cfg.Raw.Section("extensions").Option("objectformat"))
	}
	switch v := cfg.Core.RepositoryFormatVersion; {
	case v != "" && v != "0" && v != "1":
		return nil, fmt.Errorf("%s: repository format version %s is not supported, expected 0 or 1", name, v)
	case of != "" && of != "sha1":
		return nil, fmt.Errorf("%s: a repository of %s object names is not supported, expected SHA-1", name, of)
	}
	return &Repo{Name: name, st: st}, nil
}

// findGitDir finds the git directory of a directory or of its nearest
// parent that has one, as git does: DIR/.git (a directory, or a file
// "gitdir: PATH" in a linked work tree or a submodule), or DIR itself when
// it is a bare repository.
func findGitDir(name string) (string, error) {
	d, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	for {
		g := filepath.Join(d, ".git")
		if fi, err := os.Stat(g); err == nil {
			if fi.IsDir() {
				return g, nil
			}
			b, err := os.ReadFile(g)
			if err != nil {
				return "", fmt.Errorf("%s: %w", g, err)
			}
			line, _, _ := strings.Cut(string(b), "\n")
			p, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
			if !ok {
				return "", fmt.Errorf("%s:1: expected \"gitdir: PATH\", the git directory of a linked work tree", g)
			}
			p = strings.TrimSpace(p)
			if !filepath.IsAbs(p) {
				p = filepath.Join(d, p)
			}
			return p, nil
		}
		if isBare(d) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("%s is not a git repository, expected a directory with a .git or a git bundle", name)
		}
		d = parent
	}
}

// isBare reports whether d looks like a git directory: HEAD, objects and
// refs.
func isBare(d string) bool {
	for _, n := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(d, n)); err != nil {
			return false
		}
	}
	return true
}

// openBundle reads a git bundle: a header ("# v2 git bundle" or "# v3 git
// bundle", v3 capabilities, then one "HASH REFNAME" line per reference and
// an empty line) followed by a packfile, which is unpacked into a
// temporary bare repository.
func openBundle(name string) (r *Repo, err error) {
	notBundle := func(why string) error {
		return fmt.Errorf("%s is neither a git repository directory nor a git bundle (%s)", name, why)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("git bundle %s: %w", name, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("git bundle %s: %w", name, err)
	}
	br := bufio.NewReader(f)
	var packAt int64 // where the packfile begins
	line := func() (string, error) {
		l, err := br.ReadString('\n')
		if err != nil {
			return "", notBundle("its header ends early, expected references then an empty line")
		}
		packAt += int64(len(l))
		return strings.TrimSuffix(l, "\n"), nil
	}
	sig, err := line()
	if err != nil {
		return nil, err
	}
	if sig != "# v2 git bundle" && sig != "# v3 git bundle" {
		return nil, notBundle(`its first line is not "# v2 git bundle" or "# v3 git bundle"`)
	}
	type ref struct{ hash, name string }
	var refs []ref
	for n := 2; ; n++ {
		l, err := line()
		if err != nil {
			return nil, err
		}
		switch {
		case l == "":
		case strings.HasPrefix(l, "@"):
			if sig == "# v3 git bundle" && (l == "@object-format=sha1" || strings.HasPrefix(l, "@object-format=sha1 ")) {
				continue
			}
			return nil, fmt.Errorf("%s:%d: bundle capability %q is not supported, expected a SHA-1 bundle of whole objects (git bundle create FILE --all)", name, n, l)
		case strings.HasPrefix(l, "-"):
			return nil, fmt.Errorf("%s:%d: the bundle is incremental: it needs commit %s, which it does not hold; expected a whole bundle (git bundle create FILE --all)", name, n, strings.Fields(l[1:] + " ?")[0])
		default:
			h, rn, ok := strings.Cut(l, " ")
			if !ok || len(h) != 40 || !plumbing.IsHash(h) || rn == "" {
				return nil, fmt.Errorf("%s:%d: %q is not a bundle reference, expected a 40-hex commit hash, a space and a reference name", name, n, l)
			}
			refs = append(refs, ref{h, rn})
			continue
		}
		break
	}
	if len(refs) == 0 {
		return nil, notBundle("it names no reference")
	}
	// The packfile's header gives its number of objects, which the
	// unpacker allocates for: refuse one that the file cannot hold (each
	// object takes at least a type byte and a compressed stream).
	hdr, err := br.Peek(12)
	if err != nil || string(hdr[:4]) != "PACK" {
		return nil, notBundle("no packfile after its references")
	}
	if v := binary.BigEndian.Uint32(hdr[4:8]); v != 2 && v != 3 {
		return nil, notBundle(fmt.Sprintf("packfile version %d, expected 2 or 3", v))
	}
	if n := int64(binary.BigEndian.Uint32(hdr[8:12])); n*3 > info.Size() {
		return nil, notBundle(fmt.Sprintf("its packfile claims %d objects, more than its %d bytes can hold", n, info.Size()))
	}
	if err := checkPackSizes(io.NewSectionReader(f, packAt, info.Size()-packAt)); err != nil {
		return nil, notBundle(err.Error())
	}
	tmp, err := os.MkdirTemp("", "lacuna-git-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	st := filesystem.NewStorage(osfs.New(filepath.Join(tmp, "repo.git")), cache.NewObjectLRUDefault())
	if err := packfile.UpdateObjectStorage(st, io.NewSectionReader(f, packAt, info.Size()-packAt)); err != nil {
		return nil, notBundle("its packfile cannot be read: " + err.Error())
	}
	// HEAD: the bundle's own HEAD line, else its main or master branch,
	// else its first reference.
	head, best := refs[0].hash, 3
	rank := map[string]int{"HEAD": 0, "refs/heads/main": 1, "refs/heads/master": 2}
	for _, rf := range refs {
		if rk, ok := rank[rf.name]; ok && rk < best {
			head, best = rf.hash, rk
		}
		if strings.HasPrefix(rf.name, "refs/") {
			if err := st.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(rf.name), plumbing.NewHash(rf.hash))); err != nil {
				return nil, err
			}
		}
	}
	if err := st.SetReference(plumbing.NewHashReference(plumbing.HEAD, plumbing.NewHash(head))); err != nil {
		return nil, err
	}
	if _, err := object.GetCommit(st, plumbing.NewHash(head)); err != nil {
		return nil, notBundle(fmt.Sprintf("its head %s is not a commit it holds", head))
	}
	return &Repo{Name: name, st: st, tmp: tmp}, nil
}

// MaxObjectSize is the largest object a bundle's packfile may hold, in
// bytes, as stored or as a delta makes it: unpacking holds an object in
// memory, and a few kilobytes of compressed zeros can declare gigabytes.
var MaxObjectSize int64 = 256 << 20

// checkPackSizes reads a packfile's object headers, and the sizes a delta
// declares, without keeping any object: every object must be at most
// MaxObjectSize bytes.
func checkPackSizes(r io.Reader) error {
	sc := packfile.NewScanner(r)
	_, n, err := sc.Header()
	if err != nil {
		return fmt.Errorf("its packfile header cannot be read: %w", err)
	}
	for i := uint32(0); i < n; i++ {
		h, err := sc.NextObjectHeader()
		if err != nil {
			return fmt.Errorf("object %d of its packfile cannot be read: %w", i+1, err)
		}
		size := h.Length
		w := &deltaHead{}
		if _, _, err := sc.NextObject(w); err != nil && size <= MaxObjectSize {
			return fmt.Errorf("object %d of its packfile cannot be read: %w", i+1, err)
		}
		if h.Type.IsDelta() {
			// a delta begins with the sizes of its base and of its result
			_, rest := leb128(w.b[:w.n])
			if t, _ := leb128(rest); int64(t) > size {
				size = int64(t)
			}
		}
		if size > MaxObjectSize {
			return fmt.Errorf("object %d of its packfile is %d bytes, larger than the limit of %d bytes", i+1, size, MaxObjectSize)
		}
	}
	return nil
}

// deltaHead keeps the first bytes written to it and discards the rest.
type deltaHead struct {
	b [20]byte
	n int
}

func (d *deltaHead) Write(p []byte) (int, error) {
	d.n += copy(d.b[d.n:], p)
	return len(p), nil
}

// leb128 decodes git's little-endian base-128 size at the start of b.
func leb128(b []byte) (uint64, []byte) {
	var v uint64
	for i, c := range b {
		if i < 10 {
			v |= uint64(c&0x7f) << (7 * i)
		}
		if c&0x80 == 0 {
			return v, b[i+1:]
		}
	}
	return v, nil
}

// Close removes the unpacked objects of a bundle.
func (r *Repo) Close() error {
	if r == nil || r.tmp == "" {
		return nil
	}
	err := os.RemoveAll(r.tmp)
	r.tmp = ""
	return err
}

// CheckPath rejects a path that is not a clean path inside the repository.
func CheckPath(p string) error {
	switch {
	case p == "":
		return errors.New("empty path, expected a file path inside the repository such as li/LGBl-1988-037.md")
	case strings.HasPrefix(p, "/") || strings.HasPrefix(p, "-") || strings.Contains(p, "\\"):
		return fmt.Errorf("path %q is not relative to the repository, expected e.g. li/LGBl-1988-037.md", p)
	case path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../"):
		return fmt.Errorf("path %q is not a clean path inside the repository, expected e.g. li/LGBl-1988-037.md", p)
	}
	return nil
}

// head is the commit HEAD names.
func (r *Repo) head() (*object.Commit, error) {
	ref, err := storer.ResolveReference(r.st, plumbing.HEAD)
	if err != nil {
		return nil, fmt.Errorf("%s has no commit on HEAD: %w", r.Name, err)
	}
	c, err := object.GetCommit(r.st, ref.Hash())
	if err != nil {
		return nil, fmt.Errorf("%s: HEAD names %s, which is not a commit it holds: %w", r.Name, ref.Hash(), err)
	}
	return c, nil
}

// Log returns the commits reachable from HEAD that touched file, oldest
// first, as "git log --reverse -- file" lists them: a commit whose file
// equals its parent's is left out, and through a merge whose file equals
// one parent's only that parent's history is followed (git's history
// simplification); the order puts every commit after its parents. The
// oldest is marked Bootstrap; a commit that removed the file is marked
// Deleted.
func (r *Repo) Log(ctx context.Context, file string) ([]Commit, error) {
	if err := CheckPath(file); err != nil {
		return nil, err
	}
	head, err := r.head()
	if err != nil {
		return nil, err
	}
	// entry is the object at file in a commit's tree (zero when absent).
	entries := map[plumbing.Hash]plumbing.Hash{}
	entry := func(c *object.Commit) (plumbing.Hash, error) {
		if h, ok := entries[c.Hash]; ok {
			return h, nil
		}
		t, err := c.Tree()
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("%s: commit %s: %w", r.Name, c.Hash, err)
		}
		var h plumbing.Hash
		switch e, err := t.FindEntry(file); {
		case err == nil:
			h = e.Hash
		case errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound):
		default:
			return plumbing.ZeroHash, fmt.Errorf("%s: commit %s: %w", r.Name, c.Hash, err)
		}
		entries[c.Hash] = h
		return h, nil
	}
	type frame struct {
		c        *object.Commit
		expanded bool
	}
	type plan struct {
		show   bool
		follow []*object.Commit
	}
	plans := map[plumbing.Hash]plan{}
	var order []*object.Commit
	stack := []frame{{c: head}}
	for len(stack) > 0 {
		if len(order)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		fr := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if fr.expanded {
			if plans[fr.c.Hash].show {
				order = append(order, fr.c)
			}
			continue
		}
		if _, seen := plans[fr.c.Hash]; seen {
			continue
		}
		mine, err := entry(fr.c)
		if err != nil {
			return nil, err
		}
		var parents []*object.Commit
		if err := fr.c.Parents().ForEach(func(p *object.Commit) error { parents = append(parents, p); return nil }); err != nil {
			return nil, fmt.Errorf("%s: the parents of commit %s: %w", r.Name, fr.c.Hash, err)
		}
		p := plan{follow: parents}
		treesame := false
		for _, par := range parents {
			theirs, err := entry(par)
			if err != nil {
				return nil, err
			}
			if theirs == mine { // the same file: this commit did not touch it
				p.follow, treesame = []*object.Commit{par}, true
				break
			}
		}
		// A root commit that has the file added it; any other commit is
		// shown when its file differs from every parent's.
		p.show = len(parents) == 0 && !mine.IsZero() || len(parents) > 0 && !treesame
		plans[fr.c.Hash] = p
		stack = append(stack, frame{c: fr.c, expanded: true})
		for i := len(p.follow) - 1; i >= 0; i-- {
			if _, seen := plans[p.follow[i].Hash]; !seen {
				stack = append(stack, frame{c: p.follow[i]})
			}
		}
	}
	var cs []Commit
	for _, c := range order {
		cs = append(cs, Commit{Hash: c.Hash.String(), Date: c.Author.When.Format("2006-01-02"), Subject: subject(c.Message),
			Path: file, Deleted: entries[c.Hash].IsZero()})
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("no commit of %s touches %s, expected the path of a file in the repository", r.Name, file)
	}
	cs[0].Bootstrap = true
	return cs, nil
}

// subject is a commit message's title as git prints it (%s): its first
// paragraph, lines joined by spaces.
func subject(msg string) string {
	var parts []string
	for _, l := range strings.Split(strings.TrimLeft(msg, "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			break
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, " ")
}

// Read returns file as commit left it.
func (r *Repo) Read(ctx context.Context, commit, file string) ([]byte, error) {
	if err := CheckPath(file); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	h, err := r.Resolve(ctx, commit)
	if err != nil {
		return nil, err
	}
	c, err := object.GetCommit(r.st, plumbing.NewHash(h))
	if err != nil {
		return nil, fmt.Errorf("%s: commit %s: %w", r.Name, h, err)
	}
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("%s: commit %s: %w", r.Name, h, err)
	}
	e, err := t.FindEntry(file)
	if err != nil {
		return nil, fmt.Errorf("%s: commit %s has no file %s", r.Name, short(h), file)
	}
	if !e.Mode.IsFile() || e.Mode == filemode.Symlink {
		return nil, fmt.Errorf("%s: %s in commit %s is not a file, expected the path of a statute file", r.Name, file, short(h))
	}
	b, err := object.GetBlob(r.st, e.Hash)
	if err != nil {
		return nil, fmt.Errorf("%s: %s in commit %s: %w", r.Name, file, short(h), err)
	}
	if r.Limit > 0 && b.Size > r.Limit {
		return nil, &TooLargeError{Commit: h, Path: file, Size: b.Size, Limit: r.Limit}
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, fmt.Errorf("%s: %s in commit %s: %w", r.Name, file, short(h), err)
	}
	defer rd.Close()
	var buf bytes.Buffer
	buf.Grow(int(b.Size))
	if _, err := io.Copy(&buf, rd); err != nil {
		return nil, fmt.Errorf("%s: %s in commit %s: %w", r.Name, file, short(h), err)
	}
	return buf.Bytes(), nil
}

// Origin is where the repository came from, for provenance: the URL of
// its "origin" remote without any user name or password in it, or "" when
// it has none (a bundle or a repository made locally).
func (r *Repo) Origin(ctx context.Context) string {
	if r.tmp != "" {
		return "" // a bundle: its origin is the bundle file
	}
	cfg, err := r.st.Config()
	if err != nil {
		return ""
	}
	rm := cfg.Remotes["origin"]
	if rm == nil || len(rm.URLs) == 0 {
		return ""
	}
	u := strings.TrimSpace(rm.URLs[0])
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		host := rest
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			host = rest[:j]
		}
		if k := strings.LastIndexByte(host, '@'); k >= 0 {
			u = u[:i+3] + rest[k+1:]
		}
	}
	return u
}

// Resolve returns the full hash of a commit name: a full or abbreviated
// (at least 4 hex digits, unambiguous) hash, or a reference (HEAD, a
// branch, a tag).
func (r *Repo) Resolve(ctx context.Context, name string) (string, error) {
	if name == "" || strings.HasPrefix(name, "-") {
		return "", fmt.Errorf("commit %q is not a commit name", name)
	}
	commit := func(h plumbing.Hash) (string, error) {
		if t, err := object.GetTag(r.st, h); err == nil { // an annotated tag
			c, err := t.Commit()
			if err != nil {
				return "", fmt.Errorf("%s: tag %q names no commit", r.Name, name)
			}
			return c.Hash.String(), nil
		}
		if _, err := object.GetCommit(r.st, h); err != nil {
			return "", fmt.Errorf("%s has no commit %q", r.Name, name)
		}
		return h.String(), nil
	}
	if len(name) == 40 && plumbing.IsHash(name) {
		return commit(plumbing.NewHash(name))
	}
	for _, rn := range []string{name, "refs/" + name, "refs/tags/" + name, "refs/heads/" + name, "refs/remotes/" + name} {
		if ref, err := storer.ResolveReference(r.st, plumbing.ReferenceName(rn)); err == nil {
			return commit(ref.Hash())
		}
	}
	if len(name) >= 4 && plumbing.IsHash(name+strings.Repeat("0", 40-len(name))) {
		prefix := strings.ToLower(name)
		var found []plumbing.Hash
		iter, err := r.st.IterEncodedObjects(plumbing.CommitObject)
		if err != nil {
			return "", fmt.Errorf("%s: %w", r.Name, err)
		}
		err = iter.ForEach(func(o plumbing.EncodedObject) error {
			if strings.HasPrefix(o.Hash().String(), prefix) {
				found = append(found, o.Hash())
			}
			return ctx.Err()
		})
		if err != nil {
			return "", err
		}
		switch len(found) {
		case 1:
			return found[0].String(), nil
		case 0:
		default:
			return "", fmt.Errorf("%s: commit name %q is ambiguous (%d commits begin with it), expected more digits", r.Name, name, len(found))
		}
	}
	return "", fmt.Errorf("%s has no commit %q", r.Name, name)
}

func short(h string) string {
	if len(h) > 8 {
		return h[:8]
	}
	return h
}
