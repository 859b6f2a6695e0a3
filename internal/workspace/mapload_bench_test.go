package workspace

import "testing"

// BenchmarkLoadMap measures loading the embedded map and lexicon, which
// every command that reads the map pays once per process.
func BenchmarkLoadMap(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadMap(MapSource{}); err != nil {
			b.Fatal(err)
		}
	}
}
