package gitrepo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitT runs git in dir with fixed identities and the given author date.
func gitT(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org",
		"GIT_AUTHOR_DATE="+date+"T00:00:00+00:00", "GIT_COMMITTER_DATE=2030-01-01T00:00:00+00:00")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// makeRepo builds a repository: law.md in three versions, other.md once,
// law.md removed at the end.
func makeRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	gitT(t, dir, "2020-01-01", "init", "-q", "-b", "main")
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("xx/law.md", "v1\n")
	gitT(t, dir, "2010-01-01", "add", ".")
	gitT(t, dir, "2010-01-01", "commit", "-q", "-m", "bootstrap")
	write("xx/other.md", "other\n")
	gitT(t, dir, "2011-05-01", "add", ".")
	gitT(t, dir, "2011-05-01", "commit", "-q", "-m", "other law")
	write("xx/law.md", "v2\n")
	gitT(t, dir, "2012-07-01", "commit", "-q", "-am", "reform 1")
	write("xx/law.md", "v3\n")
	gitT(t, dir, "2015-03-01", "commit", "-q", "-am", "reform 2")
	gitT(t, dir, "2016-01-01", "rm", "-q", "xx/law.md")
	gitT(t, dir, "2016-01-01", "commit", "-q", "-m", "repeal")
	return dir
}

func TestLogAndRead(t *testing.T) {
	dir := makeRepo(t)
	ctx := context.Background()
	for _, src := range []string{"dir", "subdir", "bundle"} {
		t.Run(src, func(t *testing.T) {
			name := dir
			switch src {
			case "subdir":
				name = filepath.Join(dir, "xx")
			case "bundle":
				name = filepath.Join(t.TempDir(), "r.bundle")
				gitT(t, dir, "2020-01-01", "bundle", "create", "-q", name, "--all")
			}
			r, err := Open(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				tmp := r.tmp
				if err := r.Close(); err != nil {
					t.Error(err)
				}
				if tmp != "" {
					if _, err := os.Stat(tmp); !os.IsNotExist(err) {
						t.Errorf("Close left %s", tmp)
					}
				}
			}()
			cs, err := r.Log(ctx, "xx/law.md")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				s := c.Date + " " + c.Subject
				if c.Bootstrap {
					s += " (bootstrap)"
				}
				if c.Deleted {
					s += " (deleted)"
				}
				got = append(got, s)
			}
			want := "2010-01-01 bootstrap (bootstrap)|2012-07-01 reform 1|2015-03-01 reform 2|2016-01-01 repeal (deleted)"
			if strings.Join(got, "|") != want {
				t.Errorf("log = %s\nwant  %s", strings.Join(got, "|"), want)
			}
			b, err := r.Read(ctx, cs[1].Hash, "xx/law.md")
			if err != nil || string(b) != "v2\n" {
				t.Errorf("Read reform 1 = %q, %v", b, err)
			}
			if _, err := r.Read(ctx, cs[3].Hash, "xx/law.md"); err == nil {
				t.Errorf("Read of a deleted file must fail")
			}
			full, err := r.Resolve(ctx, cs[2].Short())
			if err != nil || full != cs[2].Hash {
				t.Errorf("Resolve(%s) = %s, %v", cs[2].Short(), full, err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	dir := makeRepo(t)
	ctx := context.Background()
	r, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"", "/etc/passwd", "../x.md", "xx/../law.md", "-p", `xx\law.md`} {
		if _, err := r.Log(ctx, p); err == nil {
			t.Errorf("Log(%q) must fail", p)
		}
	}
	if _, err := r.Log(ctx, "xx/none.md"); err == nil || !strings.Contains(err.Error(), "no commit of") {
		t.Errorf("Log of an unknown file = %v", err)
	}
	if _, err := r.Resolve(ctx, "nosuchbranch"); err == nil {
		t.Errorf("Resolve of an unknown name must fail")
	}
	plain := t.TempDir()
	if _, err := Open(ctx, plain); err == nil || !strings.Contains(err.Error(), "is not a git repository") {
		t.Errorf("Open of a plain directory = %v", err)
	}
	junk := filepath.Join(plain, "junk.bundle")
	os.WriteFile(junk, []byte("not a bundle"), 0o644)
	if _, err := Open(ctx, junk); err == nil || !strings.Contains(err.Error(), "neither a git repository directory nor a git bundle") {
		t.Errorf("Open of a junk file = %v", err)
	}
	if _, err := Open(ctx, filepath.Join(plain, "missing")); err == nil {
		t.Errorf("Open of a missing path must fail")
	}
}

func TestOrigin(t *testing.T) {
	dir := makeRepo(t)
	ctx := context.Background()
	r, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if o := r.Origin(ctx); o != "" {
		t.Errorf("a repository without remote has origin %q", o)
	}
	gitT(t, dir, "2020-01-01", "remote", "add", "origin", "https://user:secret@example.org/legalize-xx.git")
	if o := r.Origin(ctx); o != "https://example.org/legalize-xx.git" {
		t.Errorf("origin = %q, want the URL without its credentials", o)
	}
}

func TestNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Open(context.Background(), "."); err != ErrNoGit {
		t.Errorf("Open without git = %v, want ErrNoGit", err)
	}
}
