package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/lacuna-project/lacuna/internal/report"
	"github.com/lacuna-project/lacuna/internal/statute"
)

// Plan is the corpus scanned once (front matter only) and its files
// grouped by country, so that each country is loaded, analysed and dropped
// in turn: memory follows one country, not the corpus. A Plan is read-only
// once made and may be used from several goroutines.
type Plan struct {
	fsys     fs.FS
	prefix   string
	asOf     string
	selected map[string][]statute.FileMeta // country -> files to parse
	all      map[string][]statute.FileMeta // country -> every file
	// Countries are the corpus's countries (upper case), sorted.
	Countries []string
}

// Plan scans the corpus and selects, per country, the versions an analysis
// as of asOf can choose ("" = the latest; AllVersions = every version).
// Files whose front matter cannot be read make the whole plan fail with
// their positioned errors (an *InputError), as loading the whole corpus
// does.
func (w *Workspace) Plan(asOf string) (*Plan, error) {
	fsys, prefix, err := corpusSource(w.cfg.Corpus)
	if err != nil {
		return nil, err
	}
	metas, walkErrs, err := statute.ScanNamed(fsys, ".", prefix)
	if err != nil {
		return nil, err
	}
	var bad []string
	p := &Plan{fsys: fsys, prefix: prefix, asOf: asOf,
		selected: map[string][]statute.FileMeta{}, all: map[string][]statute.FileMeta{}}
	for _, m := range metas {
		if !m.OK {
			bad = append(bad, m.Path)
			continue
		}
		cc := strings.ToUpper(m.Meta.Country)
		if cc == "" {
			continue
		}
		p.all[cc] = append(p.all[cc], m)
	}
	errs := walkErrs
	if len(bad) > 0 {
		_, err := statute.LoadFiles(fsys, bad, prefix, 0)
		var el statute.ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
		} else if err != nil {
			return nil, err
		}
	}
	if err := errs.Err(); err != nil {
		return nil, inputErr(err)
	}
	sel := statute.Selection{AsOf: asOf, AllVersions: asOf == AllVersions}
	for cc, ms := range p.all {
		p.Countries = append(p.Countries, cc)
		p.selected[cc] = sel.Select(ms)
	}
	sort.Strings(p.Countries)
	return p, nil
}

// Has reports whether the corpus has statutes of country (upper case).
func (p *Plan) Has(country string) bool { return len(p.all[country]) > 0 }

// Metas returns the front matter of every version of a country's statutes
// in corpus order (country, statute ID, version date, path), as the
// statutes of a whole loaded corpus would give them.
func (p *Plan) Metas(country string) []statute.Meta {
	ms := append([]statute.FileMeta(nil), p.all[country]...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].Meta, ms[j].Meta
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if ka, kb := statute.SortKey(a.VersionDate), statute.SortKey(b.VersionDate); ka != kb {
			return ka < kb
		}
		return ms[i].Shown < ms[j].Shown
	})
	out := make([]statute.Meta, len(ms))
	for i, m := range ms {
		out[i] = m.Meta
	}
	return out
}

// CountryInput is what one country's analysis reads: its selected files
// (bytes and content hashes).
type CountryInput struct {
	Country string
	paths   []string
	shown   []string
	sources map[string][]byte // shown path -> bytes
	SHAs    []string          // sorted
}

// Read reads a country's selected files and hashes them.
func (p *Plan) Read(country string) (*CountryInput, error) {
	in := &CountryInput{Country: country, sources: map[string][]byte{}}
	for _, m := range p.selected[country] {
		b, err := statute.ReadFile(p.fsys, m.Path)
		if err != nil {
			var el statute.ErrorList
			if errors.As(err, &el) {
				return nil, inputErr(statute.TooLarge(m.Shown, int64(statute.MaxFileSize)))
			}
			return nil, fmt.Errorf("read %s: %w", m.Shown, err)
		}
		sum := sha256.Sum256(b)
		in.paths = append(in.paths, m.Path)
		in.shown = append(in.shown, m.Shown)
		in.sources[m.Shown] = b
		in.SHAs = append(in.SHAs, hex.EncodeToString(sum[:]))
	}
	sort.Strings(in.SHAs)
	return in, nil
}

// Load parses a country's selected files (one at a time: callers run
// countries in parallel). A bad file is an *InputError.
func (p *Plan) Load(in *CountryInput) (*statute.Corpus, error) {
	c, err := statute.LoadFiles(p.fsys, in.paths, p.prefix, 1)
	if err != nil {
		var el statute.ErrorList
		if errors.As(err, &el) {
			return nil, inputErr(el)
		}
		return nil, err
	}
	return c, nil
}

// Sources returns the bytes of the statutes analysed, checked against
// their content hashes (a file edited since it was read is refused).
func (in *CountryInput) Sources(sts []*statute.Statute) ([][]byte, error) {
	out := make([][]byte, len(sts))
	for i, st := range sts {
		b, ok := in.sources[st.Path]
		if !ok {
			return nil, fmt.Errorf("save run: %s was not read with its country", st.Path)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != st.SHA256 {
			return nil, fmt.Errorf("save run: %s changed since it was read (content hash differs)", st.Path)
		}
		out[i] = b
	}
	return out, nil
}

// ProvisionLanguages counts, by language (statute.Meta.Lang), the
// provision headings of the files selected for country: Markdown heading
// lines after the front matter, one per citable provision
// (corpus/FORMAT.md). It reads the files but does not parse them, so it
// costs the same whether the analysis is fresh or reused.
func (p *Plan) ProvisionLanguages(country string) (map[string]int, error) {
	out := map[string]int{}
	for _, m := range p.selected[country] {
		b, err := fs.ReadFile(p.fsys, m.Path)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", m.Shown, err)
		}
		out[m.Meta.Lang()] += countHeadings(b)
	}
	return out, nil
}

// countHeadings counts the ATX heading lines of a statute file, skipping a
// leading YAML front matter block.
func countHeadings(b []byte) int {
	lines := strings.Split(string(b), "\n")
	i := 0
	if len(lines) > 0 && strings.TrimRight(lines[0], "\r") == "---" {
		for i = 1; i < len(lines); i++ {
			if t := strings.TrimRight(lines[i], "\r"); t == "---" || t == "..." {
				i++
				break
			}
		}
	}
	n := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "#") {
			h := strings.TrimLeft(l, "#")
			if len(l)-len(h) <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t' || h[0] == '\r') {
				n++
			}
		}
	}
	return n
}

// DefaultLang is the language of a report on countries when none is
// asked for: the language of most of their provisions in force at asOf
// when it is French or Spanish, else English (report.DefaultLang).
func (w *Workspace) DefaultLang(countries []string, asOf string) (string, error) {
	p, err := w.Plan(asOf)
	if err != nil {
		return "", err
	}
	total := map[string]int{}
	for _, c := range countries {
		n, err := p.ProvisionLanguages(c)
		if err != nil {
			return "", err
		}
		for l, k := range n {
			total[l] += k
		}
	}
	return report.DefaultLang(total), nil
}
