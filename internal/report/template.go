package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/lacuna-project/lacuna/internal/statute"
)

// Templates are the names of the bundled briefing templates.
var Templates = []string{"legal", "advocacy", "amendments"}

// Limits bound a template run: templates come from a directory the user
// names, so a template must not be able to loop forever or fill the disk.
type Limits struct {
	MaxBytes int           // output cap; 0 = 16 MiB
	Timeout  time.Duration // wall-clock cap; 0 = 10 s
}

// ErrTemplateLimit is returned when a template exceeds its output or time limit.
var ErrTemplateLimit = errors.New("template exceeded its limit")

// TemplateFile returns the file name of a template: "legal" → "legal.md.tmpl".
func TemplateFile(name string) string { return name + ".md.tmpl" }

// Execute runs the template name ("legal", "advocacy", "amendments") from
// fsys over the briefing and returns its Markdown, with directive fences
// (```cover, ```toc, ```chart, ```pagebreak) left for the renderer. Only the
// functions of FuncMap are available: none touches the file system, the
// network or the clock.
func Execute(fsys fs.FS, name string, b *Briefing, lim Limits) ([]byte, error) {
	file := TemplateFile(name)
	src, err := statute.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("read template %s: %w", file, err)
	}
	t, err := template.New(file).Funcs(b.Locale().FuncMap()).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = 16 << 20
	}
	if lim.Timeout <= 0 {
		lim.Timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	w := &limitWriter{max: lim.MaxBytes, ctx: ctx}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("execute template %s: %v", file, p)
			}
		}()
		done <- t.Execute(w, b)
	}()
	select {
	case err := <-done:
		if err != nil {
			if errors.Is(err, ErrTemplateLimit) {
				return nil, fmt.Errorf("execute template %s: %w (%d bytes)", file, ErrTemplateLimit, lim.MaxBytes)
			}
			return nil, fmt.Errorf("execute template %s: %w", file, err)
		}
	case <-ctx.Done():
		// The template goroutine stops at its next write (limitWriter
		// checks ctx); a template that loops without writing runs on until
		// the process exits, but nothing waits for it.
		return nil, fmt.Errorf("execute template %s: %w (%s)", file, ErrTemplateLimit, lim.Timeout)
	}
	return w.buf.Bytes(), nil
}

type limitWriter struct {
	buf bytes.Buffer
	max int
	ctx context.Context
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.ctx.Err() != nil || w.buf.Len()+len(p) > w.max {
		return 0, ErrTemplateLimit
	}
	return w.buf.Write(p)
}

// FuncMap is the whitelist of functions templates may call, in English.
func FuncMap() template.FuncMap { return english().FuncMap() }

// FuncMap is the whitelist of functions templates may call, writing in the
// locale's language: t renders a catalogue key ("t \"key\" \"name\" value
// …"), count a key-one/key-many pair, pct, num, months and date follow the
// language's conventions, enum names a closed-set value. A key missing from
// the catalogue fails the template.
func (l *Locale) FuncMap() template.FuncMap {
	return template.FuncMap{
		"t":       l.Text,
		"count":   l.Count,
		"esc":     Escape,
		"quote":   EscapeBlock,
		"field":   Field,
		"pct":     l.Pct,
		"raw":     Pct,
		"num":     l.Num,
		"int":     l.Int,
		"badge":   l.Badge,
		"verdict": l.Verdict,
		"pillar":  l.Pillar,
		"enum":    l.Enum,
		"date":    l.Date,
		"anchor":  func(id string) string { return Anchor("", id) },
		"join":    strings.Join,
		"upper":   strings.ToUpper,
		"add":     func(a, b int) int { return a + b },
		"months":  l.Term,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		"bar":   Bar2,
		"dated": Dated,
		"first": first,
		"since": since,
	}
}

// Pct formats a 0–100 score with at most one decimal: "62.5", "40".
func Pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// Num formats a weight or severity: "2", "1.5".
func Num(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

// Badge is the inline mark of a verdict: a code span holding the verdict in
// capitals (`GAP`), which the PDF and HTML renderers draw as a coloured badge.
func Badge(v string) string {
	switch v {
	case "not_applicable":
		return "`N/A`"
	case "":
		return "—"
	}
	return "`" + strings.ToUpper(Field(v)) + "`"
}

// Dated reports whether a version date is a date (not "", "unknown").
func Dated(d string) bool { return len(d) >= 4 && d[0] >= '0' && d[0] <= '9' }

// Bar2 is a plain-text bar of a 0–100 value, ten cells wide, for Markdown output.
func Bar2(x float64) string {
	n := int(math.Round(math.Max(0, math.Min(100, x)) / 10))
	return strings.Repeat("█", n) + strings.Repeat("░", 10-n)
}

// first returns at most n strings of a list.
func first(n int, s []string) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// since lists the changes of a timeline point, sorted, as "id: from → to".
func since(cs []VerdictChange) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Requirement+": "+c.From+" → "+c.To)
	}
	sort.Strings(out)
	return out
}
