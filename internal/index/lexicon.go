package index

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// Lexicon is a standard.Lexicon compiled to phrase sets: for each concept
// class, one set of its phrases over every language (the union, in the
// order of standard.Lexicon.Union). It is compiled once per lexicon (by
// hash) and shared by every index built with it; it is safe for concurrent
// use.
type Lexicon struct {
	src   *standard.Lexicon
	union map[string]*PhraseSet
	words map[string]map[string]bool
	// byLang and wordsByLang hold each class's phrases in one language,
	// for cues read in the language of the provision (BindLang).
	byLang      map[string]map[string]*PhraseSet
	wordsByLang map[string]map[string]map[string]bool
	// langWords holds, by language, the folded function words (class
	// function-word) that tell a provision's language.
	langWords map[string]map[string]bool
	// wordLangs maps a function word to the bit set of the languages
	// (index in langs) it belongs to: looked up once per vocabulary word by Index.provLangs.
	wordLangs map[string]uint32
	maxFW     int // length of the longest function word: longer tokens skip the lookup
	langs     []string
	memo      sync.Map
	// ext is one value a client package derives from the lexicon (the
	// checks' cues), built once: read on every segment, so cheaper than
	// a Memo lookup.
	extOnce sync.Once
	ext     any
}

// Ext returns the value build makes from the lexicon, built once. Only one
// client may use it (the match package's cues).
func (l *Lexicon) Ext(build func() any) any {
	l.extOnce.Do(func() { l.ext = build() })
	return l.ext
}

// LangIndex returns the position of lang among the lexicon's languages
// (Languages order), or -1.
func (l *Lexicon) LangIndex(lang string) int {
	for i, x := range l.langs {
		if x == lang {
			return i
		}
	}
	return -1
}

// Langs returns the lexicon's languages, in the order LangIndex counts.
func (l *Lexicon) Langs() []string { return l.langs }

var (
	compiledMu sync.Mutex
	compiled   = map[string]*Lexicon{}
)

// CompileLexicon compiles l; the same lexicon (same hash) compiles to the
// same *Lexicon, so phrase sets and their per-index memos are shared.
func CompileLexicon(l *standard.Lexicon) *Lexicon {
	compiledMu.Lock()
	defer compiledMu.Unlock()
	if lx, ok := compiled[l.Hash]; ok {
		return lx
	}
	lx := &Lexicon{src: l, union: map[string]*PhraseSet{}, words: map[string]map[string]bool{}}
	for _, c := range l.Classes {
		u := l.Union(c.Name)
		lx.union[c.Name] = NewPhraseSet(u)
		ws := map[string]bool{}
		for _, p := range u {
			ws[strings.Join(Words(p), " ")] = true
		}
		lx.words[c.Name] = ws
	}
	lx.byLang = map[string]map[string]*PhraseSet{}
	lx.wordsByLang = map[string]map[string]map[string]bool{}
	for _, lang := range l.Languages() {
		sets, words := map[string]*PhraseSet{}, map[string]map[string]bool{}
		for _, c := range l.Classes {
			ps := l.Phrases(lang, c.Name)
			sets[c.Name] = NewPhraseSet(ps)
			ws := map[string]bool{}
			for _, p := range ps {
				ws[strings.Join(Words(p), " ")] = true
			}
			words[c.Name] = ws
		}
		lx.byLang[lang], lx.wordsByLang[lang] = sets, words
	}
	lx.langWords = map[string]map[string]bool{}
	for _, lang := range l.Languages() {
		ws := map[string]bool{}
		for _, p := range l.Phrases(lang, functionWords) {
			ws[strings.Join(Words(p), " ")] = true
		}
		lx.langWords[lang] = ws
	}
	lx.wordLangs = map[string]uint32{}
	for i, lang := range l.Languages() {
		if i >= 32 {
			break
		}
		lx.langs = append(lx.langs, lang)
		for w := range lx.langWords[lang] {
			lx.wordLangs[w] |= 1 << i
			lx.maxFW = max(lx.maxFW, len(w))
		}
	}
	compiled[l.Hash] = lx
	return lx
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// DefaultLexicon is the embedded lexicon (mapping/lexicon), compiled.
func DefaultLexicon() (*Lexicon, error) {
	defaultOnce.Do(func() {
		l, err := standard.EmbeddedLexicon()
		if err != nil {
			defaultErr = err
			return
		}
		defaultLex = CompileLexicon(l)
	})
	return defaultLex, defaultErr
}

// mustDefault is DefaultLexicon for indexes built without one; the
// embedded lexicon is checked by the tests, so an error is a build defect.
func mustDefault() *Lexicon {
	lx, err := DefaultLexicon()
	if err != nil {
		panic(err)
	}
	return lx
}

// Source returns the lexicon it was compiled from.
func (l *Lexicon) Source() *standard.Lexicon { return l.src }

// HasLanguage reports whether the lexicon has phrases for lang.
func (l *Lexicon) HasLanguage(lang string) bool { return l.src.HasLanguage(lang) }

// Set returns the phrase set of a class over every language; an unknown
// class gives an empty set (Bind reports unknown classes up front).
func (l *Lexicon) Set(class string) *PhraseSet {
	if ps, ok := l.union[class]; ok {
		return ps
	}
	return emptySet
}

var emptySet = NewPhraseSet(nil)

// Bind fills every field of the struct dst points to that has a
// `lex:"class"` tag with the class: a *PhraseSet field gets the class's
// phrase set, a map[string]bool field its folded phrases (for classes of
// single words looked up one token at a time). It fails, naming them, when
// a class is not in the lexicon's catalogue (a --mapping directory with an
// older lexicon).
func (l *Lexicon) Bind(dst any) error { return l.bind(dst, l.union, l.words) }

// BindLang is Bind with the phrases of one language: cues read in a
// provision's own language, so that a word of another language ("la
// commission de l'infraction" against English "Commission") never gives a
// role. A language the lexicon lacks gets the union over its languages
// (the language is reported elsewhere, never silently read as English).
func (l *Lexicon) BindLang(dst any, lang string) error {
	if sets, ok := l.byLang[lang]; ok {
		return l.bind(dst, sets, l.wordsByLang[lang])
	}
	return l.Bind(dst)
}

func (l *Lexicon) bind(dst any, sets map[string]*PhraseSet, words map[string]map[string]bool) error {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	var missing, notWords, unsupported []string
	for i := 0; i < t.NumField(); i++ {
		cls := t.Field(i).Tag.Get("lex")
		if cls == "" {
			continue
		}
		ps, ok := sets[cls]
		if !ok {
			missing = append(missing, cls)
			ps = emptySet
		}
		// every field is filled (an empty class at worst) before any
		// problem is returned, so a caller that ignores the error is safe
		switch v.Field(i).Interface().(type) {
		case *PhraseSet:
			v.Field(i).Set(reflect.ValueOf(ps))
		case map[string]bool:
			if ok && !l.src.IsWords(cls) {
				notWords = append(notWords, cls)
			}
			ws := words[cls]
			if ws == nil {
				ws = map[string]bool{}
			}
			v.Field(i).Set(reflect.ValueOf(ws))
		default:
			unsupported = append(unsupported, t.Field(i).Name)
		}
	}
	if len(unsupported) > 0 {
		return fmt.Errorf("lexicon: fields %s of %T have a type Bind cannot fill", strings.Join(unsupported, ", "), dst)
	}
	if len(missing) > 0 {
		return l.missing(missing)
	}
	if len(notWords) > 0 {
		return fmt.Errorf("%s: the classes %s are read one token at a time, expected them declared with words: true",
			l.src.Catalogue, strings.Join(notWords, ", "))
	}
	return nil
}

// missing reports classes the engine reads that the catalogue lacks.
func (l *Lexicon) missing(classes []string) error {
	return fmt.Errorf("%s: the lexicon has no class %s, expected every class the engine reads (see docs/lexicon-format.md)",
		l.src.Catalogue, strings.Join(classes, ", "))
}

// Lacks lists, in order, the classes named by the `lex` tags of the struct
// dst points to and by extra that the lexicon's catalogue lacks, and the
// error that names them (nil when none).
func (l *Lexicon) Lacks(dst any, extra ...string) error {
	var out []string
	t := reflect.TypeOf(dst).Elem()
	for i := 0; i < t.NumField(); i++ {
		if cls := t.Field(i).Tag.Get("lex"); cls != "" && !l.src.HasClass(cls) {
			out = append(out, cls)
		}
	}
	for _, cls := range extra {
		if !l.src.HasClass(cls) {
			out = append(out, cls)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return l.missing(out)
}

// Memo returns the value stored under key, building it once.
func (l *Lexicon) Memo(key any, build func() any) any {
	if v, ok := l.memo.Load(key); ok {
		return v
	}
	v, _ := l.memo.LoadOrStore(key, build())
	return v
}

// Check reports whether the lexicon has every class the index reads.
func (l *Lexicon) Check() error {
	if err := l.Lacks(&roleCues{}, append(append([]string{functionWords}, defFrameClasses...), lawNameClasses...)...); err != nil {
		return err
	}
	if _, err := l.buildDefGrammar(); err != nil {
		return err
	}
	if !l.src.IsWords(functionWords) {
		return fmt.Errorf("%s: the classes %s are read one token at a time, expected them declared with words: true", l.src.Catalogue, functionWords)
	}
	return l.Bind(&roleCues{})
}

// functionWords is the class whose words tell a provision's language.
const functionWords = "function-word"

// Language decision: a provision is in its statute's language unless its
// own text holds at least minLangWords function words of another language
// of the lexicon and more than langRatio times as many as of the statute's
// language (a bilingual statute, or a provision quoted in another
// language). Short provisions and mixed text keep the statute's language.
const (
	minLangWords = 4
	langRatio    = 3
)

// decides reports whether a provision of a statute declared in lang may be
// found to be in another language.
func (l *Lexicon) decides(declared string) bool {
	_, ok := l.langWords[declared]
	return ok && len(l.langWords) >= 2
}

// decide applies the language rule to the function-word counts by
// language (index in langs).
func (l *Lexicon) decide(declared string, counts *[32]int) string {
	base := 0
	best, bestN := declared, 0
	for i, lang := range l.langs {
		if lang == declared {
			base = counts[i]
			continue
		}
		if n := counts[i]; n > bestN {
			best, bestN = lang, n
		}
	}
	if bestN >= minLangWords && bestN > langRatio*base {
		return best
	}
	return declared
}
