package penalty

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// tokBuf holds the reusable buffers of one tokenization.
type tokBuf struct {
	toks []token
	buf  []byte
}

// tokPool recycles token buffers between calls: Parse runs on every
// provision, and the token slice is its largest allocation. Tokens never
// outlive the call that made them.
var tokPool = sync.Pool{New: func() any { return new(tokBuf) }}

// getTokBuf returns a buffer from the pool; putTokBuf gives it back unless
// it grew too large to keep.
func getTokBuf() *tokBuf { return tokPool.Get().(*tokBuf) }

func putTokBuf(tb *tokBuf) {
	if cap(tb.toks) > 1<<14 || cap(tb.buf) > 1<<17 {
		return
	}
	tokPool.Put(tb)
}

// tokKind is the kind of a token of the scanned text.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, folded
	tNum                  // digits, with thousands separators merged
	tPunct                // one significant punctuation character
)

// token is one word, number or significant punctuation mark of the text
// given to Parse. s is the folded form (lower case, diacritics removed,
// ß→ss); start and end are byte offsets into the original text.
type token struct {
	s          string
	start, end int
	num        float64 // value of a tNum token
	kind       tokKind
	upper      bool // first letter is upper case in the original
	nlBefore   int  // newlines between the previous token and this one
	fa, fb     int32
	lf         lexFlag // lexicon flags of a word, looked up once
}

// foldRune maps a rune to its folded ASCII form (lower case, no
// diacritics). It returns the lower-cased rune itself when no ASCII form is
// known, and "ss" for ß.
func foldRune(r rune, dst []byte) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'ā':
		return append(dst, 'a')
	case 'ç', 'Ç', 'č', 'ć':
		return append(dst, 'c')
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë', 'ē', 'ě':
		return append(dst, 'e')
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï':
		return append(dst, 'i')
	case 'ñ', 'Ñ', 'ń':
		return append(dst, 'n')
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'ø', 'Ø':
		return append(dst, 'o')
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü':
		return append(dst, 'u')
	case 'ý', 'ÿ', 'Ý':
		return append(dst, 'y')
	case 'ß':
		return append(dst, 's', 's')
	case 'œ', 'Œ':
		return append(dst, 'o', 'e')
	case 'æ', 'Æ':
		return append(dst, 'a', 'e')
	case 'º', 'ª', '°':
		return dst
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// isSpaceSep reports whether r may separate digit groups of one number
// ("150 000", "1 500 000" with no-break or narrow no-break spaces).
func isSpaceSep(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// significantPunct lists the punctuation kept as tokens.
func significantPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '(', ')', '-', '€', '$', '£', '¥', '₹', '₦', '₱', '‑', '–':
		return true
	}
	return false
}

// digitsAt returns the number of ASCII digits starting at text[i].
func digitsAt(text string, i int) int {
	n := 0
	for i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		n++
	}
	return n
}

// tokenize splits text into tokens. It allocates the token slice and one
// string holding every folded word; token strings are slices of it.
func (lx *Lexicon) tokenize(text string, tb *tokBuf) []token {
	var buf []byte
	var toks []token
	if tb != nil {
		buf, toks = tb.buf[:0], tb.toks[:0]
	}
	if cap(buf) < len(text)+16 {
		buf = make([]byte, 0, len(text)+16)
	}
	if cap(toks) < len(text)/5+4 {
		toks = make([]token, 0, len(text)/5+4)
	}
	nl := 0
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			start := i
			n := digitsAt(text, i)
			val := 0.0
			for k := 0; k < n; k++ {
				val = val*10 + float64(text[i+k]-'0')
			}
			i += n
			// Merge thousands groups and a short decimal part.
			for i < len(text) {
				r, w := utf8.DecodeRuneInString(text[i:])
				if !(isSpaceSep(r) || r == ',' || r == '.' || r == '\'') {
					break
				}
				g := digitsAt(text, i+w)
				if g == 3 && (i+w+3 >= len(text) || !(text[i+w+3] >= '0' && text[i+w+3] <= '9')) {
					for k := 0; k < 3; k++ {
						val = val*10 + float64(text[i+w+k]-'0')
					}
					i += w + 3
					continue
				}
				if (r == '.' || r == ',') && (g == 1 || g == 2) {
					// decimal part only when followed by a multiplier-like word
					j := i + w + g
					if j >= len(text) || text[j] == ' ' || text[j] == ')' {
						frac, div := 0.0, 1.0
						for k := 0; k < g; k++ {
							frac = frac*10 + float64(text[i+w+k]-'0')
							div *= 10
						}
						val += frac / div
						i = j
					}
				}
				break
			}
			a := len(buf)
			buf = append(buf, text[start:i]...)
			toks = append(toks, token{start: start, end: i, num: val, kind: tNum, nlBefore: nl, fa: int32(a), fb: int32(len(buf))})
			nl = 0
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r):
				start := i
				a := len(buf)
				up := unicode.IsUpper(r)
				for i < len(text) {
					if c := text[i]; c < utf8.RuneSelf {
						// ASCII fast path
						switch {
						case c >= 'a' && c <= 'z':
							buf = append(buf, c)
						case c >= 'A' && c <= 'Z':
							buf = append(buf, c+'a'-'A')
						default:
							goto done
						}
						i++
						continue
					}
					r, w = utf8.DecodeRuneInString(text[i:])
					if unicode.Is(unicode.Mn, r) {
						i += w // combining accent: dropped when folding
						continue
					}
					if !unicode.IsLetter(r) {
						break
					}
					buf = foldRune(r, buf)
					i += w
				}
			done:
				toks = append(toks, token{start: start, end: i, kind: tWord, upper: up, nlBefore: nl, fa: int32(a), fb: int32(len(buf))})
				nl = 0
			case r == '\n':
				nl++
				i += w
			case significantPunct(r):
				a := len(buf)
				if r == '‑' || r == '–' {
					buf = append(buf, '-')
				} else {
					buf = utf8.AppendRune(buf, r)
				}
				toks = append(toks, token{start: i, end: i + w, kind: tPunct, nlBefore: nl, fa: int32(a), fb: int32(len(buf))})
				nl = 0
				i += w
			default:
				i += w
			}
		}
	}
	if tb != nil {
		tb.buf, tb.toks = buf, toks
	}
	s := string(buf)
	for k := range toks {
		toks[k].s = s[toks[k].fa:toks[k].fb]
		if toks[k].kind == tWord {
			toks[k].lf = lx.flagsOf(toks[k].s)
		}
	}
	return toks
}
