package store

import (
	"context"
	"encoding/binary"
	"math"
	"math/rand"
	"path/filepath"
	"testing"
)

// BM25 parameters: k1 is Robertson's usual value; per column, a weight (a
// word in the heading counts double) and b, the length normalisation
// (none for headings: a heading is short by nature, and "Trafficking in
// persons" must not lose to a long text for being three words long).
const bm25K1 = 1.2

var (
	columnWeight = []float64{2, 1}
	columnB      = []float64{0, 0.75}
)

// rankBM25 scores a row with Okapi BM25 summed over phrases and columns
// (heading weighted double): info is FTS4 matchinfo 'pcnx', hlen and tlen
// the words of the row's heading and text, avgH and avgT their averages
// over the versions searched. Higher is better.
func rankBM25(info []byte, hlen, tlen int64, avgH, avgT float64) float64 {
	if len(info)%4 != 0 || len(info) < 12 {
		return 0
	}
	u := func(i int) float64 { return float64(binary.NativeEndian.Uint32(info[i*4:])) }
	nPhrase, nCol, nRows := int(u(0)), int(u(1)), u(2)
	const x = 3
	if len(info)/4 < x+nPhrase*nCol*3 {
		return 0
	}
	length := []float64{float64(hlen), float64(tlen)}
	avg := []float64{avgH, avgT}
	var score float64
	for p := 0; p < nPhrase; p++ {
		for c := 0; c < nCol; c++ {
			base := x + (p*nCol+c)*3
			tf, docs := u(base), u(base+2)
			if tf == 0 {
				continue
			}
			idf := math.Log(1 + (nRows-docs+0.5)/(docs+0.5))
			w, b := 1.0, 0.75
			if c < len(columnWeight) {
				w, b = columnWeight[c], columnB[c]
			}
			norm := 1.0
			if c < len(avg) && avg[c] > 0 {
				norm = 1 - b + b*length[c]/avg[c]
			}
			score += w * idf * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
		}
	}
	return score
}

// TestBM25MatchesGo: the C ranking function gives, bit for bit, what the
// Go reference gives, over matchinfo blobs of 1 to 4 phrases in 2 columns
// (and a third column, which the query never has), word counts and
// averages as a store holds them, and blobs that are not matchinfo.
func TestBM25MatchesGo(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewSource(1))
	u32 := func(b []byte, v int) []byte { return binary.NativeEndian.AppendUint32(b, uint32(v)) }
	check := func(info []byte, hlen, tlen int64, avgH, avgT float64) {
		t.Helper()
		var got float64
		if err := s.db.QueryRowContext(ctx, "SELECT lacuna_bm25(?, ?, ?, ?, ?)", info, hlen, tlen, avgH, avgT).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := rankBM25(info, hlen, tlen, avgH, avgT); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("lacuna_bm25(%x, %d, %d, %v, %v) = %v, Go reference %v", info, hlen, tlen, avgH, avgT, got, want)
		}
	}
	for i := 0; i < 20000; i++ {
		nPhrase, nCol := 1+rng.Intn(4), 2
		if i%50 == 0 {
			nCol = 3
		}
		nRows := 1 + rng.Intn(1_000_000)
		info := u32(u32(u32(nil, nPhrase), nCol), nRows)
		for k := 0; k < nPhrase*nCol; k++ {
			docs := 1 + rng.Intn(nRows)
			tf := 0
			if rng.Intn(3) > 0 {
				tf = 1 + rng.Intn(20)
			}
			info = u32(u32(u32(info, tf), tf+rng.Intn(100000)), docs)
		}
		avgH, avgT := rng.Float64()*12, rng.Float64()*300
		if i%97 == 0 {
			avgT = 0
		}
		check(info, int64(rng.Intn(30)), int64(rng.Intn(5000)), avgH, avgT)
	}
	for _, bad := range [][]byte{nil, {}, {1, 2, 3}, make([]byte, 8), u32(u32(u32(nil, 2), 2), 10)} {
		check(bad, 3, 40, 4, 60)
	}
}

// TestVersionOf: lacuna_version_of finds the range holding a docid by
// binary search, boundaries included, and NULL between, before and after
// the ranges and for an empty list.
func TestVersionOf(t *testing.T) {
	s, _ := openTemp(t)
	var ranges []byte
	for _, r := range [][3]uint64{{1, 5, 7}, {6, 6, 2}, {10, 19, 0}, {40, 41, 3}} {
		for _, v := range r {
			ranges = binary.LittleEndian.AppendUint64(ranges, v)
		}
	}
	want := map[int64]any{0: nil, 1: int64(7), 5: int64(7), 6: int64(2), 7: nil, 9: nil, 10: int64(0), 19: int64(0),
		20: nil, 39: nil, 40: int64(3), 41: int64(3), 42: nil, -3: nil}
	for docid, w := range want {
		for _, rs := range [][]byte{ranges, {}} {
			var got any
			if err := s.db.QueryRow(`SELECT lacuna_version_of(?, ?)`, rs, docid).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if len(rs) == 0 {
				w = nil
			}
			if got != w {
				t.Errorf("lacuna_version_of(%d ranges, %d) = %v, want %v", len(rs)/24, docid, got, w)
			}
		}
	}
}
