package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestInputsReadThroughLimit: a statute, an overrides file and a gold
// file that are pipes (no stated size) are read only up to
// --max-input-bytes and refused with exit 2 and a positioned error.
func TestInputsReadThroughLimit(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "PIPE"},
		{"analyze", "--country", "XEA", "--overrides", "PIPE"},
		{"eval", "PIPE"},
	} {
		p := filepath.Join(t.TempDir(), "pipe")
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
			n := 0
			for n < 32<<20 {
				k, err := fh.Write(chunk)
				n += k
				if err != nil {
					break
				}
			}
			fh.Close()
			done <- n
		}()
		full := []string{"--max-input-bytes", "100000"}
		for _, a := range args {
			if a == "PIPE" {
				a = p
			}
			full = append(full, a)
		}
		code, _, e := runAllCLI(t, nil, full...)
		if code != exitInput || !strings.Contains(e, p+":1: input is larger than the limit of 100000 bytes") {
			t.Errorf("%v: exit %d: %s", args, code, e)
		}
		if n := <-done; n > 1<<20 {
			t.Errorf("%v: read %d bytes of the stream, want at most the limit and a pipe buffer", args, n)
		}
	}
	if code, _, e := runAllCLI(t, nil, "--max-input-bytes", "0", "version"); code != exitInput || !strings.Contains(e, "--max-input-bytes") {
		t.Errorf("--max-input-bytes 0: exit %d: %s", code, e)
	}
}
