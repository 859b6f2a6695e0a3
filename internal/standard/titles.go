package standard

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// TitlesDir is the directory of a map's translations: TitlesDir/<lang>.yaml.
const TitlesDir = "lang"

// Unofficial is the only value of a translation file's "translation" key:
// the map's texts are our own plain sentences, never treaty wording, so a
// translation of them can never be official.
const Unofficial = "unofficial"

// RequirementText is what a reader sees of one requirement, in one
// language: its title, statement, recommendation, model provision and the
// labels of its elements (by element ID).
type RequirementText struct {
	Title          string
	Statement      string
	Recommendation string
	ModelProvision string
	Elements       map[string]string
	Pos            Pos
	// keys holds the keys the entry has (even with a bad value, which is
	// reported as such, not as missing).
	keys map[string]bool
}

// Titles are a map's texts in one language other than English: for every
// requirement its title, statement, recommendation, model provision and
// element labels, for every instrument its short name and the summaries
// of the articles the map cites. They are unofficial translations (Note
// says so in the limits of a pack, SheetNote on each page that shows the
// requirement texts), written with the official terminology of the
// instruments' language versions.
type Titles struct {
	Lang string
	// Translation is always Unofficial.
	Translation string
	Note        string
	// SheetNote is the line a pack prints where the translated statement,
	// recommendation and model provision appear.
	SheetNote    string
	Requirements map[RequirementID]string // titles
	Texts        map[RequirementID]RequirementText
	Instruments  map[InstrumentID]string
	// Articles holds the translated article summaries, by instrument and
	// article number.
	Articles map[InstrumentID]map[string]string
	// Missing lists, sorted, what of the map the file does not translate
	// ("requirement def.acts statement"); LoadTitles reports them as
	// errors unless lenient.
	Missing []string
}

var (
	titlesKeys      = []string{"translation", "note", "sheet_note", "requirements", "instruments", "articles"}
	requirementKeys = []string{"title", "statement", "recommendation", "model_provision", "elements"}
)

// Label returns the label of element el of requirement id in t, or "".
func (t *Titles) Label(id RequirementID, el string) string {
	if t == nil {
		return ""
	}
	return t.Texts[id].Elements[el]
}

// Summary returns the summary of article number of instrument in, or "".
func (t *Titles) Summary(in InstrumentID, number string) string {
	if t == nil {
		return ""
	}
	return t.Articles[in][number]
}

// LoadTitles reads TitlesDir/<lang>.yaml from fsys (a map directory) and
// checks it against m: every key must name a requirement, element,
// instrument or article of m, every text must be a non-empty string, and
// "translation" must say the texts are unofficial. Unless lenient,
// anything of m a reader sees without a translation is an error too
// (mapping validate), positioned at the requirement or instrument entry
// when it exists; lenient keeps them in Missing (a pack over a map with
// extra requirements keeps their English). A file that does not exist
// gives nil, nil. Problems are positioned (name/lang/<lang>.yaml:line:col),
// collected and sorted.
func LoadTitles(fsys fs.FS, name, lang string, m *Map, lenient bool) (*Titles, error) {
	file := TitlesDir + "/" + lang + ".yaml"
	src, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", join(name, file), err)
	}
	shown := join(name, file)
	var errs ErrorList
	pos := func(n ast.Node) Pos {
		t := n.GetToken()
		return Pos{File: shown, Line: t.Position.Line, Col: t.Position.Column}
	}
	t := &Titles{Lang: lang, Requirements: map[RequirementID]string{}, Texts: map[RequirementID]RequirementText{},
		Instruments: map[InstrumentID]string{}, Articles: map[InstrumentID]map[string]string{}}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		line := 1
		if errors.As(err, &se) && se.Token != nil {
			line = se.Token.Position.Line
		}
		errs.Add(Pos{File: shown, Line: line}, "invalid YAML, expected the mappings %s", strings.Join(titlesKeys, ", "))
		return nil, errs.Err()
	}
	top := mappingOf(nil)
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if mm := mappingOf(d.Body); mm != nil {
				top = mm
			}
		}
	}
	if top == nil {
		errs.Add(Pos{File: shown, Line: 1}, "not a mapping, expected the keys %s", strings.Join(titlesKeys, ", "))
		return nil, errs.Err()
	}
	// str returns the non-empty string value of n, or reports what it is.
	str := func(n ast.Node, what string) (string, bool) {
		var v string
		switch s := n.(type) {
		case *ast.StringNode:
			v = s.Value
		case *ast.LiteralNode: // a block scalar (> or |)
			v = strings.TrimSpace(s.Value.Value)
		}
		if strings.TrimSpace(v) == "" {
			errs.Add(pos(n), "%s is not a non-empty string, expected its %s text", what, lang)
			return "", false
		}
		return v, true
	}
	seen := map[string]bool{}
	reqPos := map[RequirementID]Pos{}
	insPos := map[InstrumentID]Pos{}
	for _, mv := range top.Values {
		key := mv.Key.String()
		if seen[key] {
			errs.Add(pos(mv.Key), "key %q appears twice", key)
		}
		seen[key] = true
		switch key {
		case "translation":
			if s, ok := mv.Value.(*ast.StringNode); !ok || s.Value != Unofficial {
				errs.Add(pos(mv.Value), "translation is %q, expected %q (the map's texts are our own sentences, never treaty wording)", strings.TrimSpace(mv.Value.String()), Unofficial)
				continue
			}
			t.Translation = Unofficial
		case "note":
			t.Note, _ = str(mv.Value, "note")
		case "sheet_note":
			t.SheetNote, _ = str(mv.Value, "sheet_note")
		case "requirements":
			mm := mappingOf(mv.Value)
			if mm == nil {
				errs.Add(pos(mv.Value), "requirements is not a mapping, expected ID: {title, statement, recommendation, model_provision, elements}")
				continue
			}
			for _, e := range mm.Values {
				id := RequirementID(e.Key.String())
				req := m.Requirement(id)
				if req == nil {
					errs.Add(pos(e.Key), "requirement %q is not in the map, expected an ID of requirements/*.yaml", id)
					continue
				}
				if _, dup := t.Texts[id]; dup {
					errs.Add(pos(e.Key), "requirement %q translated twice", id)
					continue
				}
				reqPos[id] = pos(e.Key)
				t.Texts[id] = requirementText(e.Value, req, lang, pos, str, &errs)
				if s := t.Texts[id].Title; s != "" {
					t.Requirements[id] = s
				}
			}
		case "instruments":
			mm := mappingOf(mv.Value)
			if mm == nil {
				errs.Add(pos(mv.Value), "instruments is not a mapping, expected ID: short name")
				continue
			}
			for _, e := range mm.Values {
				id := InstrumentID(e.Key.String())
				if m.Instrument(id) == nil {
					errs.Add(pos(e.Key), "instrument %q is not in the map, expected an ID of instruments/*.yaml", id)
					continue
				}
				if _, dup := t.Instruments[id]; dup {
					errs.Add(pos(e.Key), "instrument %q translated twice", id)
					continue
				}
				insPos[id] = pos(e.Key)
				if s, ok := str(e.Value, fmt.Sprintf("name of %q", id)); ok {
					t.Instruments[id] = s
				}
			}
		case "articles":
			mm := mappingOf(mv.Value)
			if mm == nil {
				errs.Add(pos(mv.Value), "articles is not a mapping, expected instrument ID: {article number: summary}")
				continue
			}
			for _, e := range mm.Values {
				id := InstrumentID(e.Key.String())
				in := m.Instrument(id)
				if in == nil {
					errs.Add(pos(e.Key), "instrument %q is not in the map, expected an ID of instruments/*.yaml", id)
					continue
				}
				if _, dup := t.Articles[id]; dup {
					errs.Add(pos(e.Key), "articles of %q translated twice", id)
					continue
				}
				if _, ok := insPos[id]; !ok {
					insPos[id] = pos(e.Key)
				}
				arts := map[string]string{}
				t.Articles[id] = arts
				am := mappingOf(e.Value)
				if am == nil {
					errs.Add(pos(e.Value), "articles of %q is not a mapping, expected article number: summary", id)
					continue
				}
				for _, a := range am.Values {
					num := strings.Trim(a.Key.String(), `"'`)
					if !hasArticle(in, num) {
						errs.Add(pos(a.Key), "article %q is not cited from %s in the map, expected a number of its articles list", num, id)
						continue
					}
					if _, dup := arts[num]; dup {
						errs.Add(pos(a.Key), "article %q of %s translated twice", num, id)
						continue
					}
					if s, ok := str(a.Value, fmt.Sprintf("summary of %s art. %s", id, num)); ok {
						arts[num] = s
					}
				}
			}
		default:
			errs.Add(pos(mv.Key), "unknown key %q, expected one of %s", key, strings.Join(titlesKeys, ", "))
		}
	}
	// Completeness: everything of the map a pack shows.
	type miss struct {
		pos  Pos
		what string
	}
	var missing []miss
	top1 := Pos{File: shown, Line: 1}
	if t.Translation == "" && !seen["translation"] {
		missing = append(missing, miss{top1, "translation: " + Unofficial})
	}
	if t.Note == "" && !seen["note"] {
		missing = append(missing, miss{top1, "note"})
	}
	if t.SheetNote == "" && !seen["sheet_note"] {
		missing = append(missing, miss{top1, "sheet_note"})
	}
	for _, r := range m.Requirements {
		p, ok := reqPos[r.ID]
		if !ok {
			missing = append(missing, miss{top1, "requirement " + string(r.ID)})
			continue
		}
		tx := t.Texts[r.ID]
		for _, f := range []struct{ en, tr, key string }{
			{r.Title, tx.Title, "title"}, {r.Statement, tx.Statement, "statement"},
			{r.Recommendation, tx.Recommendation, "recommendation"}, {r.ModelProvision, tx.ModelProvision, "model_provision"},
		} {
			if f.en != "" && f.tr == "" && !tx.keys[f.key] {
				missing = append(missing, miss{p, "requirement " + string(r.ID) + " " + f.key})
			}
		}
		for _, el := range r.Criteria.Elements {
			if el.Label != "" && tx.Elements[el.ID] == "" && !tx.keys["element "+el.ID] {
				missing = append(missing, miss{p, "requirement " + string(r.ID) + " element " + el.ID})
			}
		}
	}
	for _, in := range m.Instruments {
		p, ok := insPos[in.ID]
		if !ok {
			p = top1
		}
		if _, ok := t.Instruments[in.ID]; !ok {
			missing = append(missing, miss{p, "instrument " + string(in.ID)})
		}
		for _, a := range in.Articles {
			if a.Summary != "" && t.Articles[in.ID][a.Number] == "" {
				missing = append(missing, miss{p, "instrument " + string(in.ID) + " article " + a.Number})
			}
		}
	}
	for _, x := range missing {
		t.Missing = append(t.Missing, x.what)
	}
	sort.Strings(t.Missing)
	if !lenient {
		for _, x := range missing {
			errs.Add(x.pos, "%s has no %s translation, expected every text of the map a pack shows translated", x.what, lang)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// requirementText decodes one requirement's entry: a mapping of
// requirementKeys whose elements key maps element IDs of req to labels.
func requirementText(n ast.Node, req *Requirement, lang string, pos func(ast.Node) Pos, str func(ast.Node, string) (string, bool), errs *ErrorList) RequirementText {
	tx := RequirementText{Elements: map[string]string{}, Pos: pos(n), keys: map[string]bool{}}
	mm := mappingOf(n)
	if mm == nil {
		errs.Add(pos(n), "requirement %q is not a mapping, expected the keys %s", req.ID, strings.Join(requirementKeys, ", "))
		return tx
	}
	for _, kv := range mm.Values {
		key := kv.Key.String()
		what := fmt.Sprintf("%s of %q", key, req.ID)
		if tx.keys[key] {
			errs.Add(pos(kv.Key), "key %q appears twice in requirement %q", key, req.ID)
		}
		tx.keys[key] = true
		switch key {
		case "title":
			tx.Title, _ = str(kv.Value, what)
		case "statement":
			tx.Statement, _ = str(kv.Value, what)
		case "recommendation":
			tx.Recommendation, _ = str(kv.Value, what)
		case "model_provision":
			tx.ModelProvision, _ = str(kv.Value, what)
		case "elements":
			em := mappingOf(kv.Value)
			if em == nil {
				errs.Add(pos(kv.Value), "elements of %q is not a mapping, expected element ID: label", req.ID)
				continue
			}
			for _, e := range em.Values {
				id := e.Key.String()
				if !hasElement(req, id) {
					errs.Add(pos(e.Key), "element %q is not in requirement %q, expected one of %s", id, req.ID, elementIDs(req))
					continue
				}
				if tx.keys["element "+id] {
					errs.Add(pos(e.Key), "element %q of %q translated twice", id, req.ID)
					continue
				}
				tx.keys["element "+id] = true
				if s, ok := str(e.Value, fmt.Sprintf("label of element %q of %q", id, req.ID)); ok {
					tx.Elements[id] = s
				}
			}
		default:
			errs.Add(pos(kv.Key), "unknown key %q in requirement %q, expected one of %s", key, req.ID, strings.Join(requirementKeys, ", "))
		}
	}
	return tx
}

// mappingOf returns n as a mapping node (a one-entry mapping is parsed as
// a MappingValueNode), or nil.
func mappingOf(n ast.Node) *ast.MappingNode {
	switch b := n.(type) {
	case *ast.MappingNode:
		return b
	case *ast.MappingValueNode:
		return &ast.MappingNode{Values: []*ast.MappingValueNode{b}}
	}
	return nil
}

func hasElement(r *Requirement, id string) bool {
	for _, e := range r.Criteria.Elements {
		if e.ID == id {
			return true
		}
	}
	return false
}

func elementIDs(r *Requirement) string {
	ids := make([]string, len(r.Criteria.Elements))
	for i, e := range r.Criteria.Elements {
		ids[i] = e.ID
	}
	if len(ids) == 0 {
		return "none (the requirement has no elements)"
	}
	return strings.Join(ids, ", ")
}

func hasArticle(in *Instrument, number string) bool {
	for _, a := range in.Articles {
		if a.Number == number {
			return true
		}
	}
	return false
}
