package reason

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/lacuna-project/lacuna/templates"
)

// Dir is the directory of the catalogues inside the templates FS; a
// language's catalogue is Dir/<lang>.yaml.
const (
	Dir     = "reasons"
	fileExt = ".yaml"
	english = "en"
)

// Catalogue renders reasons in one language. It is immutable once loaded
// and safe for concurrent use.
type Catalogue struct {
	Lang    string
	entries map[string]entry
}

// entry is one code's sentence, split into literal text and placeholders.
type entry struct {
	parts []part
	args  []string // placeholder names, sorted, unique
}

// part is literal text, or an argument's name when arg is true.
type part struct {
	text string
	arg  bool
}

// Error is a problem in a catalogue file: path:line: message.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var (
	enOnce sync.Once
	en     *Catalogue
	enErr  error
)

// English returns the embedded English catalogue, loaded once.
func English() (*Catalogue, error) {
	enOnce.Do(func() { en, enErr = Load(templates.FS, english) })
	return en, enErr
}

// Load reads the catalogue of lang (Dir/<lang>.yaml) from fsys. Every
// problem of the file is reported, sorted by line, as one error whose
// lines are path:line: messages.
func Load(fsys fs.FS, lang string) (*Catalogue, error) {
	name := Dir + "/" + lang + fileExt
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read reason catalogue: %w", err)
	}
	return Parse(name, lang, src)
}

// Parse parses a catalogue: one YAML mapping from reason code to its
// sentence, in which {name} stands for the argument name. A duplicate
// code is a YAML error.
func Parse(file, lang string, src []byte) (*Catalogue, error) {
	c := &Catalogue{Lang: lang, entries: map[string]entry{}}
	var errs []*Error
	add := func(line int, format string, a ...any) {
		errs = append(errs, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			return nil, &Error{File: file, Line: se.Token.Position.Line, Msg: fmt.Sprintf("invalid YAML: %s, expected a mapping from reason code to sentence", se.Message)}
		}
		return nil, &Error{File: file, Line: 1, Msg: "invalid YAML, expected a mapping from reason code to sentence"}
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if _, ok := d.Body.(*ast.CommentGroupNode); !ok {
				body = d.Body
				break
			}
		}
	}
	var values []*ast.MappingValueNode
	switch m := body.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		return nil, &Error{File: file, Line: 1, Msg: "not a mapping, expected a mapping from reason code to sentence"}
	}
	for _, mv := range values {
		line := mv.Key.GetToken().Position.Line
		code := mv.Key.String()
		if !validCode(code) {
			add(line, "reason code %q, expected lower-case words joined by '-' or '_'", code)
			continue
		}
		s, ok := mv.Value.(*ast.StringNode)
		if !ok {
			add(line, "reason %q is not a string, expected its sentence", code)
			continue
		}
		e, err := compile(s.Value)
		if err != nil {
			add(line, "reason %q: %v", code, err)
			continue
		}
		c.entries[code] = e
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		list := make([]error, len(errs))
		for i, e := range errs {
			list[i] = e
		}
		return nil, errors.Join(list...)
	}
	return c, nil
}

func validCode(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// compile splits a sentence into text and {name} placeholders.
func compile(s string) (entry, error) {
	var e entry
	seen := map[string]bool{}
	for s != "" {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			e.parts = append(e.parts, part{text: s})
			break
		}
		if s[i] == '}' {
			return e, fmt.Errorf("'}' without '{', expected {name}")
		}
		if i > 0 {
			e.parts = append(e.parts, part{text: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return e, fmt.Errorf("'{' without '}', expected {name}")
		}
		name := s[i+1 : i+j]
		if !validName(name) {
			return e, fmt.Errorf("placeholder {%s}, expected {name} with a lower-case name", name)
		}
		e.parts = append(e.parts, part{text: name, arg: true})
		if !seen[name] {
			seen[name] = true
			e.args = append(e.args, name)
		}
		s = s[i+j+1:]
	}
	sort.Strings(e.args)
	return e, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_') {
			return false
		}
	}
	return true
}

// Codes returns the codes of the catalogue, sorted.
func (c *Catalogue) Codes() []string {
	out := make([]string, 0, len(c.entries))
	for k := range c.entries {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Args returns the argument names the sentence of code takes, sorted, and
// whether the catalogue has the code.
func (c *Catalogue) Args(code string) ([]string, bool) {
	e, ok := c.entries[code]
	return append([]string{}, e.args...), ok
}

// Render returns the sentence of r, then each qualifier in Also as
// " (sentence)". A code the catalogue lacks, an argument its sentence
// needs but r lacks, or one r has but the sentence does not use is an
// error: a reason must say the same in every language.
func (c *Catalogue) Render(r Reason) (string, error) {
	var b strings.Builder
	if err := c.render(&b, r); err != nil {
		return "", err
	}
	for _, q := range r.Also {
		b.WriteString(" (")
		if err := c.render(&b, q); err != nil {
			return "", err
		}
		b.WriteString(")")
	}
	return b.String(), nil
}

func (c *Catalogue) render(b *strings.Builder, r Reason) error {
	if r.Code == "" && len(r.Args) == 0 {
		return nil
	}
	e, ok := c.entries[r.Code]
	if !ok {
		return fmt.Errorf("reason %q is not in the %s catalogue, expected an entry in %s/%s.yaml", r.Code, c.Lang, Dir, c.Lang)
	}
	for _, k := range sortedKeys(r.Args) {
		if !contains(e.args, k) {
			return fmt.Errorf("reason %q: argument %q is not used by the %s sentence, expected only %s", r.Code, k, c.Lang, strings.Join(e.args, ", "))
		}
	}
	for _, p := range e.parts {
		if !p.arg {
			b.WriteString(p.text)
			continue
		}
		v, ok := r.Args[p.text]
		if !ok {
			return fmt.Errorf("reason %q: argument %q missing, expected by the %s sentence", r.Code, p.text, c.Lang)
		}
		s, err := value(v, c.Lang)
		if err != nil {
			return fmt.Errorf("reason %q: argument %q: %v", r.Code, p.text, err)
		}
		b.WriteString(s)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
