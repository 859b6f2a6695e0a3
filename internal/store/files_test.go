package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestCorpusCatalogRoundTrip: a catalog reads back as written; a damaged
// record (any truncation, a foreign start) reads as empty, never a panic.
func TestCorpusCatalogRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	files := []CorpusFile{
		{Path: "xea/a.md", Size: 120, MTime: 1700000000123456789, SHA256: strings.Repeat("ab", 32), StatuteID: "xea/a", Country: "XEA", VersionDate: "2020-01-01", Language: "en", Title: "Act — ü", ShortTitle: "A"},
		{Path: "xfr/b.md", Size: 0, MTime: -1, SHA256: strings.Repeat("0f", 32), StatuteID: "xfr/b", Country: "XFR"},
		{Path: "xfr/c.md", Size: 9, MTime: 5, StatuteID: "xfr/c", Country: "XFR", VersionDate: "2001"}, // not hashed yet
	}
	if err := s.PutCorpusCatalog(ctx, "/corpus", files); err != nil {
		t.Fatal(err)
	}
	got, err := s.CorpusCatalog(ctx, "/corpus")
	if err != nil || !reflect.DeepEqual(got, files) {
		t.Fatalf("read back %+v, %v", got, err)
	}
	if got, err := s.CorpusCatalog(ctx, "/other"); err != nil || got != nil {
		t.Errorf("another root: %+v, %v", got, err)
	}
	enc, err := encodeCatalog(files)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(enc); i++ {
		if got, ok := decodeCatalog(enc[:i]); ok {
			t.Fatalf("truncated at %d of %d decoded: %+v", i, len(enc), got)
		}
	}
	if _, ok := decodeCatalog(append([]byte("lacuna-catalog-1\n"), enc[len(catalogMagic):]...)); ok {
		t.Error("another encoding decoded")
	}
	if _, err := encodeCatalog([]CorpusFile{{Path: "x", SHA256: "not-a-hash"}}); err == nil {
		t.Error("a bad hash was encoded")
	}
}

func FuzzDecodeCatalog(f *testing.F) {
	enc, _ := encodeCatalog([]CorpusFile{{Path: "a.md", SHA256: strings.Repeat("00", 32), Title: "t"}})
	f.Add(enc)
	f.Add([]byte(catalogMagic + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		files, ok := decodeCatalog(b)
		if !ok {
			return
		}
		again, err := encodeCatalog(files)
		if err != nil {
			t.Fatalf("decoded files do not encode: %v", err)
		}
		if files2, ok := decodeCatalog(again); !ok || !reflect.DeepEqual(files, files2) {
			t.Fatalf("round trip changed %+v", files)
		}
	})
}
