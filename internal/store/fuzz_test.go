package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzSearchQuery checks that any user text either builds a MATCH
// expression made only of quoted terms, or yields a QueryError; and that
// running it never fails with anything but a QueryError.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"forced labour", `"position of vulnerability"`, "recruit*", `NEAR(a b)`, `"`, `a*`,
		`'; DROP TABLE runs; --`, "traite des êtres", "Menschenhandel §232", strings.Repeat("(", 1000), "x OR y NOT z", "^abc", "*", "\x00"} {
		f.Add(s)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	indexStatute(f, s, fakeStatute("a"), nil)
	f.Fuzz(func(t *testing.T, q string) {
		m, err := BuildMatch(q)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("BuildMatch(%q) error %v is not a QueryError", q, err)
			}
			return
		}
		// Every term is a double-quoted run without inner quotes.
		for _, term := range splitTerms(m) {
			if len(term) < 2 || term[0] != '"' || term[len(term)-1] != '"' || strings.Contains(term[1:len(term)-1], `"`) {
				t.Fatalf("BuildMatch(%q) = %q: term %q is not quoted", q, m, term)
			}
		}
		if _, err := s.Search(context.Background(), Query{Text: q, Limit: 5}); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// splitTerms splits a MATCH expression built by BuildMatch at the spaces
// between quoted terms.
func splitTerms(m string) []string {
	var out []string
	for len(m) > 0 {
		end := strings.Index(m[1:], `"`)
		if end < 0 {
			return append(out, m)
		}
		out = append(out, m[:end+2])
		m = strings.TrimPrefix(m[end+2:], " ")
	}
	return out
}
