package standard

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/lacuna-project/lacuna/mapping"
)

// Lexicon is the language knowledge of the engine as data: for each
// language (en, fr, de, es, …) a list of phrases per concept class (child,
// trafficking, act, means, …), in the phrase syntax of the map's keyword
// terms (folded words, "*" ending a word makes it a prefix). The classes
// are declared once, with a line of documentation each, in classes.yaml
// beside the language files; see docs/lexicon-format.md.
type Lexicon struct {
	// Classes is the catalogue, in file order.
	Classes []LexClass
	// Hash is the sha256 (hex) of the lexicon as loaded, overlay included;
	// it changes with any phrase, class or language.
	Hash string
	// Catalogue is the path of classes.yaml as given, for messages.
	Catalogue string
	langs     map[string]map[string][]string
}

// LexClass is one concept class of the catalogue.
type LexClass struct {
	Name string
	Doc  string
	// Required classes must have phrases in every language.
	Required bool
	// Words classes are read one token at a time: each phrase is a single
	// word without "*".
	Words bool
	Pos   Pos
}

// Languages lists the languages that have a lexicon: en, fr, de, es first
// (those present), then any others sorted.
func (l *Lexicon) Languages() []string {
	var out, rest []string
	for _, k := range Languages {
		if _, ok := l.langs[k]; ok {
			out = append(out, k)
		}
	}
	for k := range l.langs {
		if !contains(Languages, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// HasLanguage reports whether lang has a lexicon.
func (l *Lexicon) HasLanguage(lang string) bool {
	_, ok := l.langs[lang]
	return ok
}

// class returns the catalogue entry of name (zero when absent).
func (l *Lexicon) class(name string) LexClass {
	for _, c := range l.Classes {
		if c.Name == name {
			return c
		}
	}
	return LexClass{}
}

// IsWords reports whether class is read one token at a time.
func (l *Lexicon) IsWords(class string) bool { return l.class(class).Words }

// HasClass reports whether class is in the catalogue.
func (l *Lexicon) HasClass(class string) bool {
	for _, c := range l.Classes {
		if c.Name == class {
			return true
		}
	}
	return false
}

// Phrases returns the phrases of class in lang, in file order (the
// embedded lexicon's first, then an overlay's).
func (l *Lexicon) Phrases(lang, class string) []string { return l.langs[lang][class] }

// Only returns the lexicon restricted to one language (its phrases only,
// the same catalogue), for cues read in a provision's own language; its
// hash names the language. A language the lexicon lacks gives nil.
func (l *Lexicon) Only(lang string) *Lexicon {
	ph, ok := l.langs[lang]
	if !ok {
		return nil
	}
	return &Lexicon{Classes: l.Classes, Hash: l.Hash + "/" + lang, Catalogue: l.Catalogue,
		langs: map[string]map[string][]string{lang: ph}}
}

// Union returns the phrases of class over every language, in the order of
// Languages, each phrase once.
func (l *Lexicon) Union(class string) []string {
	var out []string
	seen := map[string]bool{}
	for _, lang := range l.Languages() {
		for _, p := range l.langs[lang][class] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

var (
	lexClassKeys = []string{"doc", "required", "words"}
	reLexClass   = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	reLexFile    = regexp.MustCompile(`^[a-z]{2}\.yaml$`)
)

// LexiconFile is the class catalogue's file name in a lexicon directory.
const LexiconFile = "classes.yaml"

var (
	embeddedOnce sync.Once
	embeddedLex  *Lexicon
	embeddedErr  error
)

// EmbeddedLexicon is the lexicon embedded with the map (mapping/lexicon),
// loaded once per process.
func EmbeddedLexicon() (*Lexicon, error) {
	embeddedOnce.Do(func() {
		sub, err := fs.Sub(mapping.FS, "lexicon")
		if err != nil {
			embeddedErr = err
			return
		}
		embeddedLex, embeddedErr = LoadLexicon(sub, "mapping/lexicon", nil, "")
		if embeddedErr != nil {
			embeddedErr = fmt.Errorf("embedded lexicon: %w", embeddedErr)
		}
	})
	return embeddedLex, embeddedErr
}

// LoadLexicon reads a lexicon directory (classes.yaml and one <lang>.yaml
// per language) and, when overlay is not nil, adds the phrases of the
// overlay's <lang>.yaml files to it. name and overlayName prefix the paths
// in positions. Every problem comes back at once as an ErrorList.
func LoadLexicon(base fs.FS, name string, overlay fs.FS, overlayName string) (*Lexicon, error) {
	var errs ErrorList
	l := &loader{errs: &errs, m: &Map{}}
	lx := l.loadLexicon(base, name, overlay, overlayName)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return lx, nil
}

func (l *loader) loadLexicon(base fs.FS, name string, overlay fs.FS, overlayName string) *Lexicon {
	lx := &Lexicon{langs: map[string]map[string][]string{}, Catalogue: join(name, LexiconFile)}
	l.lexClasses(lx, base, name)
	first := map[string]Pos{} // lang+"\x00"+class+"\x00"+phrase -> where first given
	files, _ := fs.Glob(base, "*.yaml")
	langs := 0
	for _, f := range files {
		if f == LexiconFile {
			continue
		}
		if !reLexFile.MatchString(f) {
			l.errs.Add(Pos{File: join(name, f)}, "unknown lexicon file %q, expected %s or <language>.yaml with a two-letter language code", f, LexiconFile)
			continue
		}
		langs++
		l.lexLanguage(lx, base, name, f, first)
	}
	if langs == 0 {
		l.errs.Add(Pos{File: name}, "no language files, expected <language>.yaml (en.yaml, fr.yaml, …)")
	}
	// the required classes are checked on the embedded lexicon and, for a
	// language the overlay adds, on the overlay's file
	checkRequired := func(dir, f string) {
		lang := strings.TrimSuffix(f, ".yaml")
		var missing []string
		for _, c := range lx.Classes {
			if c.Required && len(lx.langs[lang][c.Name]) == 0 {
				missing = append(missing, c.Name)
			}
		}
		if len(missing) > 0 {
			l.errs.Add(Pos{File: join(dir, f)}, "language %q has no phrases for the required classes %s, expected at least one phrase for each",
				lang, strings.Join(missing, ", "))
		}
	}
	for _, f := range files {
		if reLexFile.MatchString(f) {
			checkRequired(name, f)
		}
	}
	if overlay != nil {
		ofiles, _ := fs.Glob(overlay, "*")
		for _, f := range ofiles {
			if st, err := fs.Stat(overlay, f); err == nil && st.IsDir() || strings.HasPrefix(f, ".") {
				continue
			}
			if !reLexFile.MatchString(f) {
				l.errs.Add(Pos{File: join(overlayName, f)}, "unknown lexicon overlay file %q, expected <language>.yaml with a two-letter language code (the class catalogue cannot be overlaid)", f)
				continue
			}
			lang := strings.TrimSuffix(f, ".yaml")
			_, had := lx.langs[lang]
			l.lexLanguage(lx, overlay, overlayName, f, first)
			if !had {
				checkRequired(overlayName, f)
			}
		}
	}
	lx.Hash = lx.hash()
	return lx
}

func (l *loader) lexClasses(lx *Lexicon, fsys fs.FS, name string) {
	d, root := l.read(fsys, name, LexiconFile)
	if root == nil {
		return
	}
	for _, kv := range d.pairs(root, LexiconFile) {
		if !reLexClass.MatchString(kv.key) {
			l.errs.Add(kv.keyPos, "class name %q is malformed, expected lower-case words joined by '-'", kv.key)
			continue
		}
		f, ok := d.fields(kv.value, "class "+kv.key, lexClassKeys)
		if !ok {
			continue
		}
		c := LexClass{Name: kv.key, Pos: kv.keyPos}
		if v, ok := f["doc"]; ok {
			c.Doc = d.str(v, "class "+kv.key)
		}
		if c.Doc == "" {
			l.errs.Add(kv.keyPos, "class %q has no doc, expected one line saying what the class means in law", kv.key)
		}
		if v, ok := f["required"]; ok {
			c.Required = d.boolean(v, "class "+kv.key)
		}
		if v, ok := f["words"]; ok {
			c.Words = d.boolean(v, "class "+kv.key)
		}
		lx.Classes = append(lx.Classes, c)
	}
}

func (l *loader) lexLanguage(lx *Lexicon, fsys fs.FS, prefix, f string, first map[string]Pos) {
	lang := strings.TrimSuffix(f, ".yaml")
	d, root := l.read(fsys, prefix, f)
	if lx.langs[lang] == nil {
		lx.langs[lang] = map[string][]string{}
	}
	if root == nil {
		return
	}
	var names []string
	for _, c := range lx.Classes {
		names = append(names, c.Name)
	}
	for _, kv := range d.pairs(root, path.Base(f)) {
		if !lx.HasClass(kv.key) {
			hint := ""
			if near := nearest(kv.key, names); near != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", near)
			}
			l.errs.Add(kv.keyPos, "unknown class %q%s, expected one of %s (declared in %s)", kv.key, hint, strings.Join(names, ", "), LexiconFile)
			continue
		}
		words := lx.class(kv.key).Words
		list, pos := d.strList(kv.value, fmt.Sprintf("class %q", kv.key))
		for i, t := range list {
			if msg := checkTerm(t); msg != "" {
				l.errs.Add(pos[i], "phrase %q of class %q %s, expected words of letters or digits, with * only at the end of a word", t, kv.key, msg)
				continue
			}
			if ws, _ := TermWords(t); words && (len(ws) != 1 || strings.HasSuffix(ws[0], "*")) {
				l.errs.Add(pos[i], "phrase %q of class %q is not a single word, expected one word without * (the class is read one token at a time)", t, kv.key)
				continue
			}
			key := lang + "\x00" + kv.key + "\x00" + Fold(t)
			if p, dup := first[key]; dup {
				l.errs.Add(pos[i], "phrase %q of class %q is given twice for %q (first at %s), expected each phrase once", t, kv.key, lang, p)
				continue
			}
			first[key] = pos[i]
			lx.langs[lang][kv.key] = append(lx.langs[lang][kv.key], t)
		}
	}
}

// hash digests the lexicon in a canonical order: classes as declared, then
// each language's phrases class by class.
func (lx *Lexicon) hash() string {
	h := sha256.New()
	fmt.Fprintf(h, "lacuna-lexicon 1\n")
	for _, c := range lx.Classes {
		fmt.Fprintf(h, "class %q %t %t %q\n", c.Name, c.Required, c.Words, c.Doc)
	}
	for _, lang := range lx.Languages() {
		for _, c := range lx.Classes {
			for _, p := range lx.langs[lang][c.Name] {
				fmt.Fprintf(h, "%s %s %q\n", lang, c.Name, p)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// nearest returns the name within edit distance 2 of s, if one is.
func nearest(s string, names []string) string {
	best, bd := "", 3
	for _, n := range names {
		if d := editDistance(s, n); d < bd {
			best, bd = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
