package pdf

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/lacuna-project/lacuna/internal/report"
)

// Renderer renders a briefing to PDF through a Markdown template.
type Renderer struct {
	FS       fs.FS  // templates
	Template string // legal, advocacy, amendments
	Limits   report.Limits
	// Now stamps the document's creation and modification dates; the same
	// Now gives the same bytes.
	Now time.Time
}

// Render runs the template over b and writes the PDF to w.
func (r Renderer) Render(w io.Writer, b *report.Briefing) error {
	src, err := report.Execute(r.FS, r.Template, b, r.Limits)
	if err != nil {
		return err
	}
	loc := b.Locale()
	kind, err := loc.Text("kind-" + r.Template)
	if err != nil {
		kind = loc.T("kind-briefing") // a template of the user's own
	}
	country := b.CountryName
	if country != b.Country && b.Country != "" {
		country += " (" + b.Country + ")"
	}
	return RenderMarkdown(w, src, Meta{
		Title:    b.Title + " — " + country,
		Subject:  kind + ": " + country,
		Keywords: loc.T("pdf-keywords") + "; " + country + "; " + r.Template,
		Creator:  "Lacuna " + b.Provenance.ToolVersion,
		Header:   country + " · " + kind,
		Date:     loc.Date(b.Date),
		Now:      r.Now,
		Words:    b.Words(),
	})
}

// Meta is the document metadata and running-header text.
type Meta struct {
	Title, Subject, Keywords, Creator string
	Header                            string // running header, left
	Date                              string // running header, right
	Now                               time.Time
	// Words are the words the renderer draws itself (contents, notes,
	// page footer); the zero value is English.
	Words report.Words
}

// Page geometry, in millimetres (A4 portrait).
const (
	pageW     = 210.0
	pageH     = 297.0
	marginL   = 20.0
	marginR   = 20.0
	contentT  = 24.0
	contentB  = 276.0
	bodySize  = 10.5
	smallSize = 9.0
)

var (
	colNavy   = [3]int{22, 45, 80}
	colTeal   = [3]int{0, 121, 140}
	colText   = [3]int{33, 33, 33}
	colMuted  = [3]int{110, 110, 110}
	colRule   = [3]int{200, 205, 212}
	colLink   = [3]int{0, 90, 160}
	colStripe = [3]int{243, 246, 249}
	colQuote  = [3]int{120, 144, 156}
)

// verdictColours colours the badges by verdict; a code span whose word is
// no badge of any language (report.BadgeVerdict) gets no badge.
var verdictColours = map[string][3]int{
	"met":            {46, 125, 50},
	"partial":        {230, 145, 0},
	"gap":            {198, 40, 40},
	"contrary":       {106, 27, 154},
	"undetermined":   {84, 110, 122},
	"not_applicable": {158, 158, 158},
}

// badgeColour returns the colour of a badge word of any language.
func badgeColour(word string) ([3]int, bool) {
	c, ok := verdictColours[report.BadgeVerdict(word)]
	return c, ok
}

var mdParser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
).Parser()

// RenderMarkdown lays out template Markdown (with directive fences) as a PDF.
// Invalid UTF-8 (a template can write any bytes) becomes U+FFFD first:
// fpdf's UTF-16 conversion indexes past the end of a lone invalid byte.
func RenderMarkdown(w io.Writer, src []byte, meta Meta) error {
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	doc := mdParser.Parse(text.NewReader(src))
	s := newState(src, meta)
	s.prescan(doc)
	s.blocks(doc)
	s.finish()
	if err := s.pdf.Error(); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := s.pdf.Output(&buf); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// box is one level of the block stack: where text goes and how it looks.
type box struct {
	x, w  float64
	quote bool    // draw a quote bar at barX beside every line
	barX  float64 // x of the quote bar
}

type tocEntry struct {
	level int
	text  string
	id    string
	node  ast.Node
	page  int
}

type state struct {
	pdf   *fpdf.Fpdf
	src   []byte
	meta  Meta
	stack []box
	y     float64
	links map[string]int // anchor → fpdf link
	// toc holds the level-1 and level-2 headings (and the notes) in order.
	toc      []tocEntry
	tocIndex map[ast.Node]int
	tocPage  int // first page reserved for the contents, 0 = none
	tocPages int
	bare     map[int]bool // pages without running header and footer
	headless map[int]bool // pages with a footer but no running header
	// fresh is true while nothing has been drawn on the current page.
	fresh bool
	cur   fontKey              // the font fpdf has selected
	width map[widthKey]float64 // measured string widths
	known map[string]bool      // anchors that exist in the document
	// Footnotes go to the foot of the page whose text cites them.
	notes     map[int]*east.Footnote
	placed    map[int]bool   // notes already given a page
	pageNotes []int          // notes to draw at the foot of the current page
	notesH    float64        // room they take
	noteCache map[int][]line // laid-out note text
}

type widthKey struct {
	font fontKey
	text string
}

func newState(src []byte, meta Meta) *state {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(meta.Now)
	p.SetModificationDate(meta.Now)
	// Streams stay uncompressed: fpdf allocates a fresh zlib writer per
	// stream, which costs more than the whole layout (see bench-brief.md);
	// the files are about twice as large.
	p.SetCompression(false)
	p.AddUTF8FontFromBytes("serif", "", liberationserifregular.TTF)
	p.AddUTF8FontFromBytes("serif", "B", liberationserifbold.TTF)
	p.AddUTF8FontFromBytes("serif", "I", liberationserifitalic.TTF)
	p.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
	p.AddUTF8FontFromBytes("sans", "B", liberationsansbold.TTF)
	p.SetTitle(meta.Title, true)
	p.SetSubject(meta.Subject, true)
	p.SetAuthor("Lacuna", true)
	p.SetKeywords(meta.Keywords, true)
	p.SetCreator(meta.Creator, true)
	p.SetLang("en")
	p.SetMargins(marginL, contentT, marginR)
	p.SetAutoPageBreak(false, 0)
	p.SetCellMargin(0)
	s := &state{
		pdf: p, src: src, meta: meta,
		stack:     []box{{x: marginL, w: pageW - marginL - marginR}},
		links:     map[string]int{},
		tocIndex:  map[ast.Node]int{},
		bare:      map[int]bool{},
		width:     map[widthKey]float64{},
		known:     map[string]bool{"contents": true, "notes": true},
		notes:     map[int]*east.Footnote{},
		placed:    map[int]bool{},
		noteCache: map[int][]line{},
	}
	s.font("serif", "", bodySize)
	s.newPage()
	return s
}

func (s *state) top() box { return s.stack[len(s.stack)-1] }

func (s *state) push(b box) { s.stack = append(s.stack, b) }
func (s *state) pop()       { s.stack = s.stack[:len(s.stack)-1] }

func (s *state) newPage() {
	s.flushNotes()
	s.pdf.AddPage()
	s.y = contentT
	s.fresh = true
}

// ensure starts a new page unless h millimetres fit below the cursor.
func (s *state) ensure(h float64) {
	if s.y+h > s.bottom() && !s.fresh {
		s.newPage()
	}
}

// space moves the cursor down, drawing quote bars through the gap.
func (s *state) space(h float64) {
	if s.fresh {
		return
	}
	if s.y+h > s.bottom() {
		s.newPage()
		return
	}
	s.bars(s.y, h)
	s.y += h
}

// bars draws the bar of every enclosing quote beside [y, y+h].
func (s *state) bars(y, h float64) {
	for _, b := range s.stack {
		if b.quote {
			s.fill(colQuote)
			s.pdf.Rect(b.barX, y, 0.9, h, "F")
		}
	}
}

// link returns the fpdf link for an anchor, creating it on first use;
// the target is set when the anchor's heading is drawn.
func (s *state) link(id string) int {
	if l, ok := s.links[id]; ok {
		return l
	}
	l := s.pdf.AddLink()
	s.links[id] = l
	return l
}

func (s *state) setAnchor(id string) {
	if id == "" {
		return
	}
	s.pdf.SetLink(s.link(id), s.y, s.pdf.PageNo())
}

// font selects a font unless it is already the current one: fpdf writes a
// font operator into the page on every SetFont call.
func (s *state) font(family, st string, size float64) {
	k := fontKey{family, st, size}
	if k == s.cur {
		return
	}
	s.cur = k
	s.pdf.SetFont(family, st, size)
}

type fontKey struct {
	family, style string
	size          float64
}

func (s *state) fill(c [3]int)  { s.pdf.SetFillColor(c[0], c[1], c[2]) }
func (s *state) draw(c [3]int)  { s.pdf.SetDrawColor(c[0], c[1], c[2]) }
func (s *state) color(c [3]int) { s.pdf.SetTextColor(c[0], c[1], c[2]) }

func lineH(size float64) float64 { return size * 0.3528 * 1.38 }

// prescan collects the contents entries so that the contents pages can be
// reserved before the headings they list are drawn.
func (s *state) prescan(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id := headingID(n); id != "" {
				s.known[id] = true
			}
			if n.Level <= 2 {
				s.tocIndex[n] = len(s.toc)
				s.toc = append(s.toc, tocEntry{level: n.Level, text: plain(s.inlines(n, style{})), id: headingID(n), node: n})
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		if fn, ok := n.(*east.Footnote); ok {
			s.known["fn:"+strconv.Itoa(fn.Index)] = true
			s.notes[fn.Index] = fn
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

func headingID(n ast.Node) string {
	if v, ok := n.AttributeString("id"); ok {
		switch v := v.(type) {
		case []byte:
			return string(v)
		case string:
			return v
		}
	}
	return ""
}

// finish fills in the contents and draws running headers and footers.
func (s *state) finish() {
	s.flushNotes()
	if s.tocPage > 0 {
		s.drawTOC()
	}
	total := s.pdf.PageCount()
	for i := 1; i <= total; i++ {
		if s.bare[i] {
			continue
		}
		s.pdf.SetPage(i)
		s.cur = fontKey{} // the page's content stream has its own current font
		s.font("sans", "", 8)
		s.color(colMuted)
		s.draw(colRule)
		s.pdf.SetLineWidth(0.2)
		if !s.headless[i] {
			s.pdf.SetXY(marginL, 10)
			s.pdf.CellFormat(120, 4, s.meta.Header, "", 0, "L", false, 0, "")
			s.pdf.SetXY(pageW-marginR-50, 10)
			s.pdf.CellFormat(50, 4, s.meta.Date, "", 0, "R", false, 0, "")
			s.pdf.Line(marginL, 15.5, pageW-marginR, 15.5)
		}
		s.pdf.Line(marginL, 283, pageW-marginR, 283)
		s.pdf.SetXY(marginL, 285)
		s.pdf.CellFormat(pageW-marginL-marginR, 4, s.words().Page(i, total), "", 0, "C", false, 0, "")
		s.pdf.SetXY(marginL, 285)
		s.pdf.CellFormat(40, 4, "Lacuna", "", 0, "L", false, 0, "")
	}
	s.pdf.SetPage(total)
	s.cur = fontKey{} // the page's content stream has its own current font
}

const (
	tocTitleH = 22.0
	tocLineH  = 6.2
)

func (s *state) tocPagesNeeded() int {
	avail, first := contentB-contentT, contentB-contentT-tocTitleH
	perFirst := int(first / tocLineH)
	per := int(avail / tocLineH)
	n := len(s.toc)
	if n <= perFirst {
		return 1
	}
	return 1 + (n-perFirst+per-1)/per
}

// reserveTOC keeps blank pages for the contents where the toc fence stands.
func (s *state) reserveTOC() {
	if s.tocPage > 0 {
		return
	}
	if !s.fresh {
		s.newPage()
	}
	s.tocPage = s.pdf.PageNo()
	s.tocPages = s.tocPagesNeeded()
	s.font("sans", "B", 18)
	s.pdf.Bookmark(s.words().Contents, 0, contentT)
	s.setAnchor("contents")
	for i := 1; i < s.tocPages; i++ {
		s.newPage()
	}
	s.newPage()
}

func (s *state) drawTOC() {
	p := s.pdf
	p.SetPage(s.tocPage)
	s.cur = fontKey{} // the page's content stream has its own current font
	y := contentT
	s.font("sans", "B", 18)
	s.color(colNavy)
	p.SetXY(marginL, y)
	p.CellFormat(100, 10, s.words().Contents, "", 0, "L", false, 0, "")
	s.draw(colTeal)
	p.SetLineWidth(0.6)
	p.Line(marginL, y+11.5, marginL+30, y+11.5)
	y += tocTitleH
	page := s.tocPage
	w := pageW - marginL - marginR
	for _, e := range s.toc {
		if y+tocLineH > contentB {
			page++
			p.SetPage(page)
			s.cur = fontKey{} // the page's content stream has its own current font
			y = contentT
		}
		x := marginL
		size, st := 10.5, "B"
		col := colNavy
		if e.level > 1 {
			x += 7
			size, st = 10, ""
			col = colText
		}
		s.font("sans", st, size)
		num := fmt.Sprint(e.page)
		nw := p.GetStringWidth(num)
		avail := w - (x - marginL) - nw - 6
		t := fitText(p, e.text, avail)
		tw := p.GetStringWidth(t)
		link := 0
		if e.id != "" {
			link = s.link(e.id)
		}
		s.color(col)
		p.SetXY(x, y)
		p.CellFormat(tw, tocLineH, t, "", 0, "L", false, link, "")
		// dotted leader
		s.color(colMuted)
		s.font("sans", "", size)
		dot := p.GetStringWidth(". ")
		lx := x + tw + 2
		end := marginL + w - nw - 2
		if n := int((end - lx) / dot); n > 0 {
			p.SetXY(end-float64(n)*dot, y)
			p.CellFormat(float64(n)*dot, tocLineH, strings.Repeat(". ", n), "", 0, "L", false, 0, "")
		}
		s.font("sans", st, size)
		s.color(col)
		p.SetXY(marginL+w-nw, y)
		p.CellFormat(nw, tocLineH, num, "", 0, "R", false, link, "")
		y += tocLineH
	}
}

// fitText shortens s with an ellipsis until it fits in w.
func fitText(p *fpdf.Fpdf, s string, w float64) string {
	if p.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if p.GetStringWidth(t) <= w {
			return t
		}
	}
	return "…"
}

// words returns the renderer words of the document, English when the
// caller gave none.
func (s *state) words() report.Words {
	if s.meta.Words.Contents == "" {
		return report.EnglishWords()
	}
	return s.meta.Words
}
