package index

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// foldSparseBytewise is FoldSparse's ASCII path read byte by byte (the
// code before the eight-byte reading), the reference for it.
func foldSparseBytewise(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// TestFoldSparseEightBytes checks the eight-byte ASCII reading of
// FoldSparse against the byte-by-byte one: every ASCII byte at every
// position of a word, random texts of every length up to 40, non-ASCII
// bytes anywhere.
func TestFoldSparseEightBytes(t *testing.T) {
	var cases []string
	for c := 0; c < 128; c++ {
		for pos := 0; pos < 9; pos++ {
			b := []byte("abcdefghijklmnop")
			b[pos] = byte(c)
			cases = append(cases, string(b))
		}
	}
	r := rand.New(rand.NewSource(1))
	for n := 0; n <= 40; n++ {
		for k := 0; k < 50; k++ {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Intn(128))
			}
			if n > 0 && k%5 == 0 {
				b[r.Intn(n)] = 0xC3 // a non-ASCII byte somewhere
			}
			cases = append(cases, string(b), strings.ToUpper(string(b)))
		}
	}
	cases = append(cases, "Ley Orgánica 10/1995", "ÉTAT", "AZ@[`{", "")
	for _, s := range cases {
		want, ascii := foldSparseBytewise(s)
		got, m := FoldSparse(s)
		if !ascii {
			if m == nil && len(s) > 0 {
				t.Errorf("FoldSparse(%q): no offset map for non-ASCII text", s)
			}
			continue
		}
		if got != want || m != nil {
			t.Errorf("FoldSparse(%q) = %q, %v; want %q, nil", s, got, m != nil, want)
		}
	}
}
