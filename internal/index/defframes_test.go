package index

import (
	"reflect"
	"testing"
)

// TestDefFramesMatchLegacy checks that the definition frames read from the
// lexicon find what the Go expressions they replace found (the oracle in
// defframes_legacy_test.go), segment by segment, over the demo corpus, the
// drafting gold corpora and the real-data statutes when present.
func TestDefFramesMatchLegacy(t *testing.T) {
	ix := testCorpusIndex(t)
	n := 0
	for _, s := range ix.Segments {
		got, want := defTerms(findDefinitions(s, nil)), defTerms(legacyFindDefinitions(s, nil))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:%d: definitions %q, want %q (%.100q)", s.Statute.Path, s.Line, got, want, s.Text)
		}
		n += len(want)
	}
	t.Logf("%d segments, %d definitions", len(ix.Segments), n)
	if n < 100 {
		t.Errorf("only %d definitions over the corpora, expected the oracle to find many", n)
	}
}

func defTerms(ds []*Definition) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Term+"|"+d.ExternalLaw)
	}
	return out
}
