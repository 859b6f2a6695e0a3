package standard

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// Text is an instrument's text, read from a Markdown file in the statute
// format (front matter, then "### Article N. Heading" sections), split so
// that an article or paragraph can be quoted by its cited number.
type Text struct {
	Instrument InstrumentID
	File       string
	articles   map[string]*textArticle
	order      []string
}

type textArticle struct {
	number  string
	heading string
	paras   []textPara
}

// textPara is one paragraph of an article with its path of markers, e.g.
// ["2", "a"] for paragraph 2, subparagraph (a).
type textPara struct {
	path []string
	text string
}

var (
	reTextHeading = regexp.MustCompile(`^(#{2,6})\s+(?:Article|Section|Art\.)\s+([0-9]+[A-Za-z]?(?:\([0-9A-Za-z]+\))*)\.?(?:\s+(.*))?$`)
	reAnyHeading  = regexp.MustCompile(`^#{1,6}\s`)
	reParaNum     = regexp.MustCompile(`^(\d+)\.+\s*`)
	reParaParen   = regexp.MustCompile(`^\(([0-9]+|[a-z]+|[A-Z])\)\s*`)
)

// LoadTexts reads, for every instrument of m that names a text_file, that
// file from fsys when it is there. Missing files are skipped: the user may
// hold only some texts. The result is keyed by instrument ID.
func (m *Map) LoadTexts(fsys fs.FS) (map[InstrumentID]*Text, error) {
	out := map[InstrumentID]*Text{}
	for _, in := range m.Instruments {
		if in.TextFile == "" {
			continue
		}
		src, err := readLimited(fsys, in.TextFile)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read instrument text %s: %w", in.TextFile, err)
		}
		t := ParseText(in.TextFile, src)
		t.Instrument = in.ID
		out[in.ID] = t
	}
	return out, nil
}

// ParseText splits an instrument text into articles and paragraphs.
func ParseText(name string, src []byte) *Text {
	t := &Text{File: name, articles: map[string]*textArticle{}}
	lines := strings.Split(string(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))), "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	var cur *textArticle
	var block []string
	var stack []level
	flush := func() {
		if cur == nil || len(block) == 0 {
			block = block[:0]
			return
		}
		text := strings.TrimSpace(strings.Join(block, " "))
		block = block[:0]
		if text == "" {
			return
		}
		kind, key, ok := paraMarker(text, stack)
		if ok {
			for len(stack) > 0 && stack[len(stack)-1].kind >= kind {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, level{kind, key})
		}
		path := make([]string, len(stack))
		for i, l := range stack {
			path[i] = l.key
		}
		cur.paras = append(cur.paras, textPara{path: path, text: text})
	}
	for _, line := range lines {
		if m := reTextHeading.FindStringSubmatch(line); m != nil {
			flush()
			stack = stack[:0]
			num := m[2]
			if _, dup := t.articles[num]; dup {
				cur = nil
				continue
			}
			cur = &textArticle{number: num, heading: strings.TrimSpace(m[3])}
			t.articles[num] = cur
			t.order = append(t.order, num)
			continue
		}
		if reAnyHeading.MatchString(line) {
			flush()
			cur = nil
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		block = append(block, strings.TrimSpace(line))
	}
	flush()
	return t
}

// level is one open paragraph marker: kind 1 numbered paragraph, 2 letter,
// 3 roman or deeper.
type level struct {
	kind int
	key  string
}

var romans = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true}

// paraMarker reads the marker that opens a paragraph: "1." (kind 1),
// "(a)" (kind 2), "(i)" (kind 3, when a letter is open and "i" does not
// continue the letters), "(1)" (kind 1), "(A)" (kind 2).
func paraMarker(text string, stack []level) (int, string, bool) {
	if m := reParaNum.FindStringSubmatch(text); m != nil {
		return 1, m[1], true
	}
	m := reParaParen.FindStringSubmatch(text)
	if m == nil {
		return 0, "", false
	}
	key := m[1]
	switch {
	case key[0] >= '0' && key[0] <= '9':
		return 1, key, true
	case key[0] >= 'A' && key[0] <= 'Z':
		return 2, key, true
	}
	lastLetter := ""
	for _, l := range stack {
		if l.kind == 2 {
			lastLetter = l.key
		}
	}
	if romans[key] && lastLetter != "" {
		continues := len(key) == 1 && len(lastLetter) == 1 && lastLetter[0]+1 == key[0]
		if !continues {
			return 3, key, true
		}
	}
	if len(key) > 1 && !romans[key] {
		return 0, "", false
	}
	if len(key) > 1 {
		return 3, key, true
	}
	return 2, key, true
}

// Articles lists the article numbers of the text in file order.
func (t *Text) Articles() []string { return append([]string(nil), t.order...) }

// Article returns the text of an article or paragraph by its cited number,
// e.g. "5", "5(2)(a)", "3(c)", "7106(a)(2)": the heading's number is matched
// first (longest first), then the paragraph markers inside it. Paragraphs
// under the cited one are included.
func (t *Text) Article(number string) (string, bool) {
	head := number
	var rest []string
	for {
		if a, ok := t.articles[head]; ok {
			return a.quote(rest)
		}
		p := ParentArticle(head)
		if p == "" {
			return "", false
		}
		rest = append([]string{head[len(p)+1 : len(head)-1]}, rest...)
		head = p
	}
}

func (a *textArticle) quote(path []string) (string, bool) {
	var parts []string
	for _, p := range a.paras {
		if hasPrefix(p.path, path) {
			parts = append(parts, p.text)
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, "\n\n"), true
}

func hasPrefix(path, prefix []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i := range prefix {
		if path[i] != prefix[i] {
			return false
		}
	}
	return true
}
