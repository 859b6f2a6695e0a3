package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fileID is what must not change when an output is refused: bytes, inode
// and mode.
type fileID struct {
	data []byte
	ino  uint64
	mode fs.FileMode
}

func idOf(t *testing.T, p string) fileID {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	return fileID{data: b, ino: fi.Sys().(*syscall.Stat_t).Ino, mode: fi.Mode()}
}

func (a fileID) same(b fileID) bool {
	return bytes.Equal(a.data, b.data) && a.ino == b.ino && a.mode == b.mode
}

// copyDemoCorpus copies the embedded demo corpus's files into dir.
func copyDemoCorpus(t *testing.T, dir string) {
	t.Helper()
	src, _ := filepath.Abs("../../corpus")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if strings.HasSuffix(p, ".go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestOutputRefusesInputs: -o onto the store or onto a statute of the
// corpus (here through a hard link elsewhere: identity, not name) exits 2,
// names it and leaves the file as it was.
func TestOutputRefusesInputs(t *testing.T) {
	tmp := t.TempDir()
	corpusDir := filepath.Join(tmp, "corpus")
	copyDemoCorpus(t, corpusDir)
	var statuteFile string
	filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if statuteFile == "" && strings.HasSuffix(p, ".md") && strings.Contains(p, "xea") {
			statuteFile = p
		}
		return nil
	})
	link := filepath.Join(tmp, "elsewhere.md")
	if err := os.Link(statuteFile, link); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(tmp, "x.db")
	if code, _, errOut := runAllCLI(t, nil, "--db", db, "analyze", "--country", "XEA", "--save", "-q"); code > 1 {
		t.Fatalf("analyze --save: exit %d: %s", code, errOut)
	}
	for _, tc := range []struct{ out, want string }{
		{db, "the store"},
		{link, "input"},
		{statuteFile, "input"},
	} {
		before := idOf(t, tc.out)
		code, _, errOut := runAllCLI(t, nil, "--db", db, "--corpus", corpusDir, "compare", "XEA", "XFR", "-o", tc.out)
		if code != exitInput {
			t.Errorf("-o %s: exit %d, want 2 (%s)", tc.out, code, errOut)
		}
		if !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, tc.out) {
			t.Errorf("-o %s: message %q does not name it as %s", tc.out, errOut, tc.want)
		}
		if !before.same(idOf(t, tc.out)) {
			t.Errorf("-o %s: the file changed", tc.out)
		}
	}
	// brief refuses its overrides file the same way.
	ov := filepath.Join(tmp, "ov.yaml")
	os.WriteFile(ov, []byte("overrides: []\n"), 0o600)
	before := idOf(t, ov)
	code, _, errOut := runAllCLI(t, nil, "--db", db, "brief", "--country", "XEA", "--format", "md", "--overrides", ov, "-o", ov)
	if code != exitInput || !before.same(idOf(t, ov)) {
		t.Errorf("brief -o its overrides file: exit %d, changed=%v: %s", code, !before.same(idOf(t, ov)), errOut)
	}
}

// TestOutputKeepsWhatIsThere: a symbolic link is followed (the link stays
// a link), an existing file keeps its mode and a new file gets the umask,
// a FIFO and /dev/null are written, not replaced, and a missing directory
// is named.
func TestOutputKeepsWhatIsThere(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "x.db")
	cmp := func(out string) (int, string) {
		code, _, errOut := runAllCLI(t, nil, "--db", db, "compare", "XEA", "XFR", "--format", "csv", "-o", out)
		return code, errOut
	}
	// symlink followed
	target := filepath.Join(tmp, "target.csv")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(tmp, "link.csv")
	os.Symlink("target.csv", link)
	if code, e := cmp(link); code != 0 {
		t.Fatalf("-o link: exit %d: %s", code, e)
	}
	if li, _ := os.Lstat(link); li.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("-o link replaced the symbolic link")
	}
	b, _ := os.ReadFile(target)
	if !bytes.HasPrefix(b, []byte("requirement,")) {
		t.Errorf("-o link did not write its target: %q", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("existing 0600 file became %v", fi.Mode().Perm())
	}
	// dangling symlink: its target is created
	dangling := filepath.Join(tmp, "dangling.csv")
	os.Symlink("made.csv", dangling)
	if code, e := cmp(dangling); code != 0 {
		t.Fatalf("-o dangling link: exit %d: %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(tmp, "made.csv")); err != nil {
		t.Errorf("dangling link's target not created: %v", err)
	}
	// umask honoured for a new file
	old := syscall.Umask(0o077)
	code, e := cmp(filepath.Join(tmp, "new.csv"))
	syscall.Umask(old)
	if code != 0 {
		t.Fatalf("-o new: exit %d: %s", code, e)
	}
	if fi, _ := os.Stat(filepath.Join(tmp, "new.csv")); fi.Mode().Perm() != 0o600 {
		t.Errorf("new file under umask 077 has mode %v, want 0600", fi.Mode().Perm())
	}
	// FIFO written directly
	fifo := filepath.Join(tmp, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		fh, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(fh)
		fh.Close()
		got <- b
	}()
	if code, e := cmp(fifo); code != 0 {
		t.Fatalf("-o fifo: exit %d: %s", code, e)
	}
	b = nil
	select {
	case b = <-got:
	case <-time.After(5 * time.Second):
		// nothing was written to the pipe: unblock the reader
		if fh, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			fh.Close()
		}
	}
	if !bytes.HasPrefix(b, []byte("requirement,")) {
		t.Errorf("-o fifo: reader got %q", b)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("-o fifo replaced the pipe: %v", fi.Mode())
	}
	// /dev/null stays a device
	if code, e := cmp(os.DevNull); code != 0 {
		t.Errorf("-o /dev/null: exit %d: %s", code, e)
	}
	if fi, _ := os.Stat(os.DevNull); fi.Mode()&fs.ModeCharDevice == 0 {
		// as root a regression replaces the machine's /dev/null: put it back
		if os.Geteuid() == 0 && os.Remove(os.DevNull) == nil {
			syscall.Mknod(os.DevNull, syscall.S_IFCHR|0o666, 1<<8|3)
		}
		t.Fatalf("/dev/null is no longer a device")
	}
	// /dev/full: the write error is reported (exit 3)
	if _, err := os.Stat("/dev/full"); err == nil {
		if code, e := cmp("/dev/full"); code != exitOther || !strings.Contains(e, "/dev/full") {
			t.Errorf("-o /dev/full: exit %d, want 3: %s", code, e)
		}
	}
	// missing directory: named, no temporary file in the message
	missing := filepath.Join(tmp, "no", "such", "out.csv")
	code, e = cmp(missing)
	if code != exitOther || !strings.Contains(e, filepath.Join(tmp, "no", "such")+" does not exist") || strings.Contains(e, ".tmp") {
		t.Errorf("-o into a missing directory: exit %d: %s", code, e)
	}
	// no temporary file left behind
	ents, _ := os.ReadDir(tmp)
	for _, de := range ents {
		if strings.HasSuffix(de.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", de.Name())
		}
	}
}

// TestOutputDevStdout: -o /dev/stdout writes to standard output (a pipe
// here) and leaves /dev/stdout alone, also as root.
func TestOutputDevStdout(t *testing.T) {
	before, err := os.Lstat("/dev/stdout")
	if err != nil {
		t.Skip("no /dev/stdout")
	}
	r := runHostile(t, t.TempDir(), time.Minute, 2048, "compare", "XEA", "XFR", "--format", "csv", "-o", "/dev/stdout")
	after, err := os.Lstat("/dev/stdout")
	if err != nil || after.Mode() != before.Mode() {
		// a regression run as root replaced the machine's /dev/stdout
		if os.Geteuid() == 0 && before.Mode()&fs.ModeSymlink != 0 {
			os.Remove("/dev/stdout")
			os.Symlink("/proc/self/fd/1", "/dev/stdout")
		}
		t.Fatalf("/dev/stdout changed: %v -> %v", before.Mode(), after)
	}
	if r.code != 0 || !strings.HasPrefix(r.stdout, "requirement,title,pillar,XEA,XFR,shortfalls\n") {
		t.Errorf("-o /dev/stdout: exit %d, stdout %.60q, stderr %s", r.code, r.stdout, r.stderr)
	}
}
