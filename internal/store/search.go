package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/lacuna-project/lacuna/internal/index"
)

// Query is a full-text search over the provisions indexed for search (see
// IndexVersions).
type Query struct {
	Text     string // user words; "quoted phrases" and trailing * prefixes allowed
	Country  string // ISO code; empty = all
	Language string // primary subtag; empty = all
	Limit    int    // default 20
	// SHA256s restricts the search to these statute versions (e.g. the
	// latest version of each statute), in the order that breaks ties
	// between equal ranks; empty = every indexed version (ties then by
	// country, statute and date).
	SHA256s []string
	// Roles keeps provisions having any of these role bits (as stored by
	// IndexVersions); 0 = any provision.
	Roles uint64
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
	// RoleBits are the provision's stored role bits.
	RoleBits uint64 `json:"-"`
}

// QueryError is a search query that cannot be run; its message says why.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// maxQueryTerms bounds the work one query can ask for.
const maxQueryTerms = 16

// term is one term of a query: a folded word (a prefix when prefix is
// set) or a phrase of folded words.
type term struct {
	words  []string
	prefix bool
}

// parseQuery splits user text into terms, folded as the index is (lower
// case, no diacritics, ß = ss: see index.FoldString).
func parseQuery(text string) ([]term, error) {
	var terms []term
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
			if ws := foldWords(phrase); len(ws) > 0 {
				terms = append(terms, term{words: ws})
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
			return nil, &QueryError{fmt.Sprintf("prefix %q is too short, expected at least 2 letters before *", w+"*")}
		}
		ws := foldWords(w)
		if len(ws) == 0 {
			continue
		}
		// a word that folds into several (rare) is searched as a phrase
		terms = append(terms, term{words: ws, prefix: prefix})
	}
	if len(terms) == 0 {
		return nil, &QueryError{fmt.Sprintf("query %q has no words to search for, expected at least one word", text)}
	}
	if len(terms) > maxQueryTerms {
		return nil, &QueryError{fmt.Sprintf("query has more than %d terms, expected a shorter query", maxQueryTerms)}
	}
	return terms, nil
}

// BuildMatch turns user text into an FTS4 MATCH expression made only of
// double-quoted terms and phrases of folded words (so no user character is
// ever read as FTS syntax). Terms are ANDed; a trailing * keeps a prefix
// search.
func BuildMatch(text string) (string, error) {
	terms, err := parseQuery(text)
	if err != nil {
		return "", err
	}
	return matchOf(terms), nil
}

func matchOf(terms []term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		s := `"` + strings.Join(t.words, " ")
		if t.prefix {
			s += "*"
		}
		parts[i] = s + `"`
	}
	return strings.Join(parts, " ")
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWord(r) })
}

// countWords is len(words(s)), without making them.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWord(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// foldWords folds s as the index is and splits it into words.
func foldWords(s string) []string { return words(index.FoldString(s)) }

// foldText is the form of a heading or text the full-text index holds.
func foldText(s string) string { return index.FoldString(s) }

// Search runs q and returns hits, best first (ties by country, statute,
// version, provision order), each with a snippet of its text in which the
// matched words are [bracketed].
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, error) {
	terms, err := parseQuery(q.Text)
	if err != nil {
		return nil, err
	}
	sel, err := s.searched(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if len(sel.ranges) == 0 {
		return nil, nil // no version searched
	}
	query, args := searchSQL(q, matchOf(terms), sel)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var out []Hit
	for rows.Next() {
		var h Hit
		var text string
		if err := rows.Scan(&h.Country, &h.SHA256, &h.StatuteID, &h.VersionDate, &h.Provision, &h.Heading, &h.Line, &h.Repealed, &h.RoleBits, &text, &h.Rank); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		h.Rank = math.Round(h.Rank*1000) / 1000
		h.Snippet = snippet(h.Heading, text, terms)
		out = append(out, h)
	}
	return out, rows.Err()
}

// selection is what a query searches: the docid range of each version
// searched with the key that breaks ties between equal ranks (ranges, the
// blob lacuna_version_of reads: little-endian int64 triples first, last,
// key, sorted by first), and the average words of a heading and of a text
// over those versions (the BM25 length norms).
type selection struct {
	ranges     []byte
	avgH, avgT float64
}

// searched reads the versions q searches (their docid ranges and word
// sums, a few thousand narrow rows): the full-text query then drops the
// rows of every other version by a binary search over the ranges, before
// their search_rows record is read (at five versions a statute, four
// matches in five are of versions not searched).
//
// Versions, when given, are passed as one JSON array in the order ties
// are broken in (the caller sorts them by country, statute and date);
// without them, every indexed version is searched, ties broken by country,
// statute and date. A version listed twice is searched once.
func (s *Store) searched(ctx context.Context, q Query) (selection, error) {
	// ?1 country, ?2 language, ?3 versions
	query := `SELECT row_number() OVER (ORDER BY v.country, v.statute_id, v.version_date, v.sha256),
			sv.first, sv.provisions, sv.hsum, sv.tsum
		FROM search_versions sv JOIN statute_versions v ON v.sha256 = sv.sha256
		WHERE (?1 = '' OR v.country = ?1) AND (?2 = '' OR v.language = ?2)`
	args := []any{q.Country, q.Language}
	if len(q.SHA256s) > 0 {
		b, err := json.Marshal(q.SHA256s)
		if err != nil {
			return selection{}, err
		}
		query = `SELECT j.key, sv.first, sv.provisions, sv.hsum, sv.tsum
			FROM json_each(?3) j JOIN search_versions sv ON sv.sha256 = j.value
			WHERE (?1 = '' AND ?2 = '') OR sv.sha256 IN (SELECT sha256 FROM statute_versions WHERE (?1 = '' OR country = ?1) AND (?2 = '' OR language = ?2))`
		args = append(args, string(b))
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return selection{}, err
	}
	defer rows.Close()
	type span struct{ first, last, key int64 }
	var spans []span
	seen := map[int64]bool{}
	var hsum, tsum, provs int64
	for rows.Next() {
		var key, first, n, h, t int64
		if err := rows.Scan(&key, &first, &n, &h, &t); err != nil {
			return selection{}, err
		}
		if seen[first] {
			continue
		}
		seen[first] = true
		hsum, tsum, provs = hsum+h, tsum+t, provs+n
		if n > 0 {
			spans = append(spans, span{first, first + n - 1, key})
		}
	}
	if err := rows.Err(); err != nil {
		return selection{}, err
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.first, b.first) })
	sel := selection{ranges: make([]byte, 0, 24*len(spans))}
	for _, sp := range spans {
		sel.ranges = binary.LittleEndian.AppendUint64(sel.ranges, uint64(sp.first))
		sel.ranges = binary.LittleEndian.AppendUint64(sel.ranges, uint64(sp.last))
		sel.ranges = binary.LittleEndian.AppendUint64(sel.ranges, uint64(sp.key))
	}
	if provs > 0 { // as SQL computed it: integer sums, then one division
		sel.avgH = float64(hsum) / float64(provs)
		sel.avgT = float64(tsum) / float64(provs)
	}
	return sel, nil
}

// searchSQL is the statement Search runs over the versions of sel, with
// its arguments. The full-text index is the outer loop (a CROSS JOIN
// fixes the order), so its query runs once: each row it matches is kept
// when its docid lies in a searched version (lacuna_version_of, which
// also gives the tie-break key), then looked up by docid in the narrow
// search_rows table (roles, word counts), kept when its roles are asked
// for, and ranked while the FTS cursor is on it; only the rows kept by the
// limit are then joined to their provision and statute version and read
// in full (their text, for the snippet): a common word matches tens of
// thousands of provisions at 200 countries, and reading each wide
// provision row cost more than the rest of the query. (Left to itself,
// SQLite's planner once drove the join from provisions and ran the MATCH
// once per provision, which grew quadratically with the matching rows;
// the MATCH rows were then materialised first, which cost a temporary
// table of every match.)
func searchSQL(q Query, match string, sel selection) (string, []any) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	// ?1 match, ?2 roles, ?3 limit, ?4 ranges, ?5 average heading, ?6 average text
	args := []any{match, int64(q.Roles), limit, sel.ranges, sel.avgH, sel.avgT}
	// The rank is computed for the rows that pass the filters, from
	// matchinfo 'pcnx' and the word counts of search_rows, against the
	// average lengths over the versions searched.
	return `
		WITH top AS MATERIALIZED (
			SELECT search_fts.docid AS docid,
			       lacuna_bm25(matchinfo(search_fts, 'pcnx'), r.hlen, r.tlen, ?5, ?6) AS rank,
			       lacuna_version_of(?4, search_fts.docid) AS k, r.roles AS roles
			FROM search_fts
			CROSS JOIN search_rows r ON r.docid = search_fts.docid
			WHERE search_fts MATCH ?1 AND lacuna_version_of(?4, search_fts.docid) IS NOT NULL
			      AND (?2 = 0 OR (r.roles & ?2) != 0)
			ORDER BY rank DESC, k, search_fts.docid
			LIMIT ?3
		),
		hit AS MATERIALIZED (
			SELECT top.docid AS docid, top.rank AS rank, top.k AS k, top.roles AS roles, sv.sha256 AS sha,
			       sp.rows -> (top.docid - sv.first) AS p
			FROM top
			CROSS JOIN search_rows r ON r.docid = top.docid
			CROSS JOIN search_versions sv ON sv.id = r.ver
			CROSS JOIN search_provisions sp ON sp.ver = sv.id
		)
		SELECT v.country, v.sha256, v.statute_id, v.version_date, hit.p ->> 0, hit.p ->> 1, hit.p ->> 3, hit.p ->> 5,
		       hit.roles, hit.p ->> 2, hit.rank
		FROM hit
		CROSS JOIN statute_versions v ON v.sha256 = hit.sha
		ORDER BY hit.rank DESC, hit.k, hit.docid`, args
}

// The rank is Okapi BM25 summed over phrases and columns: k1 = 1.2
// (Robertson's usual value); per column, a weight (a word in the heading
// counts double) and b, the length normalisation (none for headings: a
// heading is short by nature, and "Trafficking in persons" must not lose
// to a long text for being three words long). It is computed by the C
// function lacuna_bm25 (bm25.go); rankBM25 in bm25_test.go is its
// reference.

// snippetWords is how many words a snippet shows.
const snippetWords = 24

// snippet returns up to snippetWords words of text (of the heading when
// only the heading matches) around the first stretch richest in matched
// words, each match [bracketed], with … where text is left out. Matching
// is on folded words, as the index matches; the words shown are the
// original ones.
func snippet(heading, text string, terms []term) string {
	if s, ok := snippetOf(text, terms); ok {
		return s
	}
	if s, ok := snippetOf(heading, terms); ok {
		return s
	}
	s, _ := snippetOf(text, terms)
	return s
}

type span struct{ start, end int } // byte offsets in the original text

// snippetOf builds the snippet of one column; ok reports a match in it.
func snippetOf(text string, terms []term) (string, bool) {
	if text == "" {
		return "", false
	}
	fold, omap := index.Fold(text)
	var toks []span // words of the folded text
	var fw []string
	inWord, start := false, 0
	for i, r := range fold {
		w := isWord(r)
		if w && !inWord {
			start, inWord = i, true
		} else if !w && inWord {
			toks = append(toks, span{start, i})
			fw = append(fw, fold[start:i])
			inWord = false
		}
	}
	if inWord {
		toks = append(toks, span{start, len(fold)})
		fw = append(fw, fold[start:])
	}
	hit := make([]bool, len(toks))
	any := false
	for _, t := range terms {
		n := len(t.words)
		for i := 0; i+n <= len(fw); i++ {
			ok := true
			for k, w := range t.words {
				last := k == n-1
				if fw[i+k] != w && !(last && t.prefix && strings.HasPrefix(fw[i+k], w)) {
					ok = false
					break
				}
			}
			if ok {
				for k := 0; k < n; k++ {
					hit[i+k] = true
				}
				any = true
			}
		}
	}
	// the window of snippetWords words with the most matches, first wins
	from, best, cur := 0, -1, 0
	for i := range toks {
		if hit[i] {
			cur++
		}
		if i >= snippetWords && hit[i-snippetWords] {
			cur--
		}
		if i >= snippetWords-1 || i == len(toks)-1 {
			if cur > best {
				best, from = cur, max(0, i-snippetWords+1)
			}
		}
	}
	to := min(len(toks), from+snippetWords)
	if to-from < snippetWords { // a short text: show all of it
		from = max(0, to-snippetWords)
	}
	orig := func(i int) int { return int(omap[i]) }
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	for i := from; i < to; i++ {
		if i > from {
			b.WriteString(text[orig(toks[i-1].end):orig(toks[i].start)])
		}
		w := text[orig(toks[i].start):orig(toks[i].end)]
		if hit[i] {
			b.WriteString("[" + w + "]")
		} else {
			b.WriteString(w)
		}
	}
	if to < len(toks) {
		b.WriteString("…")
	} else if len(toks) > 0 {
		b.WriteString(text[orig(toks[len(toks)-1].end):])
	}
	return b.String(), any
}
