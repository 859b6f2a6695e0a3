package statute

import (
	"fmt"
	"strings"
)

// Pos is a position in a source file: 1-based line, 1-based column counted
// in characters (runes), not bytes.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// ProvisionID is the canonical, citable ID of a provision within its
// statute: "s3(1)(a)", "§232(1)", "art225-4-1/II", "art177bis(4)(a)",
// "s279.01(1)". IDs are unique within one statute version.
type ProvisionID string

func (id ProvisionID) String() string { return string(id) }

// StatuteID is the stable ID of a statute across its versions, such as
// "ken/ctip-act-2010" or "deu/stgb".
type StatuteID string

func (id StatuteID) String() string { return string(id) }

// Kind classifies a provision node by its place in the drafting hierarchy.
type Kind string

const (
	KindDivision   Kind = "division"     // part, chapter, title, book, Abschnitt, section-as-grouping (Sección)
	KindSection    Kind = "section"      // section, article, §, Artículo: the citable unit
	KindSubsection Kind = "subsection"   // (1), 1., Abs.
	KindParagraph  Kind = "paragraph"    // (a), a), 1°, I. -
	KindSubpara    Kind = "subparagraph" // (i), (A), deeper list items
	KindDefinition Kind = "definition"   // one '"term" means …' entry of a definitions section
	KindPreamble   Kind = "preamble"     // text before the first numbered heading
)

// Segment is one block of provision text (a paragraph, list item or line)
// with the source line it starts on. Quotes are taken from segments so that
// evidence always cites an exact line.
type Segment struct {
	Line int    `json:"line"`
	Text string `json:"text"` // the source text, inline Markdown removed, original characters kept
}

// Provision is one node of a statute's provision tree.
type Provision struct {
	ID       ProvisionID  `json:"id"`
	Number   string       `json:"number"` // the number as printed: "3", "(1)", "225-4-1", "1°"
	Kind     Kind         `json:"kind"`
	Heading  string       `json:"heading"` // the heading or marginal note, without the number
	Text     string       `json:"text"`    // own text only (not children), segments joined by "\n"
	Segments []Segment    `json:"segments,omitempty"`
	Line     int          `json:"line"`     // first source line (heading or marker)
	EndLine  int          `json:"end_line"` // last source line, children included
	Depth    int          `json:"depth"`    // 0 for top-level nodes
	Repealed bool         `json:"repealed,omitempty"`
	Parent   *Provision   `json:"-"`
	Children []*Provision `json:"children,omitempty"`
}

// Within reports whether d is an ancestor of p.
func (p *Provision) Within(d *Provision) bool {
	for q := p.Parent; q != nil; q = q.Parent {
		if q == d {
			return true
		}
	}
	return false
}

// Section returns the nearest ancestor-or-self whose Kind is KindSection (or
// the top-level ancestor when there is none): the unit a lawyer cites.
func (p *Provision) Section() *Provision {
	top := p
	for q := p; q != nil; q = q.Parent {
		if q.Kind == KindSection {
			return q
		}
		top = q
	}
	return top
}

// FullText returns the provision's own text followed by the text of all its
// descendants, in document order, joined by "\n".
func (p *Provision) FullText() string {
	var b []byte
	var walk func(q *Provision)
	walk = func(q *Provision) {
		if q.Text != "" {
			if len(b) > 0 {
				b = append(b, '\n')
			}
			b = append(b, q.Text...)
		}
		for _, c := range q.Children {
			walk(c)
		}
	}
	walk(p)
	return string(b)
}

// Meta is a statute's YAML front matter. Dates are kept as written
// ("2013-08-07", "2013", "unknown").
type Meta struct {
	ID      StatuteID `json:"id"`
	Country string    `json:"country"`
	// CountryName names the country in every language for a fictional or
	// internal corpus ("Eastmere"); "" = the ISO 3166 name of Country.
	CountryName      string   `json:"country_name,omitempty"`
	Title            string   `json:"title"`
	ShortTitle       string   `json:"short_title,omitempty"`
	Citation         string   `json:"citation,omitempty"`
	Jurisdiction     string   `json:"jurisdiction,omitempty"`
	Language         string   `json:"language,omitempty"`
	Enacted          string   `json:"enacted,omitempty"`
	VersionDate      string   `json:"version_date,omitempty"`
	InForce          string   `json:"in_force,omitempty"`
	Status           string   `json:"status,omitempty"` // in_force, repealed, bill, draft
	Amends           []string `json:"amends,omitempty"`
	AmendedBy        []string `json:"amended_by,omitempty"`
	SourceURL        string   `json:"source_url,omitempty"`
	SourceRepository string   `json:"source_repository,omitempty"`
	SourcePath       string   `json:"source_path,omitempty"`
	SourceCommit     string   `json:"source_commit,omitempty"`
	LicenceNote      string   `json:"licence_note,omitempty"`
	Excerpt          bool     `json:"excerpt,omitempty"`
	ExcerptNote      string   `json:"excerpt_note,omitempty"`
	TextQuality      string   `json:"text_quality,omitempty"`
	// Dialect names the front matter dialect the file was read in
	// (dialects.yaml); empty for Lacuna's own format.
	Dialect string `json:"dialect,omitempty"`
	// Extra holds known-but-informational keys (enacted_note, version_note…)
	// and unknown keys (which also produce a warning), as strings.
	Extra map[string]string `json:"extra,omitempty"`
}

// Lang returns the primary language subtag, lower case ("en", "fr", "de",
// "es"); "en" when the front matter gives none.
func (m Meta) Lang() string {
	l := m.Language
	for i := 0; i < len(l); i++ {
		if l[i] == '-' || l[i] == '_' {
			l = l[:i]
			break
		}
	}
	if l == "" {
		return "en"
	}
	b := []byte(l)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Statute is one version of one statute.
type Statute struct {
	Path   string `json:"path"`   // as given to Parse/Load (slash-separated for fs.FS)
	SHA256 string `json:"sha256"` // hex digest of the file bytes
	Size   int    `json:"size"`
	Meta   Meta   `json:"meta"`
	// Title is the first level-1 heading, if any (informational).
	Title string `json:"title,omitempty"`
	// Roots are the top-level provisions in document order.
	Roots []*Provision `json:"provisions"`
	// All is every provision in document order (pre-order walk of Roots).
	All []*Provision `json:"-"`
	// Aliases maps the IDs earlier schemes gave to some provisions
	// ("s1~2", "art367t", "title~2"; a disposition's "h14"; a quoted
	// passage's "art1(2)") to their IDs now ("part-besonderer/abschnitt-1",
	// "art367ter", "book-II/title-I"; "disp-2"; "art1"), so that overrides,
	// stored runs and gold files citing an old ID are told the new one
	// (see Resolve). Nil when no ID changed.
	Aliases map[ProvisionID]ProvisionID `json:"-"`
	// Warnings are problems that do not stop analysis (unknown keys, a
	// heading without a number, version_date "unknown", OCR noise).
	Warnings ErrorList `json:"-"`
	byID     map[ProvisionID]*Provision
	keyLines map[string]int // front matter key -> file line
}

// Lookup returns the provision with the given canonical ID, or nil.
func (s *Statute) Lookup(id ProvisionID) *Provision {
	if s.byID == nil {
		s.byID = make(map[ProvisionID]*Provision, len(s.All))
		for _, p := range s.All {
			s.byID[p.ID] = p
		}
	}
	return s.byID[id]
}

// Resolve returns the provision with the given ID; for an ID of the
// earlier scheme (see Aliases), also of its sub-provisions ("art367t(1)"),
// it returns the provision and its ID now, with renamed true.
func (s *Statute) Resolve(id ProvisionID) (p *Provision, now ProvisionID, renamed bool) {
	if p := s.Lookup(id); p != nil {
		return p, id, false
	}
	best := ProvisionID("")
	for old := range s.Aliases {
		if len(old) > len(best) && strings.HasPrefix(string(id), string(old)) {
			rest := string(id)[len(old):]
			if rest == "" || rest[0] == '(' || rest[0] == '/' || rest[0] == '[' {
				best = old
			}
		}
	}
	if best == "" {
		return nil, "", false
	}
	now = s.Aliases[best] + id[len(best):]
	if p := s.Lookup(now); p != nil {
		return p, now, true
	}
	return nil, "", false
}

// Corpus is a set of statute versions, sorted by country, statute ID and
// version date (then path), so that iteration order is deterministic.
type Corpus struct {
	Statutes []*Statute
	// Warnings collects the warnings of every file, sorted by position.
	Warnings ErrorList
}
