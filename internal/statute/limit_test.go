package statute

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// feedFIFO makes a named pipe in a temporary directory and writes up to
// n bytes into it from a goroutine; the returned function waits for the
// writer and says how many bytes the reader took.
func feedFIFO(t *testing.T, n int) (string, func() int) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan int)
	go func() {
		fh, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			done <- 0
			return
		}
		chunk := []byte(strings.Repeat("a", 64<<10))
		written := 0
		for written < n {
			k, err := fh.Write(chunk)
			written += k
			if err != nil {
				break // the reader closed the pipe
			}
		}
		fh.Close()
		done <- written
	}()
	return p, func() int { return <-done }
}

// TestReadThroughLimit: a pipe (which states no size) is read only up to
// the limit and refused with a positioned error; before, the whole stream
// was read into memory.
func TestReadThroughLimit(t *testing.T) {
	old := MaxFileSize
	MaxFileSize = 1 << 20
	defer func() { MaxFileSize = old }()
	p, written := feedFIFO(t, 64<<20)
	_, err := ParseFile(p)
	var el ErrorList
	if !errors.As(err, &el) || !strings.HasPrefix(err.Error(), p+":1: input is larger than the limit of 1048576 bytes") {
		t.Errorf("ParseFile of a 64 MB stream: %v", err)
	}
	if n := written(); n > 2<<20 {
		t.Errorf("the reader took %d bytes of the stream, want at most the limit and a pipe buffer", n)
	}
	// /dev/zero (size 0, endless) through an fs.FS
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadFile(os.DirFS("/dev"), "zero"); err == nil || !strings.Contains(err.Error(), "zero:1: input is larger than the limit") {
			t.Errorf("ReadFile /dev/zero: %v", err)
		}
	}
}

// TestTooManyBlocks: a body of more blocks than MaxBlocks is refused at
// the line where the count passes the cap, before any tree is built.
func TestTooManyBlocks(t *testing.T) {
	old := MaxBlocks
	MaxBlocks = 1000
	defer func() { MaxBlocks = old }()
	var b strings.Builder
	b.WriteString(goodFront)
	front := strings.Count(goodFront, "\n")
	for i := 1; i <= 1200; i++ {
		fmt.Fprintf(&b, "### %d\n", i)
	}
	st, err := Parse("many.md", []byte(b.String()))
	want := fmt.Sprintf("many.md:%d: more than 1000 headings", front+1001)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("1,200 sections over a cap of 1,000: %v, want %s…", err, want)
	}
	if len(st.All) != 0 {
		t.Errorf("%d provisions built past the cap", len(st.All))
	}
	MaxBlocks = 1200
	if _, err := Parse("many.md", []byte(b.String())); err != nil {
		t.Errorf("1,200 sections under a cap of 1,200: %v", err)
	}
}
