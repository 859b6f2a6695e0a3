package statute

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxFileSize is the largest statute file Parse accepts, in bytes.
var MaxFileSize = 64 << 20

// MaxNesting caps how deeply lists and block quotes may nest in a statute
// body. Deeper structure is reported as an error instead of being parsed, so
// that hostile input cannot exhaust the stack or time.
var MaxNesting = 32

// MaxBlocks caps the blocks (headings, list items, paragraphs) of one
// statute body, counted before goldmark builds its tree: each becomes a
// node and most a provision, about 1.5 KB apiece, so a 62 MB file of
// 4.4 million tiny sections took 6.6 GB. The largest statute of the real
// corpus has a few hundred blocks, a whole criminal code tens of
// thousands, the 20 MB test statute 360,000.
var MaxBlocks = 1_000_000

// mdParser parses blocks only. goldmark's inline parsers (emphasis, links,
// code spans) and its per-line inline pass cost most of its time, and
// statutes barely use inline syntax: paragraphs become rawParagraph nodes,
// which goldmark leaves alone, and stripInline removes inline syntax from
// their lines.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(util.Prioritized(rawTransformer{}, 100)),
)

// rawParagraph is a paragraph whose inline content goldmark does not parse.
type rawParagraph struct{ gast.BaseBlock }

var kindRawParagraph = gast.NewNodeKind("StatuteParagraph")

func (n *rawParagraph) Kind() gast.NodeKind { return kindRawParagraph }
func (n *rawParagraph) IsRaw() bool         { return true }
func (n *rawParagraph) Dump(src []byte, level int) {
	gast.DumpHelper(n, src, level, nil, nil)
}

// rawSlabKey holds, in a parse's goldmark context, the rawSlab its raw
// paragraphs are carved from: one allocation per batch, not per paragraph.
var rawSlabKey = parser.NewContextKey()

type rawSlab struct{ s []rawParagraph }

// rawTransformer swaps each closed paragraph for a rawParagraph.
type rawTransformer struct{}

func (rawTransformer) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	if parent == nil {
		return
	}
	var r *rawParagraph
	if sl, _ := pc.Get(rawSlabKey).(*rawSlab); sl != nil {
		if len(sl.s) == 0 {
			sl.s = make([]rawParagraph, 256)
		}
		r, sl.s = &sl.s[0], sl.s[1:]
	} else {
		r = &rawParagraph{}
	}
	r.SetLines(node.Lines())
	r.SetBlankPreviousLines(node.HasBlankPreviousLines())
	parent.ReplaceChild(parent, node, r)
}

// Parse parses one statute file. path is used in positions only. It returns
// the statute (never nil; partial when the file has errors) and, when the
// file has errors, an ErrorList holding them (see ErrorList.Err). Warnings
// are in Statute.Warnings.
func Parse(path string, src []byte) (*Statute, error) {
	st := &Statute{Path: path, Size: len(src)}
	sum := sha256.Sum256(src)
	st.SHA256 = hex.EncodeToString(sum[:])
	var errs ErrorList
	p := &parse{st: st, errs: &errs}
	p.run(src)
	if p.quotedText && len(errs.Errors()) == 0 {
		p.aliasEarlier(src)
	}
	for _, e := range errs {
		if e.Severity == SevWarning {
			st.Warnings = append(st.Warnings, e)
		}
	}
	st.Warnings.Sort()
	return st, errs.Err()
}

type parse struct {
	oldCount map[string]int // earlier-scheme heading IDs seen, for Statute.Aliases
	olds     []oldID        // every heading's earlier-scheme ID (legacy)
	renamed  bool           // some heading's ID changed
	// earlier parses as the scheme before quoted passages were recognised
	// (see aliasEarlier); quotedText records that this file has one.
	earlier, quotedText bool
	nblocks             int    // blocks counted by checkBody
	bodyStr             string // the body, for texts that are substrings of it
	lastLine            int    // lineAt's last answer
	st                  *Statute
	errs                *ErrorList
	s                   *source
	ids                 map[ProvisionID]*Provision
	dups                map[ProvisionID]int // next "~N" suffix to try per duplicated ID

	scratch []piece     // reused by linePieces
	slab    []Provision // provisions are carved from here: one allocation per batch
	segs    []Segment   // first segments likewise
}

// newProvision returns a zeroed provision from the slab.
func (p *parse) newProvision() *Provision {
	if len(p.slab) == 0 {
		p.slab = make([]Provision, 16)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	return n
}

func (p *parse) run(src []byte) {
	st := p.st
	if len(src) > MaxFileSize {
		p.errs.Add(Pos{File: st.Path, Line: 1}, "file is %d bytes, larger than the limit of %d bytes, expected one statute of ordinary size", len(src), MaxFileSize)
		return
	}
	s := newSource(st.Path, src)
	shift := len(src) - len(s.buf) // the byte-order mark
	if kind := binaryKind(src); kind != "" {
		p.errs.Add(Pos{File: st.Path, Line: 1}, "file looks like %s, not Markdown text; expected a statute in Markdown (convert it first)", kind)
		return
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		p.errs.Add(s.pos(i-shift), "NUL byte in file, expected UTF-8 text")
		return
	}
	if !utf8.Valid(src) {
		i := firstInvalid(src)
		p.errs.Add(s.pos(i-shift), "invalid UTF-8 byte 0x%02X, expected UTF-8 text", src[i])
		return
	}
	p.s = s
	fm, ok := splitFrontMatter(s, p.errs)
	if !ok {
		return
	}
	keyLines := map[string]int{}
	var decoded bool
	st.Meta, decoded = decodeMeta(s, fm, p.errs, keyLines)
	st.keyLines = keyLines
	p.checkMeta(fm, keyLines, decoded)
	body := s.buf[fm.bodyStart:]
	if len(bytes.TrimSpace(body)) == 0 {
		l := fm.bodyLine
		if n := s.numLines(); l > n {
			l = n
		}
		p.errs.Add(s.at(l), "statute has no body after the front matter, expected headings and provision text")
		return
	}
	deep, over, nblocks := checkBody(s, fm.bodyStart)
	if deep > 0 {
		p.errs.Add(s.at(deep), "lists or block quotes nested more than %d deep, expected ordinary statute structure", MaxNesting)
		return
	}
	if over > 0 {
		p.errs.Add(s.at(over), "more than %d headings, list items and paragraphs in one statute, expected a statute of ordinary size (split it into several files)", MaxBlocks)
		return
	}
	p.nblocks = nblocks
	p.buildTree(fm.bodyStart)
}

// startsBlock reports whether line t starts a block: a heading, a quote,
// a list item, or the first line after a blank one (blank tracks that).
func startsBlock(line []byte, blank *bool) bool {
	t := bytes.TrimLeft(line, " \t")
	if len(t) == 0 {
		*blank = true
		return false
	}
	starts := *blank || t[0] == '#' || t[0] == '>' || len(t) > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t')
	if !starts && t[0] >= '0' && t[0] <= '9' {
		j := 0
		for j < len(t) && j < 9 && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		starts = j < len(t) && (t[j] == '.' || t[j] == ')')
	}
	*blank = false
	return starts
}

// checkBody checks, in one scan of the body's lines and before goldmark
// sees the text, that lists and block quotes nest at most MaxNesting deep
// (lineTooDeep) and that the body holds at most MaxBlocks blocks
// (startsBlock): it returns the first line nested too deep, else the line
// at which the body passes MaxBlocks, and the block count (an estimate of
// goldmark's leaf blocks, to size the block list).
func checkBody(s *source, start int) (deepLine, overLine, count int) {
	blank := true
	for l, n := s.line(start), s.numLines(); l <= n; l++ {
		t := s.lineText(l)
		if lineTooDeep(t) {
			return l, 0, count
		}
		if startsBlock(t, &blank) {
			if count++; count > MaxBlocks && overLine == 0 {
				overLine = l
			}
		}
	}
	return 0, overLine, count
}

// binaryKind names what a binary file given as a statute looks like, by
// its first bytes; "" for anything else.
func binaryKind(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte("%PDF-")):
		return "a PDF document"
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		return "a ZIP archive (a .docx, .odt or .epub is one)"
	case bytes.HasPrefix(src, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "an old Microsoft Office document (.doc)"
	case bytes.HasPrefix(src, []byte("{\\rtf")):
		return "an RTF document"
	}
	return ""
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// checkMeta applies the rules that need several keys.
func (p *parse) checkMeta(fm frontMatter, keyLines map[string]int, decoded bool) {
	m := &p.st.Meta
	s := p.s
	top := s.at(1)
	if !decoded {
		// The YAML did not decode: its error says all there is to say.
		if m.ID == "" {
			m.ID = idFromPath(p.st.Path, m.Country)
		}
		return
	}
	d := dialectByName(m.Dialect)
	if _, ok := keyLines["country"]; !ok {
		if d != nil {
			p.errs.Add(top, "front matter has no %q key, expected an ISO 3166-1 alpha-2 code such as \"li\" (%s front matter)", d.keyFor("country"), d.Name)
		} else {
			p.errs.Add(top, `front matter has no "country" key, expected an ISO 3166-1 alpha-3 code such as "KEN"`)
		}
	}
	titleKey := "title"
	if d != nil {
		titleKey = d.keyFor("title")
	}
	if l, ok := keyLines["title"]; !ok {
		p.errs.Add(top, "front matter has no %q key, expected the statute's full title", titleKey)
	} else if m.Title == "" && !p.hasErrorAt(l) {
		p.errs.Add(s.at(l), "%q is empty, expected the statute's full title", titleKey)
	}
	if l, ok := keyLines["id"]; (!ok || m.ID == "") && d != nil && ok {
		// The dialect's identifier could not make an ID (no country):
		// the country error says why; the file name stands in.
		m.ID = idFromPath(p.st.Path, m.Country)
	} else if !ok || m.ID == "" {
		m.ID = idFromPath(p.st.Path, m.Country)
		at := top
		if ok {
			at = s.at(l)
		}
		p.errs.Warn(at, "front matter has no \"id\", using %q from the file name; expected a stable id such as \"ken/ctip-act-2010\"", m.ID)
	}
	if l, ok := keyLines["text_quality"]; ok && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(m.TextQuality)), "LOW") {
		p.errs.Warn(s.at(l), "text_quality is LOW: the text is known to be damaged (OCR noise), findings on it are unreliable")
	}
}

// hasErrorAt reports whether an error was already reported on line l or
// the value lines right after it.
func (p *parse) hasErrorAt(l int) bool {
	for _, e := range *p.errs {
		if e.Severity == SevError && e.Pos.Line >= l && e.Pos.Line <= l+1 {
			return true
		}
	}
	return false
}

// lineTooDeep reports a line whose list or quote nesting, judged from its
// indentation and leading markers, exceeds MaxNesting.
func lineTooDeep(t []byte) bool {
	depth := 0
	indent := 0
	i := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == ' ':
			indent++
			i++
			continue
		case c == '\t':
			indent += 4
			i++
			continue
		case c == '>':
			depth++
			i++
			continue
		case (c == '-' || c == '*' || c == '+') && i+1 < len(t) && (t[i+1] == ' ' || t[i+1] == '\t'):
			depth++
			i += 2
			continue
		case c >= '0' && c <= '9':
			j := i
			for j < len(t) && j-i < 9 && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			if j+1 < len(t) && (t[j] == '.' || t[j] == ')') && (t[j+1] == ' ' || t[j+1] == '\t') {
				depth++
				i = j + 2
				continue
			}
		}
		break
	}
	return depth > 0 && depth+indent/2 > MaxNesting
}

// printedNumber returns the marker of an ordered list item as printed
// ("4."), read from the source line of its first text, or "".
func printedNumber(item gast.Node, body []byte) string {
	n := item
	for n != nil && (n.Type() != gast.TypeBlock || n.Lines().Len() == 0) {
		n = n.FirstChild()
	}
	if n == nil || n.Lines().Len() == 0 {
		return ""
	}
	start := n.Lines().At(0).Start
	ls := bytes.LastIndexByte(body[:start], '\n') + 1
	pre := bytes.TrimRight(body[ls:start], " \t")
	if len(pre) < 2 {
		return ""
	}
	mk := pre[len(pre)-1]
	if mk != '.' && mk != ')' {
		return ""
	}
	j := len(pre) - 1
	for j > 0 && pre[j-1] >= '0' && pre[j-1] <= '9' {
		j--
	}
	if j == len(pre)-1 || len(pre)-1-j > 9 {
		return ""
	}
	return string(pre[j:])
}

// boldHeadingLevel is the heading level given to an article set in bold:
// below Markdown's six, so that it nests under every real heading.
const boldHeadingLevel = 7

// wholeBold reports whether a line is one bold span, "**Menschenhandel**"
// (footnote references aside).
func wholeBold(line []byte) bool {
	t := bytes.TrimSpace(line)
	if !bytes.HasPrefix(t, []byte("**")) {
		return false
	}
	if bytes.Contains(t, []byte("[^")) {
		t = footnoteRefRe.ReplaceAll(t, nil)
	}
	if len(t) < 5 || !bytes.HasPrefix(t, []byte("**")) || !bytes.HasSuffix(t, []byte("**")) {
		return false
	}
	return !bytes.Contains(t[2:len(t)-2], []byte("**"))
}

// runInBoldLabel returns the bold text that opens a line and is followed
// by more text ("**Article 4 :** Est coupable …"), when it names an article
// by a word and a number (not a bare "**3.**" or an emphasised phrase).
func runInBoldLabel(line []byte) (string, bool) {
	t := bytes.TrimSpace(line)
	if !bytes.HasPrefix(t, []byte("**")) {
		return "", false
	}
	end := bytes.Index(t[2:], []byte("**"))
	if end <= 0 || end > 120 || len(bytes.TrimSpace(t[2+end+2:])) == 0 {
		return "", false
	}
	label := strings.TrimSpace(string(t[2 : 2+end]))
	hasLetter, hasDigit := false, false
	for _, r := range label {
		hasLetter = hasLetter || unicode.IsLetter(r)
		hasDigit = hasDigit || unicode.IsDigit(r)
	}
	if !hasLetter || !hasDigit && !strings.Contains(strings.ToLower(label), "premier") && !strings.Contains(strings.ToLower(label), "unique") {
		return "", false
	}
	return label, true
}

// emphasisDefinedTerm returns the folded term of a line that opens with a
// term in emphasis ("*term*", "**term**", "***term***", "_term_") followed
// by a defining verb, as definedTerm reads a quoted term; "" otherwise.
func emphasisDefinedTerm(line []byte) string {
	t := bytes.TrimSpace(line)
	n := 0
	for n < len(t) && n < 3 && (t[n] == '*' || t[n] == '_') && t[n] == t[0] {
		n++
	}
	if n == 0 {
		return ""
	}
	mk := t[:n]
	end := bytes.Index(t[n:], mk)
	// (a label in bold, "**Artículo 10.-** Toda acción …", names no term)
	if end <= 0 || end > 120 || bytes.ContainsAny(t[n:n+end], "*_.:0123456789") {
		return ""
	}
	after := bytes.TrimSpace(t[n+end+n:])
	term, ok := definedTerm("\"" + string(t[n:n+end]) + "\" " + string(after))
	if !ok {
		return ""
	}
	return term
}

// labelHeading makes label, which opens pieces[0], a heading block of its
// own and drops it from the text, with the dash or colon after it ("**Art.
// 303 bis 4.** — Est considéré …", "ARTÍCULO 80.- Derechos …").
func labelHeading(out []block, pieces []piece, label string) ([]block, []piece) {
	out = append(out, block{heading: boldHeadingLevel, text: label, line: pieces[0].line, endLine: pieces[0].line})
	rest := strings.TrimLeft(strings.TrimSpace(pieces[0].text[len(label):]), "—–-:. ")
	if rest == "" {
		return out, pieces[1:]
	}
	pieces[0].text = rest
	return out, pieces
}

// plainArticleLabel returns the article label that opens a plain
// paragraph in the gazette layout, "ARTÍCULO 80.- Derechos …", "Art. 5°.-
// …": a word and a number that read as an article heading, closed by a full
// stop and a dash within the first 40 bytes. A section number alone ("12.-")
// or a paragraph sign is no such label.
func plainArticleLabel(text string, english bool) (string, bool) {
	if text == "" || !unicode.IsUpper([]rune(text[:min(len(text), 4)])[0]) {
		return "", false
	}
	head := text[:min(len(text), 40)]
	for _, d := range []string{".-", ".–", ".—"} {
		i := strings.Index(head, d)
		if i <= 0 {
			continue
		}
		label := text[:i]
		hi := parseHeading(label, english)
		if hi.kind == KindSection && hi.id != "" && !strings.HasPrefix(hi.id, "s") && !strings.HasPrefix(hi.id, "§") && strings.TrimSpace(hi.title) == "" {
			return label, true
		}
	}
	return "", false
}

var footnoteRefRe = regexp.MustCompile(`\[\^[^\]\s]{1,32}\]`)

// footnoteDefRe is the start of a footnote definition, "[^12]: …".
var footnoteDefRe = regexp.MustCompile(`^[\t ]*\[\^[^\]\s]{1,32}\]:`)

// footnoteDef reports a line that opens a footnote definition
// (footnoteDefRe), checking its first bytes before the expression.
func footnoteDef(line []byte) bool {
	t := bytes.TrimLeft(line, " \t")
	return len(t) > 3 && t[0] == '[' && t[1] == '^' && footnoteDefRe.Match(line)
}

// block is one leaf block of the body, flattened from the goldmark tree.
type block struct {
	heading   int    // heading level, 0 for text blocks
	text      string // inline Markdown removed
	line      int
	endLine   int
	bold      bool   // a one-line paragraph wholly in bold ("**Menschenhandel**")
	quoted    bool   // inside a block quote: text an amending provision inserts elsewhere
	listLabel string // "3." for the first block of an ordered list item
	itemFirst bool   // first block of a list item
	inItem    bool   // a later block inside a list item
	defTerm   string // a term defined in emphasis ("*exploitation* means …"), folded
}

// blocks walks the goldmark tree without recursion and flattens it.
func (p *parse) blocks(doc gast.Node, body []byte, base int) []block {
	type frame struct {
		n         gast.Node
		itemFirst bool
		inItem    bool
		label     string
		quoted    bool
	}
	out := make([]block, 0, p.nblocks+p.nblocks/8+16)
	english := p.st.Meta.Lang() == "en"
	stack := make([]frame, 1, p.nblocks+16) // the document's children are pushed at once
	stack[0] = frame{n: doc}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		switch n.Kind() {
		case gast.KindHeading, gast.KindParagraph, gast.KindTextBlock, gast.KindCodeBlock, gast.KindFencedCodeBlock, gast.KindHTMLBlock, kindRawParagraph:
			b := block{itemFirst: f.itemFirst, inItem: f.inItem, listLabel: f.label, quoted: f.quoted}
			lines := n.Lines()
			if lines.Len() == 0 {
				if h, ok := n.(*gast.Heading); ok {
					// empty heading: position from its own offset if any
					b.heading = h.Level
					b.line, b.endLine = 0, 0
					out = append(out, b)
				}
				continue
			}
			b.line = p.lineAt(base + lines.At(0).Start)
			b.endLine = p.lineAt(base + lines.At(lines.Len()-1).Start)
			switch n.Kind() {
			case gast.KindHeading:
				b.heading = n.(*gast.Heading).Level
				// the heading's lines, inline syntax removed, as one line
				if pieces := p.linePieces(lines, body, base); len(pieces) == 1 {
					b.text = pieces[0].text
				} else {
					var sb strings.Builder
					for k, pc := range pieces {
						if k > 0 {
							sb.WriteByte(' ')
						}
						sb.WriteString(pc.text)
					}
					b.text = strings.TrimSpace(sb.String())
				}
			case gast.KindParagraph, gast.KindTextBlock, kindRawParagraph:
				if first := lines.At(0); footnoteDef(first.Value(body)) {
					// "[^3]: § 11 abgeändert durch …": an amendment note
					continue
				} else if lines.Len() == 1 {
					b.bold = wholeBold(first.Value(body))
				}
				var pieces []piece
				if n.Kind() == kindRawParagraph {
					pieces = p.linePieces(lines, body, base)
				} else {
					pieces = inlinePieces(n, body, func(off int) int { return p.s.line(base + off) })
				}
				if first := lines.At(0); !b.inItem && !b.itemFirst && len(pieces) > 0 && wholeBold(first.Value(body)) {
					// "**Artículo 153.- Trata de personas**": an article
					// set in bold rather than as a heading (the Peruvian
					// legalize layout) is a heading below every real one.
					if hi := parseHeading(pieces[0].text, english); hi.kind == KindSection && !strings.HasPrefix(hi.id, "s") {
						out = append(out, block{heading: boldHeadingLevel, text: pieces[0].text, line: pieces[0].line, endLine: pieces[0].line})
						pieces = pieces[1:]
						b.bold = false
						if len(pieces) == 0 {
							continue
						}
					}
				} else if first := lines.At(0); !b.inItem && !b.itemFirst && len(pieces) > 0 {
					// "**Article 4 :** Est coupable …", "**ARTÍCULO 52.- TRATA
					// DE PERSONAS.** Incurre …": an article label run into
					// its first paragraph in bold is the article's heading
					if label, ok := runInBoldLabel(first.Value(body)); ok && strings.HasPrefix(pieces[0].text, label) {
						if hi := parseHeading(label, english); hi.kind == KindSection && hi.id != "" {
							out, pieces = labelHeading(out, pieces, label)
							if len(pieces) == 0 {
								continue
							}
						}
					}
				}
				if first := lines.At(0); !b.inItem && !b.itemFirst && len(pieces) > 0 && !bytes.HasPrefix(bytes.TrimSpace(first.Value(body)), []byte("**")) {
					// "ARTÍCULO 80.- Derechos de la víctima. …": an article
					// label closed by a full stop and a dash opens a plain
					// paragraph (the gazette layout): the article's heading
					if label, ok := plainArticleLabel(pieces[0].text, english); ok {
						out, pieces = labelHeading(out, pieces, label)
						b.bold = false
						if len(pieces) == 0 {
							continue
						}
					}
				}
				if first := lines.At(0); len(pieces) > 0 {
					// "*exploitation* means …", "***child*** means …": a
					// term set in emphasis before a defining verb, the
					// Australian way of printing a defined term
					b.defTerm = emphasisDefinedTerm(first.Value(body))
				}
				// A line that opens with a marker starts a provision of its
				// own even without a blank line before it.
				start := 0
				for i := 1; i <= len(pieces); i++ {
					if i < len(pieces) {
						if _, ok := scanMarker(pieces[i].text); !ok {
							continue
						}
					}
					part := b
					if start > 0 {
						part.itemFirst, part.listLabel, part.defTerm = false, "", ""
						part.inItem = b.inItem || b.itemFirst
					}
					part.line = pieces[start].line
					part.endLine = pieces[i-1].line
					if i-start == 1 {
						part.text = pieces[start].text
					} else {
						var sb strings.Builder
						for k := start; k < i; k++ {
							if k > start {
								sb.WriteByte(' ')
							}
							sb.WriteString(pieces[k].text)
						}
						part.text = strings.TrimSpace(sb.String())
					}
					out = append(out, part)
					start = i
				}
				if len(pieces) == 0 {
					out = append(out, b)
				}
				continue
			default:
				var sb strings.Builder
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					if i > 0 {
						sb.WriteByte(' ')
					}
					sb.Write(bytes.TrimSpace(seg.Value(body)))
				}
				b.text = sb.String()
			}
			out = append(out, b)
			continue
		case gast.KindThematicBreak:
			continue
		}
		// container: push children in reverse order
		i := n.ChildCount()
		for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
			i--
			cf := frame{n: c, inItem: f.inItem || f.itemFirst, quoted: f.quoted || n.Kind() == gast.KindBlockquote}
			if f.itemFirst && i == 0 {
				cf.itemFirst, cf.inItem, cf.label = true, f.inItem, f.label
			}
			if n.Kind() == gast.KindListItem {
				if i == 0 {
					cf.itemFirst = true
					cf.inItem = false
					cf.label = f.label
				} else {
					cf.itemFirst = false
					cf.inItem = true
					cf.label = ""
				}
			}
			if n.Kind() == gast.KindList {
				l := n.(*gast.List)
				cf.itemFirst, cf.inItem, cf.label = false, f.inItem || f.itemFirst, ""
				if l.IsOrdered() {
					// The printed number is the ID: Markdown renumbers "1.
					// … 4." as 1, 2, but the law says 4.
					cf.label = printedNumber(c, body)
					if cf.label == "" {
						cf.label = strconv.Itoa(l.Start+i) + string(l.Marker)
					}
				}
			}
			stack = append(stack, cf)
		}
	}
	return out
}

// lineAt returns the line of byte offset off (see source.line). Blocks
// ask in document order, so it walks forward from its last answer for a
// few lines before it falls back to a binary search.
func (p *parse) lineAt(off int) int {
	s := p.s
	if l := p.lastLine; l >= 1 && l <= len(s.lines) && off >= s.lines[l-1] && off <= len(s.buf) {
		for k := 0; k < 16; k++ {
			if l >= len(s.lines) || s.lines[l] > off {
				p.lastLine = l
				return l
			}
			l++
		}
	}
	l := s.line(off)
	p.lastLine = l
	return l
}

// piece is the text of one source line of a paragraph.
type piece struct {
	line int
	text string
}

// inlinePieces collects the text of a block's inline nodes without
// Markdown syntax, one piece per source line.
func inlinePieces(n gast.Node, src []byte, lineOf func(int) int) []piece {
	var out []piece
	var b []byte
	cur := -1
	flush := func() {
		if cur >= 0 {
			out = append(out, piece{line: cur, text: stripInline(bytes.TrimSpace(b))})
		}
		b = b[:0]
	}
	brk := true // the next text starts a new line
	stack := []gast.Node{}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch v := c.(type) {
		case *gast.Text:
			if brk {
				if l := lineOf(v.Segment.Start); l != cur {
					flush()
					cur = l
				} else {
					b = append(b, ' ')
				}
				brk = false
			}
			b = append(b, v.Segment.Value(src)...)
			if v.SoftLineBreak() || v.HardLineBreak() {
				brk = true
			}
			continue
		case *gast.String:
			if cur < 0 {
				cur = 0
			}
			b = append(b, v.Value...)
			continue
		case *gast.AutoLink:
			b = append(b, v.URL(src)...)
			continue
		case *gast.RawHTML:
			continue
		}
		for k := c.LastChild(); k != nil; k = k.PreviousSibling() {
			stack = append(stack, k)
		}
	}
	flush()
	// pieces that start with a String node have no line: borrow the next
	for i := range out {
		if out[i].line == 0 && i+1 < len(out) {
			out[i].line = out[i+1].line
		}
	}
	return out
}

// linePieces returns the lines of a raw paragraph, inline syntax removed.
func (p *parse) linePieces(lines *text.Segments, body []byte, base int) []piece {
	out := p.scratch[:0]
	defer func() { p.scratch = out[:0] }()
	l := p.lineAt(base + lines.At(0).Start)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			l = p.s.lineFrom(l, base+seg.Start)
		}
		raw := body[seg.Start:seg.Stop]
		t := bytes.TrimSpace(raw)
		var txt string
		switch {
		case len(t) == 0:
		case seg.Padding == 0 && !hasInline(t):
			// no inline syntax: the text is the source, a substring of
			// the body held once rather than a copy per line
			off := seg.Start + cap(raw) - cap(t)
			txt = p.bodyStr[off : off+len(t)]
		default:
			txt = stripInline(t)
		}
		out = append(out, piece{line: l, text: txt})
	}
	return out
}

// inlineBytes are the bytes that may start inline Markdown syntax, which
// stripInline removes.
var inlineBytes = func() (t [256]bool) {
	for _, c := range []byte("\\*_`[]<") {
		t[c] = true
	}
	return t
}()

// hasInline reports whether b holds a byte of inlineBytes.
func hasInline(b []byte) bool {
	for _, c := range b {
		if inlineBytes[c] {
			return true
		}
	}
	return false
}

// open is an open marker level inside a section.
type open struct {
	style string
	value string
	node  *Provision
}

func (p *parse) buildTree(bodyStart int) {
	st := p.st
	s := p.s
	body := s.buf[bodyStart:]
	// Lines without inline syntax are substrings of one copy of the body.
	p.bodyStr = string(body)
	ctx := parser.NewContext()
	ctx.Set(rawSlabKey, &rawSlab{})
	doc := mdParser.Parse(text.NewReader(body), parser.WithContext(ctx))
	blocks := p.blocks(doc, body, bodyStart)
	p.ids = make(map[ProvisionID]*Provision, len(blocks))
	// Every block makes at most one provision and one first segment (plus
	// the preamble): size the slabs exactly, so small files waste nothing.
	p.slab = make([]Provision, len(blocks)+1)
	p.segs = make([]Segment, len(blocks)+1)
	english := st.Meta.Lang() == "en"

	type hopen struct {
		level int
		node  *Provision
	}
	var heads []hopen      // open headings
	var section *Provision // current heading node (any kind)
	var markers []open
	var cur *Provision // node receiving unmarked text
	headingNo := 0
	sawBody := false
	var preamble *Provision

	// Division numbers repeat in whole codes ("Título I" of Book I and of
	// Book II, "1. Abschnitt" of the general and the special part): such a
	// division's ID is qualified by the division it belongs to
	// ("book-II/title-I"), so that IDs are unique by construction. Count
	// them first, so that every occurrence is qualified alike.
	// Dispositions numbered by ordinal words ("PRIMERA.-") restart in each
	// series of a law that has several: they are qualified alike.
	// his holds the heading blocks' readings, in block order.
	nh := 0
	for i := range blocks {
		if blocks[i].heading > 0 {
			nh++
		}
	}
	his := make([]headingInfo, 0, nh)
	divCount := map[string]int{}
	secCount := map[string]int{} // section numbers, to find numberings that restart
	for _, b := range blocks {
		if b.heading > 0 && b.line != 0 {
			hi := parseHeading(b.text, english)
			if hi.kind == KindDivision || isDisposition(hi.id) {
				divCount[hi.id]++
			}
			if hi.kind == KindSection && hi.id != "" {
				secCount[hi.id]++
			}
			his = append(his, hi)
		}
	}
	dispDup := map[string]bool{} // series of dispositions with a repeated number
	for id, k := range divCount {
		if k > 1 && isDisposition(id) {
			dispDup[dispositionSeries(id)] = true
		}
	}
	if !p.earlier && markQuotedPassages(blocks) {
		p.quotedText = true
	}
	var divs []*Provision // divisions so far, in document order

	// Children lists start in a shared slab with room for four: most
	// provisions have fewer, and a longer list moves out on its own.
	var kids []*Provision
	attach := func(parent, n *Provision) {
		n.Parent = parent
		if parent == nil {
			n.Depth = 0
			st.Roots = append(st.Roots, n)
		} else {
			n.Depth = parent.Depth + 1
			if parent.Children == nil {
				if len(kids) < 4 {
					kids = make([]*Provision, 4*256)
				}
				parent.Children, kids = kids[:0:4], kids[4:]
			}
			parent.Children = append(parent.Children, n)
		}
	}
	addSeg := func(n *Provision, b block, txt string) {
		if txt == "" {
			return
		}
		if n.Segments == nil {
			if len(p.segs) == 0 {
				p.segs = make([]Segment, 16)
			}
			n.Segments = p.segs[:1:1]
			p.segs = p.segs[1:]
			n.Segments[0] = Segment{Line: b.line, Text: txt}
		} else {
			n.Segments = append(n.Segments, Segment{Line: b.line, Text: txt})
		}
		if b.endLine > n.EndLine {
			n.EndLine = b.endLine
		}
	}

	hk := 0 // next heading reading in his
	for _, b := range blocks {
		if b.heading > 0 && b.line != 0 {
			hk++
		}
		if b.quoted && (section != nil || preamble != nil) && b.line != 0 {
			// A block-quoted passage is the text an amending provision
			// inserts into another law: its headings and markers are not
			// provisions of this statute but text of the amending one.
			if b.heading > 0 {
				headingNo++
			}
			txt := b.text
			if b.itemFirst && b.listLabel != "" {
				txt = b.listLabel + " " + txt // the inserted text's own numbering
			}
			addSeg(cur, b, txt)
			continue
		}
		if b.heading > 0 {
			headingNo++
			if b.line == 0 {
				continue
			}
			if b.heading == 1 && st.Title == "" && !sawBody && len(st.Roots) == 0 {
				st.Title = b.text
				continue
			}
			for len(heads) > 0 && heads[len(heads)-1].level >= b.heading {
				heads = heads[:len(heads)-1]
			}
			var parent *Provision
			if len(heads) > 0 {
				parent = heads[len(heads)-1].node
			}
			hi := his[hk-1]
			n := p.newProvision()
			*n = Provision{Kind: hi.kind, Heading: hi.title, Number: hi.number, Line: b.line, EndLine: b.endLine}
			if mk, ok := scanMarker(b.text); ok && hi.id == "" && parent != nil && parent.Kind != KindDivision {
				// A sub-level written as a heading ("#### (1) Definitions")
				// under a section: a sub-provision with a heading.
				n.ID = parent.ID + ProvisionID(mk.idPart())
				n.Number = mk.label()
				n.Heading = strings.TrimSpace(b.text[mk.width:])
				n.Kind = KindSubsection
				if parent.Kind != KindSection && parent.Kind != KindPreamble {
					n.Kind = KindParagraph
				}
			} else if hi.id == "" {
				n.ID = ProvisionID("h" + strconv.Itoa(headingNo))
				n.Kind = KindSection
				n.Heading = b.text
				p.errs.Warn(s.at(b.line), "heading %q has no recognisable number, expected e.g. \"Section 3\", \"Article 12\", \"§ 5\" or \"Part II\"; its ID is %q", clip(b.text, 60), n.ID)
			} else {
				n.ID = ProvisionID(hi.id)
				if hi.kind == KindDivision {
					if divCount[hi.id] > 1 {
						if q := divisionQualifier(parent, divs, hi.id); q != nil {
							n.ID = q.ID + "/" + n.ID
						}
					}
					divs = append(divs, n)
				} else if parent != nil && isDisposition(hi.id) && dispDup[dispositionSeries(hi.id)] {
					n.ID = parent.ID + "/" + n.ID
				} else if _, taken := p.ids[n.ID]; taken && secCount[hi.id] > 1 {
					// a numbering that restarts in a division of its own
					// (the paragraphs of a Schedule, the articles of an
					// Annex or of a second Book): the division qualifies the
					// later occurrences
					// (a number repeated inside one division stays an error:
					// a typing slip, not a new numbering)
					for i := len(heads) - 1; i >= 0; i-- {
						if d := heads[i].node; d.Kind == KindDivision {
							if !p.ids[n.ID].Within(d) {
								n.ID = d.ID + "/" + n.ID
							}
							break
						}
					}
				}
			}
			attach(parent, n)
			p.register(n)
			if n.Kind == KindSection && headingIsText(n.Heading) {
				// "##### Article 433sexies. <Inséré par L …> L'infraction
				// prévue à l'article 433quinquies … sera punie …" (a
				// converter that puts the first paragraph in the heading):
				// the sentence is the article's text, not its title
				addSeg(n, b, n.Heading)
				n.Heading = ""
			}
			if hi.ordinal {
				// The scheme before the ordinal table read this heading
				// otherwise, or not at all ("h<N>").
				old := "h" + strconv.Itoa(headingNo)
				if e := parseHeadingIn(b.text, english, true); e.id != "" {
					old = legacyHeadingID(b.text, e, english)
					if e.id != old {
						p.legacy(e.id, n.ID) // "schedule-second" of the whole-code scheme
					}
				}
				p.legacy(old, n.ID)
			} else if hi.id != "" {
				p.legacy(legacyHeadingID(b.text, hi, english), n.ID)
			}
			heads = append(heads, hopen{b.heading, n})
			section, cur = n, n
			markers = markers[:0]
			sawBody = true
			continue
		}
		sawBody = true
		if section == nil {
			if preamble == nil {
				preamble = p.newProvision()
				*preamble = Provision{ID: "preamble", Kind: KindPreamble, Line: b.line, EndLine: b.endLine}
				attach(nil, preamble)
				p.register(preamble)
			}
			section, cur = preamble, preamble
		}
		txt := b.text
		if b.bold && cur == section && section.Kind == KindSection && section.Heading == "" && len(section.Segments) == 0 && len(section.Children) == 0 {
			// "##### § 104a" then "**Menschenhandel**": the bold line is
			// the section's marginal note, its heading.
			section.Heading = strings.TrimSpace(txt)
			continue
		}
		var m marker
		found := false
		var label string // the marker as printed
		if b.listLabel != "" && b.itemFirst {
			m, found = scanMarker(b.listLabel)
			if !found {
				txt = b.listLabel + " " + txt
			}
			label = b.listLabel
		} else if mk, ok := scanMarker(txt); ok {
			m, found = mk, true
			label = strings.TrimSpace(txt[:mk.width])
			txt = strings.TrimSpace(txt[mk.width:])
		} else if mk, ok := articleParagraph(txt, section.Number); ok && section.Kind == KindSection {
			m, found = mk, true
			label = strings.TrimSpace(txt[:mk.width])
			txt = strings.TrimSpace(txt[mk.width:])
		}
		if !found {
			term, ok := definedTerm(txt)
			if !ok && b.defTerm != "" {
				term, ok = b.defTerm, true
			}
			if ok {
				parent := section
				if len(markers) > 0 && markers[0].style != stDefinition {
					markers = markers[:1]
					parent = markers[0].node
				} else {
					markers = markers[:0]
				}
				n := p.newProvision()
				*n = Provision{ID: parent.ID + ProvisionID("["+term+"]"), Kind: KindDefinition, Line: b.line, EndLine: b.endLine}
				attach(parent, n)
				p.register(n)
				markers = append(markers, open{style: stDefinition, node: n})
				cur = n
				addSeg(n, b, txt)
				continue
			}
			switch {
			case b.inItem || b.itemFirst:
				// continuation of the current item, or an unlabelled bullet
			case len(markers) > 0 && cur == markers[len(markers)-1].node && len(cur.Segments) <= 1 && headingLike(cur):
				// "(i) In general" followed by its text: the text belongs
				// to the item (United States Code style).
			case len(markers) > 0:
				markers = markers[:1]
				cur = markers[0].node
			default:
				cur = section
			}
			addSeg(cur, b, txt)
			continue
		}
		m.style = resolveStyle(m, markers)
		parent := section
		idx := -1
		for i := range markers {
			if markers[i].style == m.style {
				idx = i
				break
			}
		}
		if idx >= 0 {
			markers = markers[:idx]
		}
		if m.style == stParagraph {
			// "§ 2." divides the article itself (Belgian paragraphs):
			// it closes the lists of the paragraph before
			markers = markers[:0]
		}
		if len(markers) > 0 {
			parent = markers[len(markers)-1].node
		}
		n := p.newProvision()
		*n = Provision{
			ID:     parent.ID + ProvisionID(m.idPart()),
			Number: label,
			Kind:   KindSubsection,
			Line:   b.line, EndLine: b.endLine,
		}
		attach(parent, n)
		p.register(n)
		switch sd := n.Depth - section.Depth; {
		case sd <= 1:
			n.Kind = KindSubsection
		case sd == 2:
			n.Kind = KindParagraph
		default:
			n.Kind = KindSubpara
		}
		markers = append(markers, open{style: m.style, value: m.value, node: n})
		cur = n
		addSeg(n, b, txt)
	}
	p.aliasOld()
	p.finish()
}

// divisionQualifier returns the division that qualifies a repeated division
// ID: its parent heading when that is a division, otherwise (the Markdown
// levels of converted codes do not always nest) the nearest earlier division
// of another kind ("Besonderer Teil" before "1. Abschnitt"); nil when there
// is none.
func divisionQualifier(parent *Provision, divs []*Provision, id string) *Provision {
	if parent != nil && parent.Kind == KindDivision {
		return parent
	}
	kind := divisionKind(id)
	for i := len(divs) - 1; i >= 0; i-- {
		if divisionKind(string(divs[i].ID)) != kind {
			return divs[i]
		}
	}
	return nil
}

// divisionKind is the grouping word of a division ID: "title" for
// "book-II/title-I".
func divisionKind(id string) string {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	if i := strings.IndexByte(id, '-'); i >= 0 {
		id = id[:i]
	}
	return id
}

// headingLike reports whether an item's only text reads as a caption ("In
// general", "National human trafficking hotline") rather than a sentence.
func headingLike(n *Provision) bool {
	if len(n.Segments) == 0 {
		return true
	}
	t := strings.TrimSpace(n.Segments[0].Text)
	if t == "" {
		return true
	}
	if len(strings.Fields(t)) > 12 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".;:,—–-", r)
}

// resolveStyle decides whether letters that are also Roman numerals ("i",
// "v", "x", "ii") continue an alphabetic list or a Roman one.
func resolveStyle(m marker, open []open) string {
	var alpha, roman string
	switch m.style {
	case stParenLower:
		alpha, roman = stParenLower, stParenRoman
	case stParenUpper:
		alpha, roman = stParenUpper, stParenURoman
	case stCloseLower:
		alpha, roman = stCloseLower, stCloseRoman
	default:
		return m.style
	}
	if v := m.value; len(v) == 2 && v[0] == v[1] && alpha != stCloseLower && romanValue(v) == 0 {
		// "(aa)", "(bb)": a level of its own below (I), unless the
		// alphabetic list ran past "(z)".
		for _, o := range open {
			if o.style == alpha && alphaNext(o.value) == v {
				return alpha
			}
		}
		return alpha + alpha
	}
	rv := romanValue(m.value)
	if rv == 0 {
		return alpha
	}
	for _, o := range open {
		if o.style == roman && romanValue(o.value)+1 == rv {
			return roman
		}
	}
	for _, o := range open {
		if o.style == alpha && strings.EqualFold(alphaNext(o.value), m.value) {
			return alpha
		}
	}
	if rv == 1 || len(m.value) > 1 {
		return roman
	}
	return alpha
}

// legacy records that the heading the earlier ID scheme called old (before
// its "~N" suffix) is now id, so that overrides and stored runs citing the
// old ID are told the new one (Statute.Aliases).
func (p *parse) legacy(old string, id ProvisionID) {
	p.olds = append(p.olds, oldID{old, id})
	if old != string(id) {
		p.renamed = true
	}
}

// oldID is one heading's ID under the earlier scheme and now.
type oldID struct {
	old string
	id  ProvisionID
}

// aliasOld turns the recorded earlier IDs into Statute.Aliases. When no
// heading's ID changed there is nothing to do: a repeated ID gets the same
// "~N" suffix in both schemes.
func (p *parse) aliasOld() {
	if !p.renamed {
		return
	}
	for _, o := range p.olds {
		p.aliasOne(o.old, o.id)
	}
}

func (p *parse) aliasOne(old string, id ProvisionID) {
	if p.oldCount == nil {
		p.oldCount = map[string]int{}
	}
	p.oldCount[old]++
	if k := p.oldCount[old]; k > 1 {
		old = fmt.Sprintf("%s~%d", old, k)
	}
	if ProvisionID(old) == id {
		return
	}
	if p.st.Aliases == nil {
		p.st.Aliases = map[ProvisionID]ProvisionID{}
	}
	p.st.Aliases[ProvisionID(old)] = id
}

// headingIsText reports whether a section heading's title is a sentence
// of the provision rather than a caption: thirty words or more, twelve or
// more with a finite auxiliary (shall, est, será, wird …), or an opening
// amendment note ("<L …>").
func headingIsText(h string) bool {
	h = strings.TrimSpace(h)
	if h == "" {
		return false
	}
	if strings.HasPrefix(h, "<") && strings.Contains(h, ">") && len(strings.Fields(h)) > 8 {
		return true
	}
	words := strings.Fields(h)
	if len(words) < 12 {
		return false
	}
	if len(words) >= 30 {
		return true
	}
	// a caption is a noun phrase ("Debt bondage, serfdom, forced or
	// compulsory labour … in armed conflict."); a sentence has a verb
	for _, w := range words {
		switch strings.ToLower(w) {
		case "shall", "is", "are", "may", "must", "means", "includes",
			"sera", "seront", "est", "sont", "peut", "peuvent", "doit", "doivent", "constitue", "constituent", "prononce", "coordonne", "fixe",
			"será", "serán", "es", "son", "podrá", "deberá", "constituye", "comete",
			"wird", "werden", "ist", "sind", "kann", "muss", "gilt":
			return true
		}
	}
	return false
}

// register makes n's ID unique, reporting a duplicate.
func (p *parse) register(n *Provision) {
	if first, dup := p.ids[n.ID]; dup {
		base := n.ID
		if p.dups == nil {
			p.dups = map[ProvisionID]int{}
		}
		k := p.dups[base]
		if k < 2 {
			k = 2
		}
		for {
			id := ProvisionID(fmt.Sprintf("%s~%d", base, k))
			if _, taken := p.ids[id]; !taken {
				n.ID = id
				p.dups[base] = k + 1
				break
			}
			k++
		}
		switch {
		case (n.Kind == KindSection || n.Kind == KindDivision || n.Kind == KindPreamble) && p.st.Meta.Dialect != "":
			// A repository's file is read as it is (its converter may
			// repeat or misplace headings): the duplicate keeps its
			// numbered ID and is reported, not refused.
			p.errs.Warn(p.s.at(n.Line), "provision %q appears twice (first at line %d), expected unique provision numbers per statute; this one is %q (%s file read as it is)", string(base), first.Line, string(n.ID), p.st.Meta.Dialect)
		case n.Kind == KindDivision && n.Number == "":
			// a division whose number Lacuna does not read ("Chapter
			// Ninety and One") is named by its word alone: two of them
			// are the reading's limit, not the file's defect
			p.errs.Warn(p.s.at(n.Line), "division %q appears twice (first at line %d) because its number is not read, expected a number Lacuna reads (digits, Roman numerals or number words); this one is %q", string(base), first.Line, string(n.ID))
		case n.Kind == KindSection || n.Kind == KindDivision || n.Kind == KindPreamble:
			p.errs.Add(p.s.at(n.Line), "provision %q appears twice (first at line %d), expected unique provision numbers per statute; this one is %q", string(base), first.Line, string(n.ID))
		default:
			// Inside a section a repeated marker is usually a defect of
			// the source text (a lost or misread label), not of the file.
			p.errs.Warn(p.s.at(n.Line), "marker %q repeats %q (first at line %d), expected each marker once per list; this one is %q", n.Number, string(base), first.Line, string(n.ID))
		}
	}
	p.ids[n.ID] = n
}

// repealMarks are the phrases that mark a provision as repealed when they
// open its heading or text.
var repealMarks = []string{"[repealed", "(weggefallen)", "(aufgehoben)", "abrogé", "derogado", "[abrogé", "(derogado)", "repealed]"}

// finish computes Text, EndLine, Repealed, All, and checks for noise.
func (p *parse) finish() {
	st := p.st
	all := make([]*Provision, 0, len(p.ids))
	// iterative pre-order
	stack := make([]*Provision, 0, 64)
	for i := len(st.Roots) - 1; i >= 0; i-- {
		stack = append(stack, st.Roots[i])
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		all = append(all, n)
		for i := len(n.Children) - 1; i >= 0; i-- {
			stack = append(stack, n.Children[i])
		}
	}
	// post-order EndLine: children come after parents in `all`
	for i := len(all) - 1; i >= 0; i-- {
		n := all[i]
		if n.Parent != nil && n.EndLine > n.Parent.EndLine {
			n.Parent.EndLine = n.EndLine
		}
	}
	for _, n := range all {
		if len(n.Segments) == 1 {
			n.Text = n.Segments[0].Text
		} else if len(n.Segments) > 1 {
			var b strings.Builder
			size := len(n.Segments) - 1
			for _, sg := range n.Segments {
				size += len(sg.Text)
			}
			b.Grow(size)
			for i, sg := range n.Segments {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(sg.Text)
			}
			n.Text = b.String()
			// The segments become substrings of Text: the provision holds
			// its characters once.
			off := 0
			for i := range n.Segments {
				l := len(n.Segments[i].Text)
				n.Segments[i].Text = n.Text[off : off+l]
				off += l + 1
			}
		}
		n.Repealed = isRepealed(n)
		if n.Kind == KindSection && strings.HasPrefix(string(n.ID), "h") && len(n.Children) > 0 {
			for _, c := range n.Children {
				if c.Kind == KindSection || c.Kind == KindDivision {
					n.Kind = KindDivision
					break
				}
			}
		}
		for _, sg := range n.Segments {
			if ex, ok := ocrNoise(sg.Text); ok {
				p.errs.Warn(p.s.at(sg.Line), "text looks damaged (OCR noise near %q), expected clean statute text; matches here may be unreliable", ex)
				break
			}
		}
	}
	st.All = all
	// The ID index is register's map, every provision's final ID in it:
	// set now, so that Lookup is safe for concurrent use.
	st.byID = p.ids
	for old := range st.Aliases {
		if st.byID[old] != nil {
			delete(st.Aliases, old) // the old ID names another provision now
		}
	}
	if len(st.Aliases) == 0 {
		st.Aliases = nil
	}
}

// mayBeRepealed is a fast, case-insensitive pre-check: text without
// "peal", "gefallen", "gehoben", "brog" or "rogad" cannot carry a repeal
// mark, which spares lower-casing every text.
func mayBeRepealed(t string) bool {
	if len(t) > 240 {
		// long texts are marked only by an opening mark
		t = t[:48]
	}
	// Each word is found from its rarest letter, by a byte search: "peal"
	// and "brog" from their first, "gefallen", "gehoben" and "rogad" from
	// their 'g'.
	for _, c := range [...]byte{'p', 'P', 'b', 'B', 'g', 'G'} {
		for off := 0; ; {
			i := strings.IndexByte(t[off:], c)
			if i < 0 {
				break
			}
			at := off + i
			switch c | 0x20 {
			case 'p':
				if hasFoldPrefix(t[at:], "peal") {
					return true
				}
			case 'b':
				if hasFoldPrefix(t[at:], "brog") {
					return true
				}
			case 'g':
				if hasFoldPrefix(t[at:], "gefallen") || hasFoldPrefix(t[at:], "gehoben") || at >= 2 && hasFoldPrefix(t[at-2:], "rogad") {
					return true
				}
			}
			off = at + 1
		}
	}
	return false
}

// hasFoldPrefix reports whether s starts with the lower-case ASCII word w,
// ignoring ASCII case.
func hasFoldPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

func isRepealed(n *Provision) bool {
	if !mayBeRepealed(n.Heading) && (len(n.Segments) == 0 || !mayBeRepealed(n.Segments[0].Text)) {
		return false
	}
	h := strings.ToLower(n.Heading)
	for _, m := range repealMarks {
		if strings.Contains(h, m) {
			return true
		}
	}
	if len(n.Segments) == 0 {
		return false
	}
	t := n.Segments[0].Text
	short := len(t) <= 240 && utf8.RuneCountInString(t) <= 120
	if len(t) > 240 {
		t = t[:240]
	}
	t = strings.ToLower(t)
	// The mark opens the text ("[Repealed by …]", "Abrogé par …"), or the
	// whole text is a short note about the repeal ("(Artículo derogado por
	// art. 2° de la Ley N° 26.842)").
	open := strings.TrimLeft(t, "[(*_ ")
	substitutes := short && substitutes(t)
	for _, m := range repealMarks {
		bare := strings.TrimLeft(m, "[(")
		if strings.HasPrefix(open, bare) || short && !substitutes && strings.Contains(t, bare) {
			return true
		}
	}
	return false
}

// substituteMarks are the words of an amending provision that repeals a
// text and puts another in its place ("is hereby repealed and the following
// section substituted therefor"): it amends, it is not repealed.
var substituteMarks = []string{"substituted", "the following", "sustituy", "sustituido", "remplacé", "ersetzt"}

func substitutes(lower string) bool {
	for _, m := range substituteMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

// ocrNoise reports text with the marks of a damaged OCR: the replacement
// character, a bar inside a word ("Sect|on"), or words mixing letters and
// digits the way misread glyphs do ("Sect1on", "0ffence"), in that order
// of precedence. One scan of the bytes finds all three; only words holding
// a digit are examined further.
func ocrNoise(t string) (string, bool) {
	var bar, word string
	wordEnd := 0 // the digit word examined last ends here
	for i := 0; i < len(t); {
		end := i + 8
		if end <= len(t) {
			if !ocrChunk(load8(t, i)) {
				i = end // eight bytes none of which ocrBytes holds
				continue
			}
		} else {
			end = len(t)
		}
		for ; i < end; i++ {
			c := t[i]
			if !ocrBytes[c] {
				continue
			}
			switch {
			case c >= '0' && c <= '9':
				if word != "" || i < wordEnd {
					continue
				}
				start := i
				for start > 0 && t[start-1] != ' ' && t[start-1] != '\t' {
					start--
				}
				e := i
				for e < len(t) && t[e] != ' ' && t[e] != '\t' {
					e++
				}
				wordEnd = e
				for e > start && strings.IndexByte(".,;:", t[e-1]) >= 0 {
					e--
				}
				if w := t[start:e]; noisyWord(w) {
					word = w
				}
			case c == '|', c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA6: // '|' or '¦'
				// a bar inside a word: "Sect|on", "of¦ence"
				if bar != "" {
					continue
				}
				n := 1
				if c == 0xC2 {
					n = 2
				}
				before, _ := utf8.DecodeLastRuneInString(t[:i])
				after, _ := utf8.DecodeRuneInString(t[i+n:])
				if unicode.IsLetter(before) && unicode.IsLetter(after) {
					bar = clip(t[max(0, i-8):], 20)
				}
			case c == 0xEF && strings.HasPrefix(t[i:], "\uFFFD"):
				return clip(t[max(0, i-10):], 24), true
			}
		}
	}
	if bar != "" {
		return bar, true
	}
	return word, word != ""
}

// Word-at-a-time tests (bit tricks after Sean Anderson's "Bit Twiddling
// Hacks"): eight bytes are checked for the bytes ocrNoise stops at with a
// few arithmetic operations.
const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// load8 reads t[i:i+8] as a little-endian word.
func load8(t string, i int) uint64 {
	_ = t[i+7]
	return uint64(t[i]) | uint64(t[i+1])<<8 | uint64(t[i+2])<<16 | uint64(t[i+3])<<24 |
		uint64(t[i+4])<<32 | uint64(t[i+5])<<40 | uint64(t[i+6])<<48 | uint64(t[i+7])<<56
}

// hasZero reports whether some byte of v is zero.
func hasZero(v uint64) bool { return (v-ones8)&^v&high8 != 0 }

// hasBetween reports whether some byte b of x has m < b < n (0 ≤ m ≤ 127,
// 0 ≤ n ≤ 128); bytes of 128 and more never count.
func hasBetween(x, m, n uint64) bool {
	low := x & (ones8 * 127)
	a := ones8*(127+n) - low
	c := low + ones8*(127-m)
	return a&^x&c&high8 != 0
}

// ocrChunk reports whether the word x holds a byte of ocrBytes: a digit,
// '|', 0xC2 or 0xEF.
func ocrChunk(x uint64) bool {
	return hasBetween(x, '0'-1, '9'+1) || hasZero(x^(ones8*'|')) || hasZero(x^(ones8*0xC2)) || hasZero(x^(ones8*0xEF))
}

// ocrBytes are the bytes ocrNoise stops at: digits, '|', and the first
// bytes of '¦' and U+FFFD.
var ocrBytes = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['|'], t[0xC2], t[0xEF] = true, true, true
	return t
}()

// noisyWord reports a word of ASCII letters and digits that switches
// between them at least twice ("Sect1on", "0ff1ce"), which ordinary drafting
// ("3rd", "A12", "s279") does not.
func noisyWord(w string) bool {
	if len(w) < 4 {
		return false
	}
	letters, digits, switches, prev := 0, 0, 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		k := 0
		switch {
		case c >= '0' && c <= '9':
			k = 2
			digits++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			k = 1
			letters++
		default:
			return false // cross-references, dates and amounts have punctuation
		}
		if prev != 0 && k != prev {
			switches++
		}
		prev = k
	}
	return letters >= 2 && digits >= 1 && switches >= 2
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// stDefinition is the pseudo-style of a definition entry on the marker stack.
const stDefinition = "def"

var defVerbs = map[string]bool{
	"means": true, "mean": true, "includes": true, "include": true, "has": true, "is": true,
	"shall": true, "refers": true, "designates": true,
	"désigne": true, "designe": true, "s'entend": true, "s’entend": true, "est": true,
	"bedeutet": true, "sind": true, "ist": true, "bezeichnet": true,
	"significa": true, "comprende": true, "incluye": true, "es": true, "se": true,
}

// strongDefVerbs only ever define; they may come a few words after the term.
var strongDefVerbs = map[string]bool{
	"means": true, "includes": true, "désigne": true, "s'entend": true, "s’entend": true,
	"bedeutet": true, "bezeichnet": true, "significa": true, "comprende": true, "incluye": true,
}

// definedTerm recognises a definition entry: a paragraph that opens with a
// quoted term followed by a defining verb ('"child" means …'). It returns
// the term folded into an ID part ("child", "forced-labour").
func definedTerm(t string) (string, bool) {
	r, n := utf8.DecodeRuneInString(t)
	var closeQ string
	switch r {
	case '"':
		closeQ = "\""
	case '“', '”':
		closeQ = "”“"
	case '„':
		closeQ = "“”"
	case '«':
		closeQ = "»"
	case '‘', '\'':
		closeQ = "’'"
	default:
		return "", false
	}
	rest := t[n:]
	end := strings.IndexAny(rest, closeQ)
	if end <= 0 || end > 120 {
		return "", false
	}
	term := rest[:end]
	_, cn := utf8.DecodeRuneInString(rest[end:])
	after := strings.TrimLeft(rest[end+cn:], " ,\u00a0")
	// skip a parenthesis or an alternative term: '"child" or "minor" means'
	if strings.HasPrefix(after, "(") {
		if i := strings.IndexByte(after, ')'); i > 0 && i < 120 {
			after = strings.TrimLeft(after[i+1:], " ,")
		}
	}
	w, _ := firstWord(after)
	if w == "" {
		i := strings.IndexAny(after, " \u00a0")
		if i > 0 {
			w = after[:i]
		}
	}
	if !defVerbs[strings.ToLower(w)] && !strings.HasPrefix(after, "or ") && !strings.HasPrefix(after, "and ") && !strings.HasPrefix(after, "o ") && !strings.HasPrefix(after, "ou ") {
		// '"consent" in relation to a person means …': a strong defining
		// verb within the next few words.
		found := false
		for i, f := range strings.Fields(after) {
			if i >= 10 {
				break
			}
			if strongDefVerbs[strings.ToLower(strings.Trim(f, ",;:"))] {
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	var b strings.Builder
	dash := false
	for _, c := range fold(term) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "", false
	}
	return b.String(), true
}

// stripInline removes inline Markdown syntax from one line of paragraph
// text: backslash escapes, emphasis and code markers, link and image
// syntax ("[text](url)" keeps "text"), autolinks and HTML tags. Other
// characters are kept as written.
func stripInline(b []byte) string {
	if !hasInline(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	// next returns the index of the first c at or after i, remembering the
	// answer so that a line of unmatched brackets stays linear.
	var cache [3]int // for ']', ')', '>': last answer, -1 = none left
	var valid [3]bool
	closers := [3]byte{']', ')', '>'}
	next := func(k, i int) int {
		if valid[k] && (cache[k] == -1 || cache[k] >= i) {
			return cache[k]
		}
		j := bytes.IndexByte(b[i:], closers[k])
		if j >= 0 {
			j += i
		}
		cache[k], valid[k] = j, true
		return j
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '\\':
			if i+1 < len(b) && isASCIIPunct(b[i+1]) {
				out = append(out, b[i+1])
				i++
				continue
			}
		case '*', '`':
			continue
		case '_':
			// intraword underscores stay ("snake_case"), runs at word edges go
			prevWord := i > 0 && isWordByte(b[i-1])
			j := i
			for j < len(b) && b[j] == '_' {
				j++
			}
			nextWord := j < len(b) && isWordByte(b[j])
			if prevWord && nextWord {
				out = append(out, b[i:j]...)
			}
			i = j - 1
			continue
		case '!':
			if i+1 < len(b) && b[i+1] == '[' {
				continue
			}
		case '[':
			// [^note]: a footnote reference, an amendment note and not
			// provision text
			if k := next(0, i); k > i+1 && b[i+1] == '^' && k-i <= 34 && bytes.IndexAny(b[i+2:k], " \t[") < 0 {
				i = k
				continue
			}
			// [text](url): keep text
			if k := next(0, i); k > i {
				if k+1 < len(b) && b[k+1] == '(' {
					if close := next(1, k+1); close > k+1 {
						out = append(out, b[i+1:k]...)
						i = close
						continue
					}
				}
			}
		case '<':
			if end := next(2, i); end > i+1 {
				inner := b[i+1 : end]
				if bytes.HasPrefix(inner, []byte("http")) || bytes.HasPrefix(inner, []byte("mailto:")) {
					out = append(out, inner...)
					i = end
					continue
				}
				if isTag(inner) {
					i = end
					continue
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// isTag reports whether s looks like an HTML tag name with attributes
// ("br", "/p", "span class=x").
func isTag(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	if s[0] == '/' {
		s = s[1:]
	}
	if len(s) == 0 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, c := range s {
		if c == '\n' {
			return false
		}
	}
	return true
}
