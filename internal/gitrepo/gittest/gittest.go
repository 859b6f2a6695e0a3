// Package gittest builds small git repositories and bundles for tests,
// with go-git, so that tests of git histories run where no git program is
// installed. Each commit has a fixed author and the author date the test
// gives (the date legislation repositories use as a version date) and a
// fixed committer date.
package gittest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Init makes an empty repository with a work tree in dir (a new
// temporary directory when dir is "") and returns dir.
func Init(t testing.TB, dir string) string {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	if _, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}}); err != nil {
		t.Fatalf("init %s: %v", dir, err)
	}
	return dir
}

// Commit writes files (path → text) into the work
// tree of dir and commits them with author date date (YYYY-MM-DD, noon
// UTC) and message msg. It returns the commit hash.
func Commit(t testing.TB, dir, date, msg string, files map[string]string) string {
	t.Helper()
	r, w := open(t, dir)
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Add(name); err != nil {
			t.Fatalf("add %s: %v", name, err)
		}
	}
	return commit(t, r, w, date, msg)
}

// Remove removes files from the work tree of dir and commits the removal.
func Remove(t testing.TB, dir, date, msg string, names ...string) string {
	t.Helper()
	r, w := open(t, dir)
	for _, name := range names {
		if _, err := w.Remove(name); err != nil {
			t.Fatalf("remove %s: %v", name, err)
		}
	}
	return commit(t, r, w, date, msg)
}

// SetOrigin sets the URL of the repository's "origin" remote.
func SetOrigin(t testing.TB, dir, url string) {
	t.Helper()
	r, _ := open(t, dir)
	_ = r.DeleteRemote("origin") // replaced when there is one
	if _, err := r.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{url}}); err != nil {
		t.Fatal(err)
	}
}

// Bundle writes every object of the repository in dir, with its HEAD and
// its main branch, as a git bundle (v2) at path.
func Bundle(t testing.TB, dir, path string) {
	t.Helper()
	r, _ := open(t, dir)
	head, err := r.Head()
	if err != nil {
		t.Fatal(err)
	}
	var hashes []plumbing.Hash
	iter, err := r.Storer.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		t.Fatal(err)
	}
	if err := iter.ForEach(func(o plumbing.EncodedObject) error { hashes = append(hashes, o.Hash()); return nil }); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString("# v2 git bundle\n" + head.Hash().String() + " refs/heads/main\n" + head.Hash().String() + " HEAD\n\n")
	if _, err := packfile.NewEncoder(&buf, r.Storer, false).Encode(hashes, 10); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func open(t testing.TB, dir string) (*git.Repository, *git.Worktree) {
	t.Helper()
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	w, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return r, w
}

func commit(t testing.TB, r *git.Repository, w *git.Worktree, date, msg string) string {
	t.Helper()
	when, err := time.Parse("2006-01-02 15:04", date+" 12:00")
	if err != nil {
		t.Fatalf("commit date %q: %v", date, err)
	}
	h, err := w.Commit(msg, &git.CommitOptions{
		Author:            &object.Signature{Name: "T", Email: "t@example.org", When: when},
		Committer:         &object.Signature{Name: "T", Email: "t@example.org", When: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
		AllowEmptyCommits: true,
	})
	if err != nil {
		t.Fatalf("commit %q: %v", msg, err)
	}
	return h.String()
}
