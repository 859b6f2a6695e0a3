package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Repo is a git repository opened for reading.
type Repo struct {
	// Name is the repository as the caller named it (a directory or a
	// bundle file), for messages and provenance.
	Name   string
	gitDir string
	tmp    string // a temporary clone of a bundle, removed by Close
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

// ErrNoGit is returned by Open when the git program is not on PATH.
var ErrNoGit = errors.New("reading a git history needs the git program, which is not on PATH; install git (https://git-scm.com) or give the versions as separate files")

// Open opens a repository: a directory inside a work tree, a bare
// repository, or a bundle file (cloned into a temporary directory; call
// Close). It never fetches from a network.
func Open(ctx context.Context, name string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	info, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("git repository %s: %w", name, err)
	}
	r := &Repo{Name: name}
	if info.Mode().IsRegular() {
		tmp, err := os.MkdirTemp("", "lacuna-git-")
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(tmp, "repo.git")
		abs, err := filepath.Abs(name)
		if err != nil {
			os.RemoveAll(tmp)
			return nil, err
		}
		if _, err := run(ctx, "", "clone", "--bare", "--quiet", "--no-hardlinks", abs, dst); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("%s is neither a git repository directory nor a git bundle: %w", name, err)
		}
		r.gitDir, r.tmp = dst, tmp
		return r, nil
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is neither a directory nor a file, expected a git repository or a git bundle", name)
	}
	out, err := run(ctx, "", "-C", name, "rev-parse", "--absolute-git-dir")
	if err != nil {
		return nil, fmt.Errorf("%s is not a git repository, expected a directory with a .git or a git bundle: %w", name, err)
	}
	r.gitDir = strings.TrimSpace(string(out))
	return r, nil
}

// Close removes the temporary clone of a bundle.
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

// Log returns the commits reachable from HEAD that touched file, oldest
// first. The oldest is marked Bootstrap; a commit that removed the file is
// marked Deleted.
func (r *Repo) Log(ctx context.Context, file string) ([]Commit, error) {
	if err := CheckPath(file); err != nil {
		return nil, err
	}
	out, err := r.git(ctx, "log", "--reverse", "--no-renames", "--format=%x1e%H%x1f%as%x1f%s", "--name-status", "HEAD", "--", file)
	if err != nil {
		return nil, err
	}
	var cs []Commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		rec = strings.TrimSpace(rec)
		if rec == "" {
			continue
		}
		head, rest, _ := strings.Cut(rec, "\n")
		f := strings.Split(head, "\x1f")
		if len(f) != 3 {
			return nil, fmt.Errorf("git log: unexpected line %q", head)
		}
		c := Commit{Hash: f[0], Date: f[1], Subject: f[2], Path: file}
		for _, l := range strings.Split(rest, "\n") {
			if st, p, ok := strings.Cut(strings.TrimSpace(l), "\t"); ok && p == file && strings.HasPrefix(st, "D") {
				c.Deleted = true
			}
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("no commit of %s touches %s, expected the path of a file in the repository", r.Name, file)
	}
	cs[0].Bootstrap = true
	return cs, nil
}

// Read returns file as commit left it.
func (r *Repo) Read(ctx context.Context, commit, file string) ([]byte, error) {
	if err := CheckPath(file); err != nil {
		return nil, err
	}
	if strings.HasPrefix(commit, "-") {
		return nil, fmt.Errorf("commit %q is not a commit name", commit)
	}
	return r.git(ctx, "cat-file", "blob", commit+":"+file)
}

// Origin is where the repository came from, for provenance: the URL of
// its "origin" remote without any user name or password in it, or "" when
// it has none (a bundle or a repository made locally).
func (r *Repo) Origin(ctx context.Context) string {
	if r.tmp != "" {
		return "" // a clone of a bundle: its origin is the bundle file
	}
	out, err := r.git(ctx, "config", "--get", "remote.origin.url")
	if err != nil {
		return ""
	}
	u := strings.TrimSpace(string(out))
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

// Resolve returns the full hash of a commit name (a hash prefix, a branch).
func (r *Repo) Resolve(ctx context.Context, name string) (string, error) {
	if strings.HasPrefix(name, "-") {
		return "", fmt.Errorf("commit %q is not a commit name", name)
	}
	out, err := r.git(ctx, "rev-parse", "--verify", "--quiet", name+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%s has no commit %q", r.Name, name)
	}
	return strings.TrimSpace(string(out)), nil
}

func (r *Repo) git(ctx context.Context, args ...string) ([]byte, error) {
	return run(ctx, r.gitDir, args...)
}

// run runs git with a clean, non-interactive environment: no pager, no
// prompts, no system or global configuration that could change output.
func run(ctx context.Context, gitDir string, args ...string) ([]byte, error) {
	full := []string{"-c", "core.quotepath=off", "-c", "log.showSignature=false"}
	if gitDir != "" {
		full = append(full, "--git-dir", gitDir)
	}
	full = append(full, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.Bytes(), nil
}
