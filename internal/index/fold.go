package index

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lacuna-project/lacuna/internal/statute"
	"golang.org/x/text/unicode/norm"
)

// latin is the folded form of every rune below 0x250 (Latin-1 and Latin
// Extended-A/B), computed once.
var latin = buildLatin()

func buildLatin() [0x250]string {
	var t [0x250]string
	for r := rune(0); r < 0x250; r++ {
		t[r] = foldRuneSlow(r)
	}
	return t
}

func foldRuneSlow(r rune) string {
	switch r {
	case 'ß', 'ẞ':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ':
		return "d"
	}
	// "Article 165¹": an inserted article's superscript number is a
	// hyphenated part of its number, as the parser numbers it (art165-1)
	if d, ok := statute.SuperscriptDigit(r); ok {
		return "-" + string(d)
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// FoldRune returns the folded form of r: lower case without diacritics.
func FoldRune(r rune) string {
	if r >= 0 && r < 0x250 {
		return latin[r]
	}
	switch r {
	case '\u2019', '\u2018':
		return "'"
	case '\u201c', '\u201d', '\u00ab', '\u00bb':
		return "\""
	case '\u2013', '\u2014':
		return "-"
	case '\u00a0', '\u202f', '\u2009':
		return " "
	}
	return foldRuneSlow(r)
}

// Fold returns s folded for matching, and for every byte of the result the
// byte offset in s it came from (len(result)+1 entries; the last maps to
// len(s)).
func Fold(s string) (string, []int32) {
	f, m := FoldSparse(s)
	if m == nil {
		m = make([]int32, len(f)+1)
		for i := range m {
			m[i] = int32(i)
		}
	}
	return f, m
}

// FoldSparse is Fold that returns a nil offset map when every offset maps
// to itself (ASCII text), saving the map for most English text.
func FoldSparse(s string) (string, []int32) {
	// One pass finds both whether the text is ASCII and where its first
	// upper-case letter is: most segments are ASCII, and the lower-cased
	// copy is made once, from that letter on.
	upper := -1
	ascii := true
	i := 0
	// eight bytes at a time while they are ASCII (see upperBits)
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		if x&hiBits != 0 {
			break
		}
		if upper < 0 {
			if u := upperBits(x); u != 0 {
				upper = i + bits.TrailingZeros64(u)/8
			}
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if upper < 0 && 'A' <= c && c <= 'Z' {
			upper = i
		}
	}
	if ascii {
		if upper < 0 {
			return s, nil
		}
		return lowerASCIIFrom(s, upper), nil
	}
	b := make([]byte, 0, len(s)+8)
	m := make([]int32, 0, len(s)+9)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			m = append(m, int32(i))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		f := FoldRune(r)
		for j := 0; j < len(f); j++ {
			b = append(b, f[j])
			m = append(m, int32(i))
		}
		i += n
	}
	m = append(m, int32(len(s)))
	return string(b), m
}

// lowerASCIIFrom lower-cases ASCII text whose first upper-case letter is
// at i. The new bytes are never written again, so they become the string
// without the copy string(b) would make.
func lowerASCIIFrom(s string, i int) string {
	b := make([]byte, len(s))
	copy(b, s[:i])
	j := i
	for ; j+8 <= len(s); j += 8 {
		x := load64(s, j)
		x |= upperBits(x) >> 2 // 0x80 >> 2 is the case bit 0x20
		binary.LittleEndian.PutUint64(b[j:], x)
	}
	for ; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[j] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

const hiBits = 0x8080808080808080

// load64 reads s[i:i+8] as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// upperBits returns, for eight ASCII bytes (no high bit set), the high bit
// of every byte that is an upper-case letter: b+0x3F reaches 0x80 from 'A'
// on, b+0x25 from '['; neither sum carries into the next byte.
func upperBits(x uint64) uint64 {
	return (x + 0x3F3F3F3F3F3F3F3F) &^ (x + 0x2525252525252525) & hiBits
}

// FoldString folds s without the offset map.
func FoldString(s string) string {
	f, _ := FoldSparse(s)
	return f
}

// Token is one word of a folded segment: Word is folded, Start/End are byte
// offsets in the folded text, OStart/OEnd in the original text.
type Token struct {
	Word       string
	Start, End int32 // byte offsets in the folded text (Segment.Orig maps them to the original)
}

func isWordByte(c byte) bool { return wordByte[c] }

// wordByte tells the bytes of folded words: a-z, 0-9 and every byte of a
// multi-byte rune.
var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 0x80 || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9')
	}
	return t
}()

// Tokenize splits folded text into tokens of letters and digits.
func Tokenize(f string) []Token {
	return appendTokens(make([]Token, 0, countTokens(f)), f)
}

// countTokens is an upper bound of the number of tokens of f.
func countTokens(f string) int {
	n := 1
	for i := 1; i < len(f); i++ {
		if !isWordByte(f[i-1]) && isWordByte(f[i]) {
			n++
		}
	}
	return n
}

func appendTokens(toks []Token, f string) []Token {
	for i := 0; i < len(f); {
		if !wordByte[f[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(f) && wordByte[f[j]] {
			j++
		}
		if j-i == 2 && f[i] == 'c' && f[i+1] == 'o' && j+1 < len(f) && f[j] == '-' && wordByte[f[j+1]] {
			// "co-ordinate", "co-operation" (Commonwealth spelling) are
			// one word, as "coordinate" and "cooperation" are
			k := j + 1
			for k < len(f) && wordByte[f[k]] {
				k++
			}
			toks = append(toks, Token{Word: "co" + f[j+1:k], Start: int32(i), End: int32(k)})
			i = k
			continue
		}
		toks = append(toks, Token{Word: f[i:j], Start: int32(i), End: int32(j)})
		i = j
	}
	return toks
}

// tokenSlab carves the token slices of many segments out of large blocks:
// one allocation per few thousand tokens instead of one per segment.
type tokenSlab struct{ buf []Token }

func (ts *tokenSlab) tokenize(f string) []Token {
	// A token takes a byte and a separator, so a short text needs no
	// counting pass: len/2+1 is room enough.
	n := len(f)/2 + 1
	if n > 1024 {
		n = countTokens(f)
	}
	if cap(ts.buf)-len(ts.buf) < n {
		ts.buf = make([]Token, 0, max(n, 4096))
	}
	start := len(ts.buf)
	ts.buf = appendTokens(ts.buf, f)
	return ts.buf[start:len(ts.buf):len(ts.buf)]
}

// Words splits a term into folded words (for compiling criteria).
func Words(term string) []string {
	f, _ := FoldSparse(term)
	var out []string
	for _, t := range Tokenize(f) {
		out = append(out, t.Word)
	}
	// keep a trailing '*' on a word as a prefix marker
	if strings.Contains(f, "*") {
		out = out[:0]
		for _, w := range strings.FieldsFunc(f, func(r rune) bool {
			return !(r == '*' || r >= 0x80 || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9'))
		}) {
			out = append(out, w)
		}
	}
	return out
}
