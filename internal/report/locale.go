package report

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/lacuna-project/lacuna/internal/reason"
	"github.com/lacuna-project/lacuna/templates"
)

// Languages are the languages a briefing can be written in, English first.
var Languages = []string{"en", "fr", "es"}

// LangDir is the directory of the briefing catalogues inside the templates
// FS: LangDir/<lang>.yaml holds every word of a pack a reader sees, keyed
// like the reason catalogues (one YAML mapping from key to text, {name}
// for an argument).
const LangDir = "lang"

// Locale is one language of the briefing packs: its catalogue of words
// (LangDir/<lang>.yaml), its reason catalogue (reasons/<lang>.yaml) and its
// conventions for numbers and dates. A key missing from the catalogue is an
// error, never an English fallback. A Locale is immutable and safe for
// concurrent use.
type Locale struct {
	Lang    string
	words   *reason.Catalogue
	reasons *reason.Catalogue
	decimal string // decimal separator: "." or ","
}

// ValidLang reports whether lang is one of Languages.
func ValidLang(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// LoadLocale reads the catalogues of lang from fsys (the templates FS).
func LoadLocale(fsys fs.FS, lang string) (*Locale, error) {
	if !ValidLang(lang) {
		return nil, fmt.Errorf("language %q, expected one of %s", lang, strings.Join(Languages, ", "))
	}
	name := LangDir + "/" + lang + ".yaml"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read briefing catalogue: %w", err)
	}
	words, err := reason.Parse(name, lang, src)
	if err != nil {
		return nil, err
	}
	rs, err := reason.Load(fsys, lang)
	if err != nil {
		return nil, err
	}
	l := &Locale{Lang: lang, words: words, reasons: rs, decimal: "."}
	if lang != "en" {
		l.decimal = ","
	}
	return l, nil
}

var (
	embeddedMu      sync.Mutex
	embeddedLocales = map[string]*Locale{}
)

// EmbeddedLocale returns the locale of lang from the embedded templates,
// loaded once.
func EmbeddedLocale(lang string) (*Locale, error) {
	embeddedMu.Lock()
	defer embeddedMu.Unlock()
	if l, ok := embeddedLocales[lang]; ok {
		return l, nil
	}
	l, err := LoadLocale(templates.FS, lang)
	if err != nil {
		return nil, err
	}
	embeddedLocales[lang] = l
	return l, nil
}

// english is the embedded English locale; the embedded catalogue is tested
// to load, so a failure here is a broken build.
func english() *Locale {
	l, err := EmbeddedLocale("en")
	if err != nil {
		panic("report: embedded English catalogue: " + err.Error())
	}
	return l
}

// Keys returns the keys of the catalogue, sorted.
func (l *Locale) Keys() []string { return l.words.Codes() }

// Args returns the argument names the text of key takes.
func (l *Locale) Args(key string) ([]string, bool) { return l.words.Args(key) }

// Reasons returns the reason catalogue of the locale.
func (l *Locale) Reasons() *reason.Catalogue { return l.reasons }

// Text renders key with its arguments, given as name, value pairs. A
// missing key or argument is an error.
func (l *Locale) Text(key string, kv ...any) (string, error) {
	if len(kv)%2 != 0 {
		return "", fmt.Errorf("text %q: arguments come in name, value pairs, got %d values", key, len(kv))
	}
	if _, ok := l.words.Args(key); !ok {
		return "", fmt.Errorf("text %q is not in the %s catalogue, expected an entry in %s/%s.yaml", key, l.Lang, LangDir, l.Lang)
	}
	var args reason.Args
	for i := 0; i < len(kv); i += 2 {
		name, ok := kv[i].(string)
		if !ok {
			return "", fmt.Errorf("text %q: argument name %v is not a string", key, kv[i])
		}
		if args == nil {
			args = reason.Args{}
		}
		args[name] = kv[i+1]
	}
	// A catalogue key, not an engine reason code: the reason package's
	// test checks reason.New calls against reasons/en.yaml, and
	// TestLocalesComplete checks these keys.
	s, err := l.words.Render(reason.Reason{Code: key, Args: args})
	if err != nil {
		return "", fmt.Errorf("text %q: %w", key, err)
	}
	return s, nil
}

// T is Text for keys the code itself uses, which the tests check in every
// language: it returns "" only if the catalogue is broken.
func (l *Locale) T(key string, kv ...any) string {
	s, err := l.Text(key, kv...)
	if err != nil {
		return "⟦" + key + "⟧"
	}
	return s
}

// Pct formats a 0–100 score with at most one decimal in the locale's
// convention: "62.5" (en), "62,5" (fr, es).
func (l *Locale) Pct(x float64) string { return l.localNum(Pct(x)) }

// Num formats a weight or confidence: "1.5" (en), "1,5" (fr, es).
func (l *Locale) Num(x float64) string { return l.localNum(Num(x)) }

// Int formats a whole number; fr and es group thousands with a narrow
// no-break space and a dot respectively ("150 000", "150.000").
func (l *Locale) Int(n int) string {
	s := strconv.Itoa(n)
	if l.Lang == "en" || len(strings.TrimPrefix(s, "-")) < 5 {
		return s
	}
	sep := "\u202f"
	if l.Lang == "es" {
		sep = "."
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func (l *Locale) localNum(s string) string {
	if l.decimal == "." {
		return s
	}
	return strings.Replace(s, ".", l.decimal, 1)
}

// ParseNumber reads a number written with either decimal separator
// ("62.5", "62,5"); ok is false when s is not a number.
func ParseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	return v, err == nil
}

// Date writes a YYYY-MM-DD date as the language writes it in prose: English
// keeps the ISO form, "15 janvier 2026", "15 de enero de 2026". Anything
// that is not such a date is returned as it is.
func (l *Locale) Date(d string) string {
	if l.Lang == "en" || len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return d
	}
	y, e1 := strconv.Atoi(d[:4])
	m, e2 := strconv.Atoi(d[5:7])
	day, e3 := strconv.Atoi(d[8:])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || day < 1 || day > 31 {
		return d
	}
	return l.T("date", "day", l.dayWord(day), "month", l.T("month-"+strconv.Itoa(m)), "year", strconv.Itoa(y))
}

func (l *Locale) dayWord(d int) string {
	if d == 1 && l.Lang == "fr" {
		return "1er"
	}
	return strconv.Itoa(d)
}

// Term writes a term given in months as a reader states it, in whole
// years, then months, then days ("2 years 6 months", "2 ans et 6 mois",
// "2 años y 6 meses"); see penalty.FormatTerm, which English matches.
func (l *Locale) Term(months float64) string {
	if months <= 0 || math.IsNaN(months) {
		return "0"
	}
	if math.IsInf(months, 1) {
		return l.T("term-unlimited")
	}
	whole := math.Floor(months + 0.005)
	days := max(0, int(math.Round((months-whole)*365.25/12)))
	n := int(whole)
	var parts []string
	for _, u := range []struct {
		k    int
		unit string
	}{{n / 12, "year"}, {n % 12, "month"}, {days, "day"}} {
		if u.k == 0 {
			continue
		}
		parts = append(parts, l.Count(u.unit, u.k))
	}
	switch len(parts) {
	case 0:
		return "0"
	case 1:
		return parts[0]
	}
	return l.T("term-join", "first", strings.Join(parts[:len(parts)-1], l.T("term-sep")), "last", parts[len(parts)-1])
}

// Count renders key-one or key-many with {n}: "1 statute", "2 statutes".
// French uses the singular for 0 and 1, English and Spanish for 1 only.
func (l *Locale) Count(key string, n int) string {
	one := n == 1 || (l.Lang == "fr" && n == 0)
	if one {
		return l.T(key+"-one", "n", l.Int(n))
	}
	return l.T(key+"-many", "n", l.Int(n))
}

// Verdict is the display label of a verdict ("gap" → "Gap", "Lacune").
func (l *Locale) Verdict(v string) string {
	if v == "" {
		return "—"
	}
	return l.T("verdict-" + v)
}

// Badge is the inline mark of a verdict: a code span holding its label in
// capitals (`GAP`, `LACUNE`), which the PDF and HTML renderers colour by
// BadgeVerdict.
func (l *Locale) Badge(v string) string {
	if v == "" {
		return "—"
	}
	return "`" + l.badgeWord(v) + "`"
}

func (l *Locale) badgeWord(v string) string {
	return strings.ToUpper(Field(l.T("badge-" + v)))
}

var (
	badgeOnce  sync.Once
	badgeWords map[string]string
)

// BadgeVerdict returns the verdict a badge word of any language stands for
// ("GAP", "LACUNE", "LAGUNA" → "gap"), or "" when the word is no badge.
func BadgeVerdict(word string) string {
	badgeOnce.Do(func() {
		badgeWords = map[string]string{}
		for _, lang := range Languages {
			l, err := EmbeddedLocale(lang)
			if err != nil {
				continue
			}
			for _, v := range verdictKeys {
				badgeWords[l.badgeWord(v)] = v
			}
		}
	})
	return badgeWords[word]
}

// verdictKeys are the verdicts the catalogues name (score.Verdicts).
var verdictKeys = []string{"met", "partial", "gap", "contrary", "undetermined", "not_applicable"}

// Pillar is the display label of a pillar.
func (l *Locale) Pillar(p string) string {
	if p == "" {
		return "—"
	}
	return l.T("pillar-" + p)
}

// Enum is the display label of a closed-set value (ratification status,
// instrument kind, penalty variant, offence): the catalogue's key
// prefix-value, with '_' read as '-'. A value the catalogue does not know
// is shown as it is, so a new engine value never hides a row.
func (l *Locale) Enum(prefix, v string) string {
	if v == "" {
		return "—"
	}
	s, err := l.Text(prefix + "-" + strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		return v
	}
	return s
}

// Citation writes "statute provision, line N" in the locale.
func (l *Locale) Citation(statuteID, provision string, line int) string {
	s := strings.TrimSpace(statuteID + " " + provision)
	if line > 0 {
		s = l.T("citation-line", "cite", s, "line", strconv.Itoa(line))
	}
	return s
}

// Words are the few words the PDF and HTML renderers draw themselves
// (outside the template): headings of generated parts, the page footer.
type Words struct {
	Lang             string
	Contents         string // the table of contents' heading
	Notes            string // the footnotes' heading
	StatutesAnalysed string // the cover's list of statutes
	BriefingPack     string // the cover's kicker
	Score            string // the head of a chart's value column (Markdown)
	OutOf100         string // under the headline score: "out of 100"
	page             func(n, total int) string
	label            func(key string) string
	decimal          string
}

// Label writes a field's label followed by a colon: "Country:", "Pays :".
func (w Words) Label(key string) string {
	if w.label == nil {
		return key + ":"
	}
	return w.label(key)
}

// Pct writes a 0–100 score in the language's convention.
func (w Words) Pct(x float64) string {
	s := Pct(x)
	if w.decimal != "" && w.decimal != "." {
		s = strings.Replace(s, ".", w.decimal, 1)
	}
	return s
}

// Page is the footer of page n of total: "Page 2 of 9".
func (w Words) Page(n, total int) string {
	if w.page == nil {
		return fmt.Sprintf("Page %d of %d", n, total)
	}
	return w.page(n, total)
}

// Words returns the renderer words of the locale.
func (l *Locale) Words() Words {
	return Words{
		Lang: l.Lang, Contents: l.T("contents"), Notes: l.T("notes"),
		StatutesAnalysed: l.T("statutes-analysed"), BriefingPack: l.T("briefing-pack"), Score: l.T("chart-column"),
		OutOf100: l.T("out-of-100"),
		page:     func(n, total int) string { return l.T("page-of", "n", strconv.Itoa(n), "total", strconv.Itoa(total)) },
		label:    func(key string) string { return l.T("label", "label", key) },
		decimal:  l.decimal,
	}
}

// EnglishWords are the renderer words in English, for Markdown rendered
// without a briefing.
func EnglishWords() Words { return english().Words() }

// DefaultLang is the language of a pack when none is asked for: the
// language of most of the provisions analysed (counts by primary language
// tag), more than half of them, when it is French or Spanish; else English,
// so that a German or a mixed corpus (no language holding a majority) gets
// English.
func DefaultLang(counts map[string]int) string {
	total := 0
	for _, n := range counts {
		total += n
	}
	for _, l := range []string{"fr", "es"} {
		if 2*counts[l] > total {
			return l
		}
	}
	return "en"
}
