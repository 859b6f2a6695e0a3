package standard

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
)

// Options tunes LoadWith.
type Options struct {
	// Name is prefixed to the paths of base files in positions, e.g.
	// "mapping" so errors read "mapping/requirements/def.yaml:3:5: …".
	Name string
	// Extra, when set, adds instruments, requirements and ratifications
	// (the --mapping-extra directory); an ID it repeats is an error.
	Extra fs.FS
	// ExtraName is prefixed to the paths of extra files in positions.
	ExtraName string
	// Partial skips the check that every core requirement ID is present,
	// for small test or draft maps.
	Partial bool
	// Lexicon is the lexicon directory used when the map directory has no
	// lexicon/ of its own (the caller passes the embedded one); nil: none.
	Lexicon fs.FS
	// LexiconName prefixes the paths of Lexicon's files in positions.
	LexiconName string
	// LexiconOverlay, when set, adds the phrases of its <lang>.yaml files
	// to the lexicon (the --lexicon directory).
	LexiconOverlay fs.FS
	// LexiconOverlayName prefixes the paths of overlay files in positions.
	LexiconOverlayName string
}

// Load reads a whole map from fsys: map.yaml, instruments/*.yaml,
// requirements/*.yaml and ratifications.yaml. It validates everything and
// returns every problem at once, sorted by position, as an ErrorList.
// Requirements come back sorted by ID, instruments by ID.
func Load(fsys fs.FS) (*Map, error) { return LoadWith(fsys, Options{}) }

// LoadWithExtra loads base and adds the instruments, requirements and
// ratifications found in extra (same layout; map.yaml is optional there).
func LoadWithExtra(base, extra fs.FS) (*Map, error) {
	return LoadWith(base, Options{Extra: extra})
}

// LoadWith is Load with options.
func LoadWith(fsys fs.FS, opts Options) (*Map, error) {
	var errs ErrorList
	l := &loader{errs: &errs, m: &Map{}}
	l.loadTree(fsys, opts.Name, true)
	if opts.Extra != nil {
		l.loadTree(opts.Extra, opts.ExtraName, false)
	}
	l.validate(opts)
	lexFS, lexName := opts.Lexicon, opts.LexiconName
	if st, err := fs.Stat(fsys, "lexicon"); err == nil && st.IsDir() {
		if sub, err := fs.Sub(fsys, "lexicon"); err == nil {
			lexFS, lexName = sub, join(opts.Name, "lexicon")
		}
	}
	if lexFS != nil {
		l.m.Lexicon = l.loadLexicon(lexFS, lexName, opts.LexiconOverlay, opts.LexiconOverlayName)
		l.m.LexiconHash = l.m.Lexicon.Hash
	} else if opts.LexiconOverlay != nil {
		l.errs.Add(Pos{File: opts.LexiconOverlayName}, "a lexicon overlay needs a lexicon to extend, expected the map directory to hold lexicon/")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	sort.Slice(l.m.Requirements, func(i, j int) bool { return l.m.Requirements[i].ID < l.m.Requirements[j].ID })
	sort.Slice(l.m.Instruments, func(i, j int) bool {
		return instrumentRank(l.m.Instruments[i].ID) < instrumentRank(l.m.Instruments[j].ID) ||
			instrumentRank(l.m.Instruments[i].ID) == instrumentRank(l.m.Instruments[j].ID) && l.m.Instruments[i].ID < l.m.Instruments[j].ID
	})
	sort.SliceStable(l.m.Ratifications, func(i, j int) bool {
		a, b := l.m.Ratifications[i], l.m.Ratifications[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return instrumentRank(a.Instrument) < instrumentRank(b.Instrument) ||
			instrumentRank(a.Instrument) == instrumentRank(b.Instrument) && a.Instrument < b.Instrument
	})
	return l.m, nil
}

// KnownInstruments lists the standard instrument IDs in report order.
var KnownInstruments = []InstrumentID{"palermo", "untoc", "crc", "opsc", "opac",
	"ilo-c182", "ilo-c29", "ilo-p29", "coe", "eu-2011-36", "tvpa"}

// instrumentRank orders instruments: the standard ones first, in
// KnownInstruments order, then any others (by ID, via the caller).
func instrumentRank(id InstrumentID) int {
	for i, k := range KnownInstruments {
		if k == id {
			return i
		}
	}
	return len(KnownInstruments)
}

type loader struct {
	errs    *ErrorList
	m       *Map
	hasMeta bool
}

func join(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return path.Join(prefix, p)
}

func (l *loader) read(fsys fs.FS, prefix, name string) (*decoder, ast.Node) {
	d := &decoder{file: join(prefix, name), errs: l.errs}
	src, err := readLimited(fsys, name)
	if err != nil {
		l.errs.Add(Pos{File: d.file, Line: 1}, "cannot read: %v", unwrapPathErr(err))
		return d, nil
	}
	return d, d.parseFile(src)
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (l *loader) loadTree(fsys fs.FS, prefix string, base bool) {
	if _, err := fs.Stat(fsys, "map.yaml"); err == nil {
		l.loadMeta(fsys, prefix)
	} else if base {
		l.errs.Add(Pos{File: join(prefix, "map.yaml")}, "file not found, expected map.yaml with the map's version")
	}
	inst, _ := fs.Glob(fsys, "instruments/*.yaml")
	reqs, _ := fs.Glob(fsys, "requirements/*.yaml")
	if base && len(inst) == 0 {
		l.errs.Add(Pos{File: join(prefix, "instruments")}, "no instrument files, expected instruments/*.yaml")
	}
	if base && len(reqs) == 0 {
		l.errs.Add(Pos{File: join(prefix, "requirements")}, "no requirement files, expected requirements/*.yaml")
	}
	for _, name := range inst {
		l.loadInstrument(fsys, prefix, name)
	}
	for _, name := range reqs {
		l.loadRequirements(fsys, prefix, name)
	}
	if _, err := fs.Stat(fsys, "ratifications.yaml"); err == nil {
		l.loadRatifications(fsys, prefix)
	}
}

var (
	metaKeys       = []string{"description", "partial", "version"}
	instrumentKeys = []string{"adopted", "articles", "entry_into_force", "id", "kind", "short", "text_file", "title"}
	articleKeys    = []string{"child_specific", "number", "summary"}
	reqFileKeys    = []string{"description", "requirements", "theme"}
	reqKeys        = []string{"child_specific", "criteria", "enforcement", "id", "mandatory", "model_provision",
		"pillar", "recommendation", "sources", "statement", "thresholds", "title", "weight"}
	sourceKeys   = []string{"article", "instrument"}
	criteriaKeys = []string{"check", "combine", "elements"}
	elementKeys  = []string{"caption", "exclude", "fact", "id", "label", "not_roles", "offence", "patterns", "prohibits", "required", "roles"}
	patternKeys  = []string{"kind", "referred", "regex", "terms", "with", "within"}
	combineKeys  = []string{"met_at", "no_partial", "partial_at"}
	checkKeys    = []string{"kind", "params"}
	ratFileKeys  = []string{"description", "ratifications"}
	ratKeys      = []string{"country", "date", "instrument", "note", "source", "status"}
	// ThresholdKeys are the numeric thresholds a requirement may set.
	ThresholdKeys = []string{"age", "eu_aggravated_max_months_min", "eu_max_months_min", "max_months_min", "min_days"}
)

// Languages every element must cover.
var Languages = []string{"en", "fr", "de", "es"}

var (
	reInstrumentID  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	reRequirementID = regexp.MustCompile(`^[a-z][a-z0-9]*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	reArticle       = regexp.MustCompile(`^[0-9]+[a-z]?(\([0-9A-Za-z]+\))*$`)
	reCountry       = regexp.MustCompile(`^[A-Z]{3}$`)
	reLang          = regexp.MustCompile(`^([a-z]{2}|\*)$`)
)

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func (l *loader) loadMeta(fsys fs.FS, prefix string) {
	d, root := l.read(fsys, prefix, "map.yaml")
	if root == nil {
		return
	}
	f, ok := d.fields(root, "map.yaml", metaKeys)
	if !ok {
		return
	}
	if v, ok := f["version"]; ok {
		l.m.Version = d.str(v, "map")
	}
	if v, ok := f["description"]; ok {
		l.m.Description = d.str(v, "map")
	}
	if v, ok := f["partial"]; ok && !l.hasMeta {
		l.m.Partial = d.boolean(v, "map")
	}
	if !l.hasMeta && l.m.Version == "" {
		l.errs.Add(d.pos(root), "map.yaml has no version, expected e.g. version: \"2026.11.0\"")
	}
	l.hasMeta = true
}

func (l *loader) loadInstrument(fsys fs.FS, prefix, name string) {
	d, root := l.read(fsys, prefix, name)
	if root == nil {
		return
	}
	f, ok := d.fields(root, "instrument", instrumentKeys)
	if !ok {
		return
	}
	in := &Instrument{Pos: d.pos(root)}
	in.ID = InstrumentID(d.str(f["id"], "instrument"))
	in.Title = d.str(f["title"], "instrument")
	in.Short = d.str(f["short"], "instrument")
	in.Kind = InstrumentKind(d.str(f["kind"], "instrument"))
	in.Adopted = d.str(f["adopted"], "instrument")
	in.EntryIntoForce = d.str(f["entry_into_force"], "instrument")
	in.TextFile = d.str(f["text_file"], "instrument")
	if v, ok := f["id"]; ok {
		in.Pos = d.pos(v.value)
	}
	what := fmt.Sprintf("instrument %q", in.ID)
	switch {
	case in.ID == "":
		l.errs.Add(d.pos(root), "instrument has no id, expected e.g. id: palermo")
	case !reInstrumentID.MatchString(string(in.ID)):
		l.errs.Add(in.Pos, "instrument id %q is malformed, expected lower-case words joined by hyphens (e.g. ilo-c182)", in.ID)
	}
	l.required(d, root, f, what, "title", "short", "kind", "adopted")
	if v, ok := f["kind"]; ok && in.Kind != "" && !in.Kind.Valid() {
		l.errs.Add(d.pos(v.value), "unknown instrument kind %q, expected one of %s", in.Kind, joinSet(InstrumentKinds))
	}
	for _, k := range []string{"adopted", "entry_into_force"} {
		if v, ok := f[k]; ok {
			if s := d.str(v, what); s != "" && !validDate(s) {
				l.errs.Add(d.pos(v.value), "%s %q is %q, expected a date YYYY-MM-DD", what, k, s)
			}
		}
	}
	af, ok := f["articles"]
	if !ok {
		l.errs.Add(d.pos(root), "%s has no articles, expected a list of articles", what)
	}
	seen := map[string]int{}
	for _, n := range d.seq(af, what) {
		af, ok := d.fields(n, "article", articleKeys)
		if !ok {
			continue
		}
		a := Article{Pos: d.pos(n)}
		a.Number = d.str(af["number"], "article")
		a.Summary = d.str(af["summary"], "article")
		a.ChildSpecific = d.boolean(af["child_specific"], "article")
		if v, ok := af["number"]; ok {
			a.Pos = d.pos(v.value)
		}
		switch {
		case a.Number == "":
			l.errs.Add(a.Pos, "article of %s has no number, expected e.g. number: \"5(2)(a)\"", what)
			continue
		case !reArticle.MatchString(a.Number):
			l.errs.Add(a.Pos, "article number %q is malformed, expected digits with parenthesised parts, e.g. \"5(2)(a)\"", a.Number)
		}
		if line, dup := seen[a.Number]; dup {
			l.errs.Add(a.Pos, "article %q of %s appears twice (first at line %d), expected unique article numbers", a.Number, what, line)
			continue
		}
		seen[a.Number] = a.Pos.Line
		if strings.TrimSpace(a.Summary) == "" {
			l.errs.Add(a.Pos, "article %q of %s has no summary, expected a one-line summary in our own words", a.Number, what)
		}
		in.Articles = append(in.Articles, a)
	}
	l.m.Instruments = append(l.m.Instruments, in)
}

// required reports each missing or empty key.
func (l *loader) required(d *decoder, root ast.Node, f map[string]field, what string, keys ...string) {
	for _, k := range keys {
		v, ok := f[k]
		if !ok {
			l.errs.Add(d.pos(root), "%s has no %q, expected a non-empty %s", what, k, k)
			continue
		}
		if s, isStr := scalarString(v.value); isNull(v.value) || isStr && strings.TrimSpace(s) == "" {
			l.errs.Add(d.pos(v.value), "%s has an empty %q, expected a non-empty %s", what, k, k)
		}
	}
}

func (l *loader) loadRequirements(fsys fs.FS, prefix, name string) {
	d, root := l.read(fsys, prefix, name)
	if root == nil {
		return
	}
	var items []ast.Node
	switch v := untag(root).(type) {
	case *ast.SequenceNode:
		items = v.Values
	default:
		f, ok := d.fields(root, "requirements file", reqFileKeys)
		if !ok {
			return
		}
		rf, ok := f["requirements"]
		if !ok {
			l.errs.Add(d.pos(root), "requirements file has no \"requirements\" list, expected requirements: [...]")
			return
		}
		items = d.seq(rf, "requirements file")
	}
	for _, n := range items {
		if r := l.requirement(d, n); r != nil {
			l.m.Requirements = append(l.m.Requirements, r)
		}
	}
}

func (l *loader) requirement(d *decoder, n ast.Node) *Requirement {
	f, ok := d.fields(n, "requirement", reqKeys)
	if !ok {
		return nil
	}
	r := &Requirement{Pos: d.pos(n)}
	r.ID = RequirementID(d.str(f["id"], "requirement"))
	if v, ok := f["id"]; ok {
		r.Pos = d.pos(v.value)
	}
	what := fmt.Sprintf("requirement %q", r.ID)
	switch {
	case r.ID == "":
		l.errs.Add(r.Pos, "requirement has no id, expected e.g. id: def.acts")
		what = "requirement"
	case !reRequirementID.MatchString(string(r.ID)):
		l.errs.Add(r.Pos, "requirement id %q is malformed, expected a lower-case prefix and dotted name such as def.child-no-means", r.ID)
	}
	r.Title = d.str(f["title"], what)
	r.Statement = d.str(f["statement"], what)
	r.Recommendation = d.str(f["recommendation"], what)
	r.ModelProvision = d.str(f["model_provision"], what)
	l.required(d, n, f, what, "title", "statement", "pillar", "recommendation", "model_provision")
	if v, ok := f["pillar"]; ok {
		r.Pillar = Pillar(d.str(v, what))
		if r.Pillar != "" && !r.Pillar.Valid() {
			l.errs.Add(d.pos(v.value), "unknown pillar %q in %s, expected one of %s", r.Pillar, what, joinSet(Pillars))
		}
	}
	r.Mandatory = d.boolean(f["mandatory"], what)
	if _, ok := f["mandatory"]; !ok {
		// Silence would read as "optional": make the author say which.
		l.errs.Add(r.Pos, "%s has no \"mandatory\", expected true (the instrument says \"shall\") or false (\"shall consider\", \"endeavour\")", what)
	}
	r.ChildSpecific = d.boolean(f["child_specific"], what)
	r.Enforcement = d.boolean(f["enforcement"], what)
	if v, ok := f["weight"]; !ok {
		l.errs.Add(r.Pos, "%s has no weight, expected a positive number", what)
	} else if w, ok := d.number(v.value, what+" weight"); ok {
		r.Weight = w
		if w <= 0 {
			l.errs.Add(d.pos(v.value), "%s has weight %v, expected a positive number", what, w)
		}
	}
	sf, ok := f["sources"]
	if !ok {
		l.errs.Add(r.Pos, "%s has no sources, expected a list of {instrument, article}", what)
	}
	for _, sn := range d.seq(sf, what) {
		sfs, ok := d.fields(sn, "source", sourceKeys)
		if !ok {
			continue
		}
		s := Source{Pos: d.pos(sn)}
		s.Instrument = InstrumentID(d.str(sfs["instrument"], "source"))
		s.Article = d.str(sfs["article"], "source")
		if s.Instrument == "" || s.Article == "" {
			l.errs.Add(s.Pos, "source of %s lacks instrument or article, expected both", what)
			continue
		}
		r.Sources = append(r.Sources, s)
	}
	if ok && len(r.Sources) == 0 {
		l.errs.Add(r.Pos, "%s has no sources, expected at least one instrument article", what)
	}
	if v, ok := f["thresholds"]; ok {
		for _, kv := range d.pairs(v.value, what+" thresholds") {
			if !contains(ThresholdKeys, kv.key) {
				l.errs.Add(kv.keyPos, "unknown threshold %q in %s, expected one of %s", kv.key, what, strings.Join(ThresholdKeys, ", "))
				continue
			}
			if x, ok := d.number(kv.value, fmt.Sprintf("threshold %q", kv.key)); ok {
				if x <= 0 {
					l.errs.Add(d.pos(kv.value), "threshold %q of %s is %v, expected a positive number", kv.key, what, x)
				}
				if r.Thresholds == nil {
					r.Thresholds = map[string]float64{}
				}
				r.Thresholds[kv.key] = x
			}
		}
	}
	if v, ok := f["criteria"]; ok {
		l.criteria(d, v, r, what)
	} else {
		l.errs.Add(r.Pos, "%s has no criteria, expected elements or a built-in check", what)
	}
	return r
}

func contains(set []string, s string) bool {
	for _, x := range set {
		if x == s {
			return true
		}
	}
	return false
}

func (l *loader) criteria(d *decoder, v field, r *Requirement, what string) {
	f, ok := d.fields(v.value, "criteria", criteriaKeys)
	if !ok {
		return
	}
	ids := map[string]int{}
	for _, en := range d.seq(f["elements"], "criteria") {
		e, ok := l.element(d, en, what)
		if !ok {
			continue
		}
		if line, dup := ids[e.ID]; dup && e.ID != "" {
			l.errs.Add(e.Pos, "element %q of %s appears twice (first at line %d), expected unique element ids", e.ID, what, line)
		}
		ids[e.ID] = e.Pos.Line
		r.Criteria.Elements = append(r.Criteria.Elements, e)
	}
	if cv, ok := f["combine"]; ok {
		cf, ok := d.fields(cv.value, "combine", combineKeys)
		if ok {
			r.Criteria.Combine.MetAt = d.integer(cf["met_at"], "combine")
			r.Criteria.Combine.PartialAt = d.integer(cf["partial_at"], "combine")
			r.Criteria.Combine.NoPartial = d.boolean(cf["no_partial"], "combine")
			c := r.Criteria.Combine
			if n := len(r.Criteria.Elements); c.MetAt > n {
				l.errs.Add(d.pos(cf["met_at"].value), "met_at %d of %s exceeds its %d elements, expected at most %d", c.MetAt, what, n, n)
			}
			if c.MetAt > 0 && c.PartialAt > c.MetAt {
				l.errs.Add(d.pos(cf["partial_at"].value), "partial_at %d of %s exceeds met_at %d, expected at most %d", c.PartialAt, what, c.MetAt, c.MetAt)
			}
		}
	}
	if ck, ok := f["check"]; ok && !isNull(ck.value) {
		cf, ok := d.fields(ck.value, "check", checkKeys)
		if ok {
			c := &Check{Pos: d.pos(ck.value)}
			if kv, ok := cf["kind"]; ok {
				c.Kind = CheckKind(d.str(kv, "check"))
				c.Pos = d.pos(kv.value)
				if !c.Kind.Valid() {
					l.errs.Add(c.Pos, "unknown check kind %q in %s, expected one of %s", c.Kind, what, joinSet(CheckKinds))
				}
			} else {
				l.errs.Add(c.Pos, "check of %s has no kind, expected one of %s", what, joinSet(CheckKinds))
			}
			if pv, ok := cf["params"]; ok {
				for _, kv := range d.pairs(pv.value, "check params") {
					if x, ok := d.number(kv.value, fmt.Sprintf("check param %q", kv.key)); ok {
						if c.Params == nil {
							c.Params = map[string]float64{}
						}
						c.Params[kv.key] = x
					}
				}
			}
			r.Criteria.Check = c
		}
	}
	if len(r.Criteria.Elements) == 0 && r.Criteria.Check == nil {
		l.errs.Add(d.pos(v.value), "criteria of %s have neither elements nor a check, expected at least one", what)
	}
}

// roles reads the role list under key (roles or not_roles) of an element.
func (l *loader) roles(d *decoder, f map[string]field, key, ewhat string) []Role {
	v, ok := f[key]
	if !ok {
		return nil
	}
	var out []Role
	names, pos := d.strList(v.value, ewhat+" "+key)
	for i, s := range names {
		r := Role(s)
		if !r.Valid() {
			where := ewhat
			if key != "roles" {
				where = key + " of " + ewhat
			}
			l.errs.Add(pos[i], "unknown role %q in %s, expected one of %s", s, where, joinSet(Roles))
			continue
		}
		out = append(out, r)
	}
	return out
}

func (l *loader) element(d *decoder, n ast.Node, what string) (Element, bool) {
	f, ok := d.fields(n, "element", elementKeys)
	if !ok {
		return Element{}, false
	}
	e := Element{Pos: d.pos(n)}
	e.ID = d.str(f["id"], "element")
	if v, ok := f["id"]; ok {
		e.Pos = d.pos(v.value)
	}
	e.Label = d.str(f["label"], "element")
	e.Caption = d.boolean(f["caption"], "element")
	e.Prohibits = d.boolean(f["prohibits"], "element")
	e.Required = d.boolean(f["required"], "element")
	if v, ok := f["fact"]; ok {
		e.Fact = d.str(v, "element")
		if e.Fact != "" && !slices.Contains(ElementFacts, e.Fact) {
			l.errs.Add(d.pos(v.value), "unknown fact %q in element %q, expected one of %s", e.Fact, e.ID, strings.Join(ElementFacts, ", "))
		}
	}
	if e.ID == "" {
		l.errs.Add(e.Pos, "element of %s has no id, expected e.g. id: recruitment", what)
	}
	ewhat := fmt.Sprintf("element %q of %s", e.ID, what)
	if v, ok := f["offence"]; ok {
		names, pos := d.strList(v.value, ewhat+" offence")
		for i, c := range names {
			if !slices.Contains(OffenceClasses, c) {
				l.errs.Add(pos[i], "unknown offence class %q in %s, expected one of %s", c, ewhat, strings.Join(OffenceClasses, ", "))
				continue
			}
			e.Offence = append(e.Offence, c)
		}
	}
	e.Roles = l.roles(d, f, "roles", ewhat)
	e.NotRoles = l.roles(d, f, "not_roles", ewhat)
	for _, r := range e.NotRoles {
		if r == RoleAny || slices.Contains(e.Roles, r) {
			l.errs.Add(e.Pos, "%s: role %q is both required and vetoed, expected not_roles to name roles outside roles (and never any)", ewhat, r)
		}
	}
	langs := map[string]bool{}
	pv, ok := f["patterns"]
	if !ok {
		l.errs.Add(e.Pos, "%s has no patterns, expected a list of patterns", ewhat)
	}
	for _, pn := range d.seq(pv, ewhat) {
		if p, ok := l.pattern(d, pn, ewhat, langs); ok {
			e.Patterns = append(e.Patterns, p)
		}
	}
	if ok && len(e.Patterns) > 0 && !langs["*"] {
		var missing []string
		for _, lang := range Languages {
			if !langs[lang] {
				missing = append(missing, lang)
			}
		}
		if len(missing) > 0 {
			l.errs.Add(d.pos(pv.value), "%s has no terms for %s, expected terms for every language (%s)", ewhat, strings.Join(missing, ", "), strings.Join(Languages, ", "))
		}
	}
	if xv, ok := f["exclude"]; ok {
		for _, pn := range d.seq(xv, ewhat) {
			if p, ok := l.pattern(d, pn, ewhat+" exclude", map[string]bool{}); ok {
				e.Exclude = append(e.Exclude, p)
			}
		}
	}
	return e, true
}

// pattern decodes one pattern and records the languages it covers.
func (l *loader) pattern(d *decoder, n ast.Node, what string, langs map[string]bool) (Pattern, bool) {
	f, ok := d.fields(n, "pattern", patternKeys)
	if !ok {
		return Pattern{}, false
	}
	p := Pattern{Pos: d.pos(n)}
	kv, ok := f["kind"]
	if !ok {
		l.errs.Add(p.Pos, "pattern of %s has no kind, expected one of %s", what, joinSet(CriterionKinds))
		return p, false
	}
	p.Kind = CriterionKind(d.str(kv, "pattern"))
	if !p.Kind.Valid() {
		l.errs.Add(d.pos(kv.value), "unknown criterion kind %q in %s, expected one of %s", p.Kind, what, joinSet(CriterionKinds))
		return p, false
	}
	only := func(key string, kinds ...CriterionKind) {
		if v, ok := f[key]; ok {
			for _, k := range kinds {
				if p.Kind == k {
					return
				}
			}
			l.errs.Add(v.keyPos, "key %q is not used by %s patterns, expected it only with %s", key, p.Kind, joinSet(kinds))
		}
	}
	bad := false
	only("with", CritNear)
	only("within", CritNear)
	only("referred", CritNear)
	only("regex", CritRegex)
	only("terms", CritKeyword, CritPhrase, CritNear, CritDefines, CritCrossRef)
	termLangs, withLangs := map[string]bool{}, map[string]bool{}
	if v, ok := f["terms"]; ok && p.Kind != CritRegex {
		p.Terms, termLangs = l.terms(d, v, what)
	}
	if v, ok := f["with"]; ok && p.Kind == CritNear {
		p.With, withLangs = l.terms(d, v, what)
	}
	if v, ok := f["within"]; ok && p.Kind == CritNear {
		p.Within = d.integer(v, "pattern")
	}
	if v, ok := f["referred"]; ok && p.Kind == CritNear {
		p.Referred = d.boolean(v, "pattern")
	}
	if v, ok := f["regex"]; ok && p.Kind == CritRegex {
		for _, kv := range d.pairs(v.value, "regex") {
			if !reLang.MatchString(kv.key) {
				l.errs.Add(kv.keyPos, "language key %q is malformed, expected a two-letter code such as en or *", kv.key)
				continue
			}
			s := d.str(kv, "regex")
			if s == "" {
				l.errs.Add(d.pos(kv.value), "empty regex for %q in %s, expected a Go regular expression", kv.key, what)
				continue
			}
			langs[kv.key] = true // reported below if bad; no cascade
			if _, err := regexp.Compile(s); err != nil {
				l.errs.Add(d.pos(kv.value), "regex %q in %s does not compile (%s), expected Go RE2 syntax", s, what, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
				bad = true
				continue
			}
			if n, insts := len(s), regexInsts(s); n > MaxRegexLen || insts > MaxRegexInsts {
				l.errs.Add(d.pos(kv.value), "regex for %q in %s is too large (%d bytes, %d instructions compiled), expected at most %d bytes and %d instructions", kv.key, what, n, insts, MaxRegexLen, MaxRegexInsts)
				bad = true
				continue
			}
			if p.Regex == nil {
				p.Regex = map[string]string{}
			}
			p.Regex[kv.key] = s
		}
	}
	switch p.Kind {
	case CritKeyword, CritPhrase, CritDefines:
		if len(termLangs) == 0 {
			l.errs.Add(p.Pos, "%s pattern of %s has no terms, expected terms per language", p.Kind, what)
		}
		for k := range termLangs {
			langs[k] = true
		}
	case CritNear:
		if len(termLangs) == 0 || len(withLangs) == 0 {
			l.errs.Add(p.Pos, "near pattern of %s needs both terms and with, expected terms per language in each", what)
		}
		for k := range termLangs {
			if withLangs[k] || withLangs["*"] {
				langs[k] = true
			}
		}
	case CritRegex:
		if len(p.Regex) == 0 && !bad {
			l.errs.Add(p.Pos, "regex pattern of %s has no regex, expected regex per language", what)
		}
		for k := range p.Regex {
			langs[k] = true
		}
	case CritCrossRef:
		for k := range termLangs {
			langs[k] = true
		}
	}
	return p, true
}

// terms decodes a {lang: [term, …]} mapping, validating each term.
func (l *loader) terms(d *decoder, v field, what string) (map[string][]string, map[string]bool) {
	out := map[string][]string{}
	covered := map[string]bool{}
	for _, kv := range d.pairs(v.value, what+" "+v.key) {
		if !reLang.MatchString(kv.key) {
			l.errs.Add(kv.keyPos, "language key %q is malformed, expected a two-letter code (en, fr, de, es) or *", kv.key)
			continue
		}
		list, pos := d.strList(kv.value, fmt.Sprintf("%s %s %q", what, v.key, kv.key))
		if len(list) > 0 {
			// A language with terms counts as covered even when a term is
			// bad, so one bad term is not also reported as a missing language.
			covered[kv.key] = true
		}
		for i, t := range list {
			if msg := checkTerm(t); msg != "" {
				l.errs.Add(pos[i], "term %q in %s %s, expected %s", t, what, msg, "words of letters or digits, with * only at the end of a word")
				continue
			}
			out[kv.key] = append(out[kv.key], t)
		}
	}
	return out, covered
}

// MaxFileSize is the largest map, overrides or instrument text file read,
// in bytes. Reads go through the limit (a device or pipe states no size).
var MaxFileSize = 64 << 20

// readLimited reads name from fsys through MaxFileSize.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, int64(MaxFileSize)+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("input is larger than the limit of %d bytes, expected a file of ordinary size (raise the limit with --max-input-bytes)", MaxFileSize)
	}
	return b, nil
}

// The size budget of one regex criterion: its source and its compiled
// program (RE2 matches in time proportional to program size × text
// length, so the program bounds the work per byte of statute text). The
// largest regex of the bundled map is 119 bytes.
const (
	MaxRegexLen   = 1024
	MaxRegexInsts = 4000
)

// regexInsts is the size of src's compiled program (0 when it does not
// parse).
func regexInsts(src string) int {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return 0
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0
	}
	return len(prog.Inst)
}
