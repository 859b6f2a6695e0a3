package store

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// TestJSONRowsAsEncoding: the hand-written rows are byte for byte what
// marshalJSON (encoding/json) writes, for tricky and random strings, and
// countWords counts words as words splits them.
func TestJSONRowsAsEncoding(t *testing.T) {
	strs := []string{"", "plain", `quote " and \ back`, "tab\tnl\nret\r\b\f\x00\x1f\x7f", "<&> html",
		"ü ß — “”", "\u2028\u2029", "bad \xff\xfe utf8 \xe2\x82", "emoji 😀", "a\u0301", "§ 3(1)(b)", "\xf4\x90\x80\x80"}
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", " ", "\"", "\\", "\n", "\x01", "é", "\u2028", "\xff", "😀", "<", "\xe2\x82", "9", "ß"}
	for i := 0; i < 2000; i++ {
		var b bytes.Buffer
		for k := rng.Intn(12); k > 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		strs = append(strs, b.String())
	}
	for _, s := range strs {
		want, err := marshalJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json %s", s, got, want)
		}
		if got, want := countWords(s), len(words(s)); got != want {
			t.Errorf("countWords(%q) = %d, words %d", s, got, want)
		}
	}
	st := &statute.Statute{}
	var rows [][6]any
	for i, s := range strs[:200] {
		p := &statute.Provision{ID: statute.ProvisionID("s" + s), Heading: strs[(i+1)%len(strs)], Text: s, Line: i, EndLine: i * 1000, Repealed: i%3 == 0}
		st.All = append(st.All, p)
		rows = append(rows, [6]any{string(p.ID), p.Heading, p.Text, p.Line, p.EndLine, map[bool]int{true: 1}[p.Repealed]})
	}
	for _, all := range [][]*statute.Provision{nil, st.All} {
		st.All = all
		want, _ := marshalJSON(rows[:len(all)])
		if len(all) == 0 {
			want = []byte("[]")
		}
		if got, _ := provisionsJSON(st); !bytes.Equal(got, want) {
			t.Errorf("provisionsJSON of %d provisions:\n%s\nencoding/json:\n%s", len(all), got, want)
		}
	}
	// Prepare's full-text and search rows
	st.All = st.All[:50]
	folded := make([][2]string, len(st.All))
	counts := make([][3]int, len(st.All))
	roles := make([]uint8, len(st.All))
	for i, p := range st.All {
		roles[i] = uint8(i % 7)
		folded[i] = [2]string{foldText(p.Heading), foldText(p.Text)}
		counts[i] = [3]int{int(roles[i]), len(words(folded[i][0])), len(words(folded[i][1]))}
	}
	e := IndexEntry{Statute: st, Roles: roles}
	e.Prepare()
	if want, _ := marshalJSON(folded); !bytes.Equal(e.ftsJSON, want) {
		t.Errorf("full-text rows:\n%s\nencoding/json:\n%s", e.ftsJSON, want)
	}
	if want, _ := marshalJSON(counts); !bytes.Equal(e.rowsJSON, want) {
		t.Errorf("search rows:\n%s\nencoding/json:\n%s", e.rowsJSON, want)
	}
}
