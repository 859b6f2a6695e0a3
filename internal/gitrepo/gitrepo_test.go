package gitrepo

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha1"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lacuna-project/lacuna/internal/gitrepo/gittest"
)

// makeRepo builds a repository: law.md in three versions, other.md once,
// law.md removed at the end. It needs no git program.
func makeRepo(t *testing.T) string {
	t.Helper()
	dir := gittest.Init(t, "")
	gittest.Commit(t, dir, "2010-01-01", "bootstrap", map[string]string{"xx/law.md": "v1\n"})
	gittest.Commit(t, dir, "2011-05-01", "other law", map[string]string{"xx/other.md": "other\n"})
	gittest.Commit(t, dir, "2012-07-01", "reform 1\n\nThe long description.\n", map[string]string{"xx/law.md": "v2\n"})
	gittest.Commit(t, dir, "2015-03-01", "reform 2", map[string]string{"xx/law.md": "v3\n"})
	gittest.Remove(t, dir, "2016-01-01", "repeal", "xx/law.md")
	return dir
}

// checkLaw checks the history of xx/law.md in a repository made by
// makeRepo, opened from name.
func checkLaw(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
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
		t.Fatalf("log = %s\nwant  %s", strings.Join(got, "|"), want)
	}
	b, err := r.Read(ctx, cs[1].Hash, "xx/law.md")
	if err != nil || string(b) != "v2\n" {
		t.Errorf("Read reform 1 = %q, %v", b, err)
	}
	if _, err := r.Read(ctx, cs[3].Hash, "xx/law.md"); err == nil {
		t.Errorf("Read of a deleted file must fail")
	}
	if _, err := r.Read(ctx, cs[1].Hash, "xx"); err == nil || !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("Read of a directory = %v", err)
	}
	full, err := r.Resolve(ctx, cs[2].Short())
	if err != nil || full != cs[2].Hash {
		t.Errorf("Resolve(%s) = %s, %v", cs[2].Short(), full, err)
	}
	for _, n := range []string{"HEAD", "main", "refs/heads/main", cs[3].Hash} {
		if h, err := r.Resolve(ctx, n); err != nil || h != cs[3].Hash {
			t.Errorf("Resolve(%s) = %s, %v; want the last commit", n, h, err)
		}
	}
	if r.tmp != "" { // the unpacked bundle is a bare repository
		checkLaw(t, filepath.Join(r.tmp, "repo.git"))
	}
}

func TestLogAndRead(t *testing.T) {
	dir := makeRepo(t)
	for _, src := range []string{"dir", "subdir", "bundle"} {
		t.Run(src, func(t *testing.T) {
			name := dir
			switch src {
			case "subdir":
				name = filepath.Join(dir, "xx")
			case "bundle":
				name = filepath.Join(t.TempDir(), "r.bundle")
				gittest.Bundle(t, dir, name)
			}
			checkLaw(t, name)
		})
	}
}

// TestNoGitProgram: with PATH emptied (no git program to fall back on), a
// repository and a bundle built in a temporary directory are read.
func TestNoGitProgram(t *testing.T) {
	dir := makeRepo(t)
	bundle := filepath.Join(t.TempDir(), "r.bundle")
	gittest.Bundle(t, dir, bundle)
	t.Setenv("PATH", t.TempDir())
	if _, err := exec.LookPath("git"); err == nil {
		t.Fatal("git is still on PATH")
	}
	checkLaw(t, dir)
	checkLaw(t, bundle)
}

// gitT runs the git program in dir with fixed identities and the given
// author date; the test skips when git is not installed.
func gitT(t *testing.T, dir, date string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: nothing to compare with")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org",
		"GIT_AUTHOR_DATE="+date+"T00:00:00+02:00", "GIT_COMMITTER_DATE="+date+"T00:00:00+02:00")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// TestSameAsGit: where the git program is installed, Log lists what "git
// log --reverse -- FILE" lists on a history with branches and merges
// (a merge that keeps one side's file is no version of it; one that
// combines both is), and bundles and linked work trees made by git read.
func TestSameAsGit(t *testing.T) {
	dir := t.TempDir()
	gitT(t, dir, "2000-01-01", "init", "-q", "-b", "main")
	w := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, "law.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w("a\nb\nc\n")
	gitT(t, dir, "2001-01-01", "add", ".")
	gitT(t, dir, "2001-01-01", "commit", "-q", "-m", "one")
	gitT(t, dir, "2002-01-01", "checkout", "-q", "-b", "side")
	w("a\nb\nC\n")
	gitT(t, dir, "2002-01-01", "commit", "-q", "-am", "side edit")
	gitT(t, dir, "2003-01-01", "checkout", "-q", "main")
	w("A\nb\nc\n")
	gitT(t, dir, "2003-01-01", "commit", "-q", "-am", "main edit")
	gitT(t, dir, "2004-01-01", "merge", "-q", "--no-edit", "side")
	os.WriteFile(filepath.Join(dir, "x.md"), []byte("x\n"), 0o644)
	gitT(t, dir, "2005-01-01", "add", "x.md")
	gitT(t, dir, "2005-01-01", "commit", "-q", "-m", "unrelated")
	gitT(t, dir, "2006-01-01", "checkout", "-q", "-b", "side2")
	os.WriteFile(filepath.Join(dir, "y.md"), []byte("y\n"), 0o644)
	gitT(t, dir, "2006-01-01", "add", "y.md")
	gitT(t, dir, "2006-01-01", "commit", "-q", "-m", "side2 unrelated")
	gitT(t, dir, "2007-01-01", "checkout", "-q", "main")
	w("A\nB\nC\n")
	gitT(t, dir, "2007-01-01", "commit", "-q", "-am", "main edit 2")
	gitT(t, dir, "2008-01-01", "merge", "-q", "--no-edit", "side2")
	want := strings.TrimSpace(gitT(t, dir, "2009-01-01", "log", "--reverse", "--format=%H %as %s", "HEAD", "--", "law.md"))
	bundle := filepath.Join(t.TempDir(), "git.bundle")
	gitT(t, dir, "2009-01-01", "bundle", "create", "-q", bundle, "--all")
	linked := filepath.Join(t.TempDir(), "linked")
	gitT(t, dir, "2009-01-01", "worktree", "add", "-q", linked, "side2")
	for _, name := range []string{dir, bundle, linked} {
		r, err := Open(context.Background(), name)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := r.Log(context.Background(), "law.md")
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Hash+" "+c.Date+" "+c.Subject)
		}
		want := want
		if name == linked { // side2's HEAD: the history up to the first merge
			want = strings.TrimSpace(gitT(t, linked, "2009-01-01", "log", "--reverse", "--format=%H %as %s", "HEAD", "--", "law.md"))
		}
		// git lists the two branches' commits by date; Log puts each
		// commit after its parents: compare as sets, and check the order
		// keeps parents first.
		if g, w := sortedLines(got), sortedLines(strings.Split(want, "\n")); g != w {
			t.Errorf("%s:\n got %s\nwant %s", name, strings.Join(got, "\n"), want)
		}
		if len(got) == 0 || !strings.HasSuffix(got[0], " one") || name != linked && !strings.HasSuffix(got[len(got)-1], " main edit 2") {
			t.Errorf("%s: order %v", name, got)
		}
	}
}

func sortedLines(ls []string) string {
	c := append([]string(nil), ls...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return strings.Join(c, "\n")
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
	for _, name := range []string{"nosuchbranch", "-x", ""} {
		if _, err := r.Resolve(ctx, name); err == nil {
			t.Errorf("Resolve(%q) must fail", name)
		}
	}
	plain := t.TempDir()
	if _, err := Open(ctx, plain); err == nil || !strings.Contains(err.Error(), "is not a git repository") {
		t.Errorf("Open of a plain directory = %v", err)
	}
	good := filepath.Join(plain, "good.bundle")
	gittest.Bundle(t, dir, good)
	pack, _ := os.ReadFile(good)
	pack = pack[strings.Index(string(pack), "\n\nPACK")+2:]
	for name, content := range map[string]string{
		"junk":        "not a bundle",
		"empty":       "",
		"no refs":     "# v2 git bundle\n\n" + string(pack),
		"bad pack":    "# v2 git bundle\n" + strings.Repeat("a", 40) + " HEAD\n\nPACK\x00\x00\x00\x02junk",
		"missing ref": "# v2 git bundle\n" + strings.Repeat("a", 40) + " HEAD\n\n" + string(pack),
	} {
		p := filepath.Join(plain, strings.ReplaceAll(name, " ", "-")+".bundle")
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := Open(ctx, p); err == nil || !strings.Contains(err.Error(), "neither a git repository directory nor a git bundle") {
			t.Errorf("Open of a %s bundle = %v", name, err)
		}
	}
	for name, content := range map[string]string{
		"incremental": "# v2 git bundle\n-" + strings.Repeat("b", 40) + " base\n" + strings.Repeat("a", 40) + " HEAD\n\n" + string(pack),
		"sha256":      "# v3 git bundle\n@object-format=sha256\n" + strings.Repeat("a", 64) + " HEAD\n\n" + string(pack),
		"bad ref":     "# v2 git bundle\nzz HEAD\n\n" + string(pack),
	} {
		p := filepath.Join(plain, name+".bundle")
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := Open(ctx, p); err == nil || !strings.Contains(err.Error(), p+":2: ") {
			t.Errorf("Open of a %s bundle = %v, want an error positioned on line 2", name, err)
		}
	}
	// A .git file that names no git directory, and a repository of
	// SHA-256 object names, are refused with the reason.
	badLink := filepath.Join(t.TempDir(), "wt")
	os.MkdirAll(badLink, 0o755)
	os.WriteFile(filepath.Join(badLink, ".git"), []byte("junk\n"), 0o644)
	if _, err := Open(ctx, badLink); err == nil || !strings.Contains(err.Error(), `.git:1: expected "gitdir: PATH"`) {
		t.Errorf("Open of a bad .git file = %v", err)
	}
	sha256 := t.TempDir()
	for _, d := range []string{"objects", "refs"} {
		os.MkdirAll(filepath.Join(sha256, d), 0o755)
	}
	os.WriteFile(filepath.Join(sha256, "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.WriteFile(filepath.Join(sha256, "config"), []byte("[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n"), 0o644)
	if _, err := Open(ctx, sha256); err == nil || !strings.Contains(err.Error(), "sha256 object names is not supported") {
		t.Errorf("Open of a SHA-256 repository = %v", err)
	}
	if _, err := Open(ctx, filepath.Join(plain, "missing")); err == nil {
		t.Errorf("Open of a missing path must fail")
	}
	// A v3 bundle of SHA-1 objects reads.
	v3 := filepath.Join(plain, "v3.bundle")
	b, _ := os.ReadFile(good)
	os.WriteFile(v3, []byte(strings.Replace(string(b), "# v2 git bundle\n", "# v3 git bundle\n@object-format=sha1\n", 1)), 0o644)
	checkLaw(t, v3)
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
	gittest.SetOrigin(t, dir, "https://user:secret@example.org/legalize-xx.git")
	if o := r.Origin(ctx); o != "https://example.org/legalize-xx.git" {
		t.Errorf("origin = %q, want the URL without its credentials", o)
	}
}

// TestBundleObjectLimit: a bundle whose packfile holds an object past
// MaxObjectSize (here 2 MB of zeros, 2 KB compressed, against a 1 MB
// limit) is refused before anything is unpacked.
func TestBundleObjectLimit(t *testing.T) {
	dir := gittest.Init(t, "")
	gittest.Commit(t, dir, "2020-01-01", "big", map[string]string{"big.md": strings.Repeat("\x00", 2<<20)})
	bundle := filepath.Join(t.TempDir(), "big.bundle")
	gittest.Bundle(t, dir, bundle)
	defer func(n int64) { MaxObjectSize = n }(MaxObjectSize)
	MaxObjectSize = 1 << 20
	if _, err := Open(context.Background(), bundle); err == nil || !strings.Contains(err.Error(), "is 2097152 bytes, larger than the limit of 1048576 bytes") {
		t.Errorf("Open of a bundle with a 2 MB object = %v", err)
	}
	MaxObjectSize = 4 << 20
	r, err := Open(context.Background(), bundle)
	if err != nil {
		t.Fatalf("Open under a 4 MB limit: %v", err)
	}
	r.Close()
}

func TestLEB128(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want uint64
	}{{[]byte{0x05}, 5}, {[]byte{0x80, 0x01}, 128}, {[]byte{0xff, 0x7f, 9}, 16383}} {
		if v, _ := leb128(c.in); v != c.want {
			t.Errorf("leb128(%x) = %d, want %d", c.in, v, c.want)
		}
	}
	base, rest := leb128([]byte{0x0a, 0x80, 0x02})
	if target, _ := leb128(rest); base != 10 || target != 256 {
		t.Errorf("delta sizes = %d, %d", base, target)
	}
}

// TestBundleDeltaBomb: a 100-byte packfile whose delta declares a 1 GiB
// result is refused before go-git would allocate for it.
func TestBundleDeltaBomb(t *testing.T) {
	var pack bytes.Buffer
	pack.WriteString("PACK\x00\x00\x00\x02\x00\x00\x00\x02")
	obj := func(typ byte, size int, extra, data []byte) {
		pack.WriteByte(typ<<4 | byte(size&0x0f) | 0x80*byte(min(size>>4, 1)))
		for size >>= 4; size > 0; size >>= 7 {
			c := byte(size & 0x7f)
			if size>>7 > 0 {
				c |= 0x80
			}
			pack.WriteByte(c)
		}
		pack.Write(extra)
		zw := zlib.NewWriter(&pack)
		zw.Write(data)
		zw.Close()
	}
	obj(3, 1, nil, []byte("a")) // a blob of one byte at offset 12
	base := pack.Len() - 12
	// an OFS delta on it: base size 1, result size 1 GiB, one copy
	delta := []byte{0x01, 0x80, 0x80, 0x80, 0x80, 0x04, 0x90, 0x01}
	obj(6, len(delta), []byte{byte(base)}, delta)
	sum := sha1.Sum(pack.Bytes())
	pack.Write(sum[:])
	p := filepath.Join(t.TempDir(), "bomb.bundle")
	os.WriteFile(p, append([]byte("# v2 git bundle\n"+strings.Repeat("a", 40)+" HEAD\n\n"), pack.Bytes()...), 0o644)
	if _, err := Open(context.Background(), p); err == nil || !strings.Contains(err.Error(), "object 2 of its packfile is 1073741824 bytes, larger than the limit") {
		t.Errorf("Open of a delta bomb = %v", err)
	}
}
