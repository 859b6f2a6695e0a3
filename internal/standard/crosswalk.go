package standard

import (
	"sort"
	"strconv"
	"strings"
)

// ArticleRef names one article of one instrument.
type ArticleRef struct {
	Instrument InstrumentID `json:"instrument"`
	Article    string       `json:"article"`
}

func (a ArticleRef) String() string { return string(a.Instrument) + " " + a.Article }

// CrosswalkRow is one requirement's line of the crosswalk: Cells[i] is true
// when the requirement cites Columns[i].
type CrosswalkRow struct {
	Requirement RequirementID `json:"requirement"`
	Title       string        `json:"title"`
	Cells       []bool        `json:"cells"`
}

// Crosswalk is the requirement × instrument-article matrix: one column per
// article cited by at least one requirement, in instrument order (see
// KnownInstruments) and natural article order; one row per requirement,
// sorted by ID.
type Crosswalk struct {
	Columns []ArticleRef   `json:"columns"`
	Rows    []CrosswalkRow `json:"rows"`
}

// Crosswalk builds the requirement × instrument-article matrix.
func (m *Map) Crosswalk() *Crosswalk {
	set := map[ArticleRef]bool{}
	for _, r := range m.Requirements {
		for _, s := range r.Sources {
			set[ArticleRef{s.Instrument, s.Article}] = true
		}
	}
	cols := make([]ArticleRef, 0, len(set))
	for a := range set {
		cols = append(cols, a)
	}
	sort.Slice(cols, func(i, j int) bool { return lessRef(cols[i], cols[j]) })
	idx := make(map[ArticleRef]int, len(cols))
	for i, c := range cols {
		idx[c] = i
	}
	cw := &Crosswalk{Columns: cols}
	reqs := append([]*Requirement(nil), m.Requirements...)
	sort.Slice(reqs, func(i, j int) bool { return reqs[i].ID < reqs[j].ID })
	for _, r := range reqs {
		row := CrosswalkRow{Requirement: r.ID, Title: r.Title, Cells: make([]bool, len(cols))}
		for _, s := range r.Sources {
			row.Cells[idx[ArticleRef{s.Instrument, s.Article}]] = true
		}
		cw.Rows = append(cw.Rows, row)
	}
	return cw
}

func lessRef(a, b ArticleRef) bool {
	ra, rb := instrumentRank(a.Instrument), instrumentRank(b.Instrument)
	if ra != rb {
		return ra < rb
	}
	if a.Instrument != b.Instrument {
		return a.Instrument < b.Instrument
	}
	return CompareArticles(a.Article, b.Article) < 0
}

// CompareArticles orders article numbers naturally: "2" < "3(a)" < "3(b)" <
// "10" < "10(1)" < "10(2)".
func CompareArticles(a, b string) int {
	ta, tb := articleTokens(a), articleTokens(b)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		x, y := ta[i], tb[i]
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		switch {
		case ex == nil && ey == nil:
			if nx != ny {
				if nx < ny {
					return -1
				}
				return 1
			}
		case ex == nil:
			return -1
		case ey == nil:
			return 1
		default:
			if c := strings.Compare(x, y); c != 0 {
				return c
			}
		}
	}
	switch {
	case len(ta) < len(tb):
		return -1
	case len(ta) > len(tb):
		return 1
	}
	return strings.Compare(a, b)
}

// articleTokens splits "7106(a)(12)" into "7106", "a", "12".
func articleTokens(s string) []string {
	var out []string
	var cur strings.Builder
	digit := false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '(' || r == ')':
			flush()
		case r >= '0' && r <= '9':
			if !digit {
				flush()
			}
			digit = true
			cur.WriteRune(r)
		default:
			if digit {
				flush()
			}
			digit = false
			cur.WriteRune(r)
		}
	}
	flush()
	return out
}
