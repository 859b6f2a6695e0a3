package report

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Directive fences: the templates mark layout that Markdown has no syntax
// for with fenced blocks of these info strings. The PDF and HTML renderers
// draw them; the Markdown renderer turns them into plain Markdown.
const (
	FenceCover     = "cover"
	FenceTOC       = "toc"
	FenceChart     = "chart"
	FencePageBreak = "pagebreak"
)

// IsDirective reports whether a fence info string names a directive.
func IsDirective(info string) bool {
	switch strings.TrimSpace(info) {
	case FenceCover, FenceTOC, FenceChart, FencePageBreak:
		return true
	}
	return false
}

// Chart is a bar chart directive:
//
//	```chart
//	title: Score by pillar
//	bar: Prosecution | 62.5 | 12/20 met
//	```
//
// Values are on a 0–100 scale.
type Chart struct {
	Title  string
	Column string // head of the value column in Markdown ("score"); "" = "score"
	Bars   []Bar
}

// ParseChart reads the body of a chart fence; lines it does not know are ignored.
func ParseChart(body string) Chart {
	var c Chart
	for _, l := range strings.Split(body, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			c.Title = v
		case "column":
			c.Column = v
		case "bar":
			parts := strings.Split(v, "|")
			b := Bar{Label: strings.TrimSpace(parts[0])}
			if len(parts) > 1 {
				b.Value, _ = ParseNumber(parts[1])
			}
			if len(parts) > 2 {
				b.Note = strings.TrimSpace(parts[2])
			}
			c.Bars = append(c.Bars, b)
		}
	}
	return c
}

// KV is one labelled cover field.
type KV struct{ Key, Value string }

// CoverBlock is a cover directive:
//
//	```cover
//	title: Anti-trafficking law: gap analysis
//	subtitle: Legal briefing on Kenya
//	field: Date | 2026-01-15
//	item: ken/ctip-act-2010 (version unknown)
//	```
type CoverBlock struct {
	Title    string
	Subtitle string
	Fields   []KV
	Items    []string
	Note     string
	Score    string // headline score, drawn large where the renderer can
	Layout   string // "page" (default) or "banner": a title band on the first page
}

// ParseCover reads the body of a cover fence.
func ParseCover(body string) CoverBlock {
	var c CoverBlock
	for _, l := range strings.Split(body, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			c.Title = v
		case "subtitle":
			c.Subtitle = v
		case "field":
			a, b, _ := strings.Cut(v, "|")
			c.Fields = append(c.Fields, KV{strings.TrimSpace(a), strings.TrimSpace(b)})
		case "item":
			c.Items = append(c.Items, v)
		case "note":
			c.Note = v
		case "score":
			c.Score = v
		case "layout":
			c.Layout = v
		}
	}
	return c
}

// MarkdownRenderer renders a briefing as plain Markdown (CommonMark + GFM
// tables and footnotes, heading IDs as {#id}).
type MarkdownRenderer struct {
	FS       fs.FS  // templates; the caller passes templates.FS or os.DirFS
	Template string // legal, advocacy, amendments
	Limits   Limits
}

// Render runs the template and writes Markdown with directives expanded.
func (r MarkdownRenderer) Render(w io.Writer, b *Briefing) error {
	src, err := Execute(r.FS, r.Template, b, r.Limits)
	if err != nil {
		return err
	}
	if _, err := w.Write(FinalizeIn(src, b.Locale())); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// Heading is a level-1 or level-2 heading found in template output.
type Heading struct {
	Level int
	Text  string
	ID    string
}

// splitHeadingID splits "Title {#id}" into "Title" and "id".
func splitHeadingID(s string) (string, string) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "}") {
		if i := strings.LastIndex(s, "{#"); i >= 0 {
			return strings.TrimSpace(s[:i]), s[i+2 : len(s)-1]
		}
	}
	return s, ""
}

type fence struct {
	info  string
	body  []string
	start int
}

// scan splits Markdown into lines, finding directive fences and the
// level-1/2 headings outside any fence.
func scan(src []byte) (lines []string, heads []Heading) {
	lines = strings.Split(string(src), "\n")
	inFence := ""
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if inFence != "" {
			if strings.HasPrefix(t, inFence) && strings.TrimSpace(t) == strings.Repeat(inFence[:1], len(strings.TrimSpace(t))) {
				inFence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = t[:3]
			continue
		}
		for lv := 1; lv <= 2; lv++ {
			p := strings.Repeat("#", lv) + " "
			if strings.HasPrefix(l, p) {
				text, id := splitHeadingID(l[len(p):])
				heads = append(heads, Heading{Level: lv, Text: text, ID: id})
			}
		}
	}
	return lines, heads
}

// Finalize turns template output into plain Markdown: the cover becomes a
// title block, the contents a list of links, charts become tables with
// text bars, page breaks disappear.
func Finalize(src []byte) []byte { return FinalizeIn(src, english()) }

// FinalizeIn is Finalize writing chart values in the locale's convention.
func FinalizeIn(src []byte, loc *Locale) []byte {
	lines, heads := scan(src)
	var out bytes.Buffer
	var cur *fence
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if cur != nil {
			if t == "```" {
				writeDirective(&out, cur, heads, loc)
				cur = nil
				continue
			}
			cur.body = append(cur.body, l)
			continue
		}
		if strings.HasPrefix(t, "```") && IsDirective(t[3:]) && strings.HasPrefix(l, "```") {
			cur = &fence{info: strings.TrimSpace(t[3:]), start: i}
			continue
		}
		out.WriteString(l)
		if i < len(lines)-1 {
			out.WriteByte('\n')
		}
	}
	if cur != nil { // unterminated: keep it as it was
		out.WriteString("```" + cur.info + "\n" + strings.Join(cur.body, "\n"))
	}
	return collapseBlank(out.Bytes())
}

func writeDirective(out *bytes.Buffer, f *fence, heads []Heading, loc *Locale) {
	body := strings.Join(f.body, "\n")
	switch f.info {
	case FenceCover:
		c := ParseCover(body)
		fmt.Fprintf(out, "# %s\n\n", Escape(c.Title))
		if c.Subtitle != "" {
			fmt.Fprintf(out, "*%s*\n\n", Escape(c.Subtitle))
		}
		for _, kv := range c.Fields {
			fmt.Fprintf(out, "- **%s** %s\n", loc.T("label", "label", Escape(kv.Key)), Escape(kv.Value))
		}
		if len(c.Items) > 0 {
			out.WriteString("\n")
			for _, it := range c.Items {
				fmt.Fprintf(out, "- %s\n", Escape(it))
			}
		}
		if c.Note != "" {
			fmt.Fprintf(out, "\n%s\n", Escape(c.Note))
		}
		out.WriteString("\n")
	case FenceTOC:
		for _, h := range heads {
			indent := strings.Repeat("  ", h.Level-1)
			if h.ID != "" {
				fmt.Fprintf(out, "%s- [%s](#%s)\n", indent, h.Text, h.ID)
			} else {
				fmt.Fprintf(out, "%s- %s\n", indent, h.Text)
			}
		}
		out.WriteString("\n")
	case FenceChart:
		c := ParseChart(body)
		if c.Title != "" {
			fmt.Fprintf(out, "**%s**\n\n", Escape(c.Title))
		}
		col := c.Column
		if col == "" {
			col = "score"
		}
		fmt.Fprintf(out, "| | %s | | |\n|---|---:|---|---|\n", Escape(col))
		for _, b := range c.Bars {
			fmt.Fprintf(out, "| %s | %s | %s | %s |\n", Escape(b.Label), loc.Pct(b.Value), Bar2(b.Value), Escape(b.Note))
		}
		out.WriteString("\n")
	case FencePageBreak:
	}
}

// collapseBlank squeezes runs of blank lines to one and ends with one newline.
func collapseBlank(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
			out = append(out, "")
			continue
		}
		blank = false
		out = append(out, strings.TrimRight(l, " "))
	}
	s := strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
	return []byte(s)
}
