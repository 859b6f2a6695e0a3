package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/score"
)

// ExportGold writes the reviewers' current decisions as a gold file that
// `lacuna eval` reads (docs/gold-format.md): one unit per country with a
// decision, its analysed statute files under base "corpus" (the corpus
// served: pass the same --corpus to eval), a verdict per decided
// requirement, the rationale as its note and the provision the reviewer
// chose as its cite. Expired and stale decisions are left out.
func (s *Server) ExportGold(ctx context.Context, w io.Writer) error {
	ccs, err := s.countryCodes()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Gold labels from reviewers' decisions, exported by lacuna serve on %s.\n", s.today())
	fmt.Fprintf(&b, "# Read with: lacuna eval%s THIS-FILE\n", corpusFlag(s.w.Config().Corpus))
	b.WriteString("description: " + yq("Reviewer decisions recorded with lacuna serve") + "\n")
	units := 0
	for _, cc := range ccs {
		c, err := s.load(ctx, cc)
		if err != nil {
			return fmt.Errorf("export %s: %w", cc, err)
		}
		var decided []*score.Finding
		for i := range c.res.Findings {
			if stateOf(&c.res.Findings[i]).Reviewed {
				decided = append(decided, &c.res.Findings[i])
			}
		}
		if len(decided) == 0 {
			continue
		}
		if units++; units == 1 {
			b.WriteString("units:\n")
		}
		fmt.Fprintf(&b, "  - name: %s\n    country: %s\n    base: corpus\n    files:\n", yq(strings.ToLower(cc)+"-reviewed"), yq(cc))
		var files []string
		for _, st := range c.corpus.Statutes {
			files = append(files, s.relPath(st))
		}
		sort.Strings(files)
		for _, f := range files {
			fmt.Fprintf(&b, "      - %s\n", yq(f))
		}
		b.WriteString("    verdicts:\n")
		for _, f := range decided {
			fmt.Fprintf(&b, "      %s: %s\n", f.Requirement, f.Override.Verdict)
		}
		b.WriteString("    notes:\n")
		for _, f := range decided {
			fmt.Fprintf(&b, "      %s: %s\n", f.Requirement, yq(oneLine(fmt.Sprintf("%s by %s on %s: %s", decisionWord(f.Override), f.Override.Reviewer, f.Override.Date, f.Override.Rationale), 300)))
		}
		var cites []string
		for _, f := range decided {
			var provs []string
			for _, e := range f.Override.Evidence {
				if _, prov, ok := strings.Cut(e, "#"); ok && prov != "" {
					provs = append(provs, yq(prov))
				}
			}
			if len(provs) > 0 {
				cites = append(cites, fmt.Sprintf("      %s: [%s]\n", f.Requirement, strings.Join(provs, ", ")))
			}
		}
		if len(cites) > 0 {
			b.WriteString("    cite:\n" + strings.Join(cites, ""))
		}
	}
	if units == 0 {
		b.WriteString("units: []\n")
	}
	_, err = w.Write(b.Bytes())
	return err
}

func decisionWord(o *score.Override) string {
	if o.Confirms() {
		return "confirmed"
	}
	return "overridden"
}

func corpusFlag(dir string) string {
	if dir == "" {
		return ""
	}
	return " --corpus " + dir
}

// yq is a YAML double-quoted scalar.
func yq(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 || r == 0xfeff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (s *Server) exportGold(rw http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if err := s.ExportGold(r.Context(), &b); err != nil {
		s.failErr(rw, err)
		return
	}
	rw.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	rw.Header().Set("Content-Disposition", `attachment; filename="lacuna-gold.yaml"`)
	_, _ = b.WriteTo(rw)
}
