// Package html renders a briefing as one self-contained HTML file (inline
// CSS, no scripts, no external resources) from the same template Markdown
// as the PDF, through goldmark's HTML renderer with the directive fences
// (cover, toc, chart, pagebreak) and verdict badges drawn by our own node
// renderers.
package html

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/lacuna-project/lacuna/internal/report"
)

// Renderer renders a briefing to HTML through a Markdown template.
type Renderer struct {
	FS       fs.FS
	Template string
	Limits   report.Limits
}

// Render runs the template over b and writes one HTML document to w.
func (r Renderer) Render(w io.Writer, b *report.Briefing) error {
	src, err := report.Execute(r.FS, r.Template, b, r.Limits)
	if err != nil {
		return err
	}
	title := b.Title + " — " + b.CountryName
	words := b.Words()
	var out bytes.Buffer
	fmt.Fprintf(&out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(words.Lang))
	fmt.Fprintf(&out, "<title>%s</title>\n<meta name=\"generator\" content=\"Lacuna %s\">\n<style>\n%s</style>\n</head>\n<body>\n<main>\n",
		html.EscapeString(title), html.EscapeString(b.Provenance.ToolVersion), css)
	if err := MarkdownIn(&out, src, words); err != nil {
		return err
	}
	out.WriteString("</main>\n</body>\n</html>\n")
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}

// Markdown converts template Markdown (with directive fences) to an HTML
// fragment.
func Markdown(w io.Writer, src []byte) error { return MarkdownIn(w, src, report.EnglishWords()) }

// MarkdownIn is Markdown with the generated words (the contents heading,
// chart values) in the language of words.
func MarkdownIn(w io.Writer, src []byte, words report.Words) error {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	doc := md.Parser().Parse(text.NewReader(src))
	d := &directives{words: words}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level <= 2 {
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			d.heads = append(d.heads, report.Heading{Level: h.Level, Text: plainText(h, src), ID: string(idb)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(d, 100)))
	if err := md.Renderer().Render(w, src, doc); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

func plainText(n ast.Node, src []byte) string {
	var sb strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			v := t.Segment.Value(src)
			for i := 0; i < len(v); i++ {
				if v[i] == '\\' && i+1 < len(v) {
					i++
				}
				sb.WriteByte(v[i])
			}
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// directives draws the directive fences and verdict badges.
type directives struct {
	heads []report.Heading
	words report.Words
}

func (d *directives) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, d.fenced)
	reg.Register(ast.KindCodeSpan, d.codeSpan)
}

// badgeClass is the CSS class of a badge word of any language.
func badgeClass(word string) (string, bool) {
	v := report.BadgeVerdict(word)
	switch v {
	case "":
		return "", false
	case "not_applicable":
		return "na", true
	}
	return v, true
}

func (d *directives) codeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			sb.Write(t.Segment.Value(src))
		}
	}
	word := strings.TrimSpace(sb.String())
	if cls, ok := badgeClass(word); ok {
		fmt.Fprintf(w, `<span class="badge %s">%s</span>`, cls, html.EscapeString(word))
	} else {
		fmt.Fprintf(w, "<code>%s</code>", html.EscapeString(sb.String()))
	}
	return ast.WalkSkipChildren, nil
}

func (d *directives) fenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var sb strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		sb.Write(seg.Value(src))
	}
	body := sb.String()
	esc := html.EscapeString
	switch strings.TrimSpace(string(n.Language(src))) {
	case report.FenceCover:
		c := report.ParseCover(body)
		w.WriteString("<header class=\"cover\">\n<div class=\"band\">\n")
		if c.Score != "" {
			fmt.Fprintf(w, "<div class=\"disc\"><b>%s</b><small>%s</small></div>\n", esc(c.Score), esc(d.words.OutOf100))
		}
		fmt.Fprintf(w, "<p class=\"kicker\">Lacuna · briefing pack</p>\n<h1 class=\"title\">%s</h1>\n", esc(c.Title))
		if c.Subtitle != "" {
			fmt.Fprintf(w, "<p class=\"subtitle\">%s</p>\n", esc(c.Subtitle))
		}
		w.WriteString("</div>\n<dl>\n")
		for _, kv := range c.Fields {
			fmt.Fprintf(w, "<dt>%s</dt><dd>%s</dd>\n", esc(kv.Key), esc(kv.Value))
		}
		w.WriteString("</dl>\n")
		if len(c.Items) > 0 {
			w.WriteString("<p class=\"label\">Statutes analysed</p>\n<ul>\n")
			for _, it := range c.Items {
				fmt.Fprintf(w, "<li>%s</li>\n", esc(it))
			}
			w.WriteString("</ul>\n")
		}
		if c.Note != "" {
			fmt.Fprintf(w, "<p class=\"note\">%s</p>\n", esc(c.Note))
		}
		w.WriteString("</header>\n")
	case report.FenceTOC:
		fmt.Fprintf(w, "<nav class=\"toc\">\n<h2>%s</h2>\n<ul>\n", esc(d.words.Contents))
		for _, h := range d.heads {
			cls := "l1"
			if h.Level > 1 {
				cls = "l2"
			}
			if h.ID != "" {
				fmt.Fprintf(w, "<li class=\"%s\"><a href=\"#%s\">%s</a></li>\n", cls, esc(h.ID), esc(h.Text))
			} else {
				fmt.Fprintf(w, "<li class=\"%s\">%s</li>\n", cls, esc(h.Text))
			}
		}
		w.WriteString("</ul>\n</nav>\n")
	case report.FenceChart:
		c := report.ParseChart(body)
		w.WriteString("<figure class=\"chart\">\n")
		if c.Title != "" {
			fmt.Fprintf(w, "<figcaption>%s</figcaption>\n", esc(c.Title))
		}
		for _, b := range c.Bars {
			v := math.Max(0, math.Min(100, b.Value))
			fmt.Fprintf(w, "<div class=\"bar\"><span class=\"label\">%s</span><span class=\"track\"><span class=\"fill %s\" style=\"width:%s%%\"></span></span><span class=\"val %s\">%s</span><span class=\"note\">%s</span></div>\n",
				esc(b.Label), grade(b.Value), report.Pct(v), grade(b.Value), d.words.Pct(b.Value), esc(b.Note))
		}
		w.WriteString("</figure>\n")
	case report.FencePageBreak:
		w.WriteString("<div class=\"pagebreak\"></div>\n")
	default:
		w.WriteString("<pre><code>")
		w.WriteString(esc(body))
		w.WriteString("</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}

func grade(v float64) string {
	switch {
	case v < 40:
		return "low"
	case v < 70:
		return "mid"
	}
	return "high"
}

const css = `body{margin:0;background:#eef1f4;color:#212121;font:16px/1.5 "Liberation Serif",Georgia,serif}
main{max-width:52rem;margin:0 auto;background:#fff;padding:0 3rem 3rem}
h1,h2,h3,h4,.kicker,.label,dt,table,figure,nav{font-family:"Liberation Sans",Arial,sans-serif}
h1{color:#162d50;font-size:1.8rem;margin:2.2rem 0 1rem;padding-bottom:.3rem;border-bottom:3px solid #00798c;display:inline-block}
h2{color:#162d50;font-size:1.3rem;margin:1.8rem 0 .6rem}
h3{color:#00798c;font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:#005aa0;text-decoration:none}a:hover{text-decoration:underline}
blockquote{margin:.6rem 0;padding:.1rem 1rem;border-left:3px solid #78909c;color:#37414b;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.82rem;margin:.8rem 0 1.2rem}
th{background:#162d50;color:#fff;text-align:left;padding:.35rem .5rem}
td{padding:.3rem .5rem;border-bottom:1px solid #c8cdd4;vertical-align:top;overflow-wrap:anywhere}
tr:nth-child(even) td{background:#f3f6f9}
code{font-family:"Liberation Mono",monospace;font-size:.85em;color:#962828}
pre{background:#f3f6f9;padding:.6rem;overflow:auto}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font:bold .68rem/1.5 "Liberation Sans",Arial,sans-serif;vertical-align:.1em}
.badge.met{background:#2e7d32}.badge.partial{background:#e69100}.badge.gap{background:#c62828}
.badge.contrary{background:#6a1b9a}.badge.undetermined{background:#546e7a}.badge.na{background:#9e9e9e}
.cover{margin:0 -3rem 2rem}
.cover .band{background:#162d50;color:#fff;padding:2.5rem 3rem 2rem;border-bottom:6px solid #00798c;position:relative}
.cover .title{color:#fff;border:0;font-size:2rem;margin:.4rem 0;padding-right:8rem}
.cover .kicker{color:#96cdd7;font-size:.75rem;text-transform:uppercase;letter-spacing:.08em;margin:0}
.cover .subtitle{color:#bee1e8;font-family:"Liberation Sans",Arial,sans-serif;margin:0}
.cover .disc{position:absolute;right:3rem;top:2rem;width:6.5rem;height:6.5rem;border-radius:50%;background:#fff;color:#162d50;text-align:center;display:flex;flex-direction:column;justify-content:center}
.cover .disc b{font:bold 1.9rem "Liberation Sans",Arial,sans-serif}.cover .disc small{color:#6e6e6e;font-size:.7rem}
.cover dl{display:grid;grid-template-columns:12rem 1fr;gap:.3rem 1rem;padding:1.5rem 3rem 0;margin:0}
.cover dt,.cover .label{color:#6e6e6e;font-size:.72rem;font-weight:bold;text-transform:uppercase;padding-top:.2rem}
.cover .label{padding:1rem 3rem 0;margin:0}.cover ul{margin:.3rem 3rem}
.cover .note{margin:1.5rem 3rem 0;padding:.6rem 1rem;background:#f3f6f9;border-left:3px solid #00798c;color:#6e6e6e;font-style:italic;font-size:.85rem}
.toc ul{list-style:none;padding:0}.toc .l1{font-weight:bold;margin-top:.3rem}.toc .l2{padding-left:1.5rem;font-size:.92rem}
.chart{margin:1rem 0 1.5rem}.chart figcaption{font-weight:bold;color:#162d50;margin-bottom:.4rem}
.chart .bar{display:grid;grid-template-columns:11rem 1fr 3.5rem 9rem;gap:.6rem;align-items:center;font-size:.82rem;margin:.25rem 0}
.chart .label{text-align:right}.chart .track{background:#eceff2;height:1.1rem;display:block}
.chart .fill{display:block;height:100%}.fill.low{background:#c62828}.fill.mid{background:#e69100}.fill.high{background:#2e7d32}
.val{font-weight:bold}.val.low{color:#c62828}.val.mid{color:#e69100}.val.high{color:#2e7d32}.chart .note{color:#6e6e6e;font-size:.75rem}
.footnotes{font-size:.85rem;border-top:1px solid #c8cdd4;margin-top:2rem}
@media print{body{background:#fff}main{max-width:none;padding:0}.pagebreak{break-after:page}}
`
