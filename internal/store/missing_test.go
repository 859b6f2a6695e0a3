package store

import (
	"context"
	"reflect"
	"testing"
)

func TestMissingAndHitHashes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	a := fakeStatute("a")
	if err := s.PutStatute(ctx, a, []byte("x"), "2026-01-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Missing(ctx, []string{"sha-b", a.SHA256, "sha-c"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"sha-b", "sha-c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
	// Storing the same version again is a no-op, and indexing it twice
	// replaces its rows: one hit, not two.
	if err := s.PutStatute(ctx, a, []byte("x"), "2026-02-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	indexStatute(t, s, a, nil)
	indexStatute(t, s, a, nil)
	hits, err := s.Search(ctx, Query{Text: "shelters", SHA256s: []string{a.SHA256}})
	if err != nil || len(hits) != 1 || hits[0].SHA256 != a.SHA256 {
		t.Fatalf("hits = %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, Query{Text: "shelters", SHA256s: []string{"sha-b"}}); err != nil || len(hits) != 0 {
		t.Fatalf("hash filter: %+v, %v", hits, err)
	}
}
