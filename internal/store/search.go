package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode"
)

// Query is a full-text search over stored provisions.
type Query struct {
	Text     string // user words; "quoted phrases" and trailing * prefixes allowed
	Country  string // ISO code; empty = all
	Language string // primary subtag; empty = all
	Limit    int    // default 20
	// SHA256s restricts the search to these statute versions (e.g. the
	// latest version of each statute); empty = every stored version.
	SHA256s []string
}

// Hit is one ranked search result.
type Hit struct {
	Country     string  `json:"country"`
	SHA256      string  `json:"sha256"`
	StatuteID   string  `json:"statute"`
	VersionDate string  `json:"version_date"`
	Provision   string  `json:"provision"`
	Heading     string  `json:"heading"`
	Line        int     `json:"line"`
	Snippet     string  `json:"snippet"`
	Rank        float64 `json:"rank"`
	Repealed    bool    `json:"repealed,omitempty"`
}

// QueryError is a search query that cannot be run; its message says why.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// maxQueryTerms bounds the work one query can ask for.
const maxQueryTerms = 16

// BuildMatch turns user text into an FTS4 MATCH expression made only of
// double-quoted terms and phrases (so no user character is ever read as
// FTS syntax). Terms are ANDed; a trailing * keeps a prefix search.
func BuildMatch(text string) (string, error) {
	var terms []string
	rest := text
	for len(terms) <= maxQueryTerms {
		rest = strings.TrimLeftFunc(rest, func(r rune) bool { return !isWord(r) && r != '"' })
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			var phrase string
			if end < 0 {
				phrase, rest = rest[1:], ""
			} else {
				phrase, rest = rest[1:end+1], rest[end+2:]
			}
			words := words(phrase)
			if len(words) > 0 {
				terms = append(terms, `"`+strings.Join(words, " ")+`"`)
			}
			continue
		}
		i := strings.IndexFunc(rest, func(r rune) bool { return !isWord(r) })
		var w string
		if i < 0 {
			w, rest = rest, ""
		} else {
			w, rest = rest[:i], rest[i:]
		}
		prefix := strings.HasPrefix(rest, "*")
		if prefix {
			rest = rest[1:]
		}
		if prefix && len([]rune(w)) < 2 {
			return "", &QueryError{fmt.Sprintf("prefix %q is too short, expected at least 2 letters before *", w+"*")}
		}
		t := `"` + w
		if prefix {
			t += "*"
		}
		terms = append(terms, t+`"`)
	}
	if len(terms) == 0 {
		return "", &QueryError{fmt.Sprintf("query %q has no words to search for, expected at least one word", text)}
	}
	if len(terms) > maxQueryTerms {
		return "", &QueryError{fmt.Sprintf("query has more than %d terms, expected a shorter query", maxQueryTerms)}
	}
	return strings.Join(terms, " "), nil
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWord(r) })
}

// Search runs q and returns hits, best first (ties by statute, version,
// provision order).
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, error) {
	query, args, err := searchSQL(q)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.Country, &h.SHA256, &h.StatuteID, &h.VersionDate, &h.Provision, &h.Heading, &h.Line, &h.Repealed, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		h.Rank = math.Round(h.Rank*1000) / 1000
		out = append(out, h)
	}
	return out, rows.Err()
}

// searchSQL is the statement Search runs, with its arguments. The
// full-text query runs once, in a materialised CTE (rank and snippet
// computed there, while the FTS cursor is on the row); its rows are then
// joined to provisions by rowid and filtered. Left to itself, SQLite's
// planner drove the join from provisions (by sha256) and ran the MATCH
// once per provision, which grew quadratically with the matching rows.
func searchSQL(q Query) (string, []any, error) {
	match, err := BuildMatch(q.Text)
	if err != nil {
		return "", nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	args := []any{match, q.Country, q.Country, q.Language, q.Language}
	shaFilter := ""
	if len(q.SHA256s) > 0 {
		shaFilter = " AND v.sha256 IN (" + strings.TrimSuffix(strings.Repeat("?,", len(q.SHA256s)), ",") + ")"
		for _, s := range q.SHA256s {
			args = append(args, s)
		}
	}
	args = append(args, limit)
	return `
		WITH m AS MATERIALIZED (
			SELECT docid,
			       snippet(provisions_fts, '[', ']', '…', -1, 24) AS snip,
			       lacuna_rank(matchinfo(provisions_fts, 'pcnx')) AS rank
			FROM provisions_fts
			WHERE provisions_fts MATCH ?
		)
		SELECT v.country, v.sha256, v.statute_id, v.version_date, p.provision_id, p.heading, p.line, p.repealed,
		       m.snip, m.rank
		FROM m
		CROSS JOIN provisions p ON p.rowid = m.docid
		CROSS JOIN statute_versions v ON v.sha256 = p.sha256
		WHERE (? = '' OR v.country = ?)
		  AND (? = '' OR v.language = ?)` + shaFilter + `
		ORDER BY m.rank DESC, v.country, v.statute_id, v.version_date, p.ord
		LIMIT ?`, args, nil
}

// rankMatchinfo scores a row from FTS4 matchinfo 'pcnx': a tf-idf sum over
// phrases and columns, with the heading column weighted double.
func rankMatchinfo(info []byte) float64 {
	if len(info)%4 != 0 || len(info) < 12 {
		return 0
	}
	u := func(i int) float64 { return float64(binary.NativeEndian.Uint32(info[i*4:])) }
	nPhrase, nCol, nRows := int(u(0)), int(u(1)), u(2)
	if len(info)/4 < 3+nPhrase*nCol*3 {
		return 0
	}
	var score float64
	for p := 0; p < nPhrase; p++ {
		for c := 0; c < nCol; c++ {
			base := 3 + (p*nCol+c)*3
			hits, docs := u(base), u(base+2)
			if hits == 0 {
				continue
			}
			idf := math.Log(1 + (nRows-docs+0.5)/(docs+0.5))
			w := 1.0
			if c == 0 {
				w = 2
			}
			score += w * idf * hits / (hits + 1.2)
		}
	}
	return score
}
