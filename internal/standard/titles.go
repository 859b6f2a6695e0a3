package standard

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// TitlesDir is the directory of a map's translated titles: TitlesDir/<lang>.yaml.
const TitlesDir = "lang"

// Titles are a map's requirement titles and instrument names in one
// language other than English. They are unofficial translations (Note
// says so in the pack), written with the official terminology of the
// instruments' language versions where one exists.
type Titles struct {
	Lang         string
	Note         string
	Requirements map[RequirementID]string
	Instruments  map[InstrumentID]string
	// Missing lists, sorted, the requirements and instruments of the map
	// the file does not translate; LoadTitles reports them as errors
	// unless lenient.
	Missing []string
}

var titlesKeys = []string{"note", "requirements", "instruments"}

// LoadTitles reads TitlesDir/<lang>.yaml from fsys (a map directory) and
// checks it against m: every key must name a requirement or instrument of
// m, every title must be a non-empty string. Unless lenient, a requirement
// or instrument of m without a title is an error too (mapping validate);
// lenient keeps them in Missing (a pack over a map with extra
// requirements). A file that does not exist gives nil, nil. Problems are
// positioned (name/lang/<lang>.yaml:line:col) and collected.
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
	t := &Titles{Lang: lang, Requirements: map[RequirementID]string{}, Instruments: map[InstrumentID]string{}}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		line := 1
		if errors.As(err, &se) && se.Token != nil {
			line = se.Token.Position.Line
		}
		errs.Add(Pos{File: shown, Line: line}, "invalid YAML, expected note, requirements and instruments mappings")
		return nil, errs.Err()
	}
	var top *ast.MappingNode
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		switch b := d.Body.(type) {
		case *ast.MappingNode:
			top = b
		case *ast.MappingValueNode:
			top = &ast.MappingNode{Values: []*ast.MappingValueNode{b}}
		}
	}
	if top == nil {
		errs.Add(Pos{File: shown, Line: 1}, "not a mapping, expected note, requirements and instruments")
		return nil, errs.Err()
	}
	for _, mv := range top.Values {
		key := mv.Key.String()
		switch key {
		case "note":
			s, ok := mv.Value.(*ast.StringNode)
			if !ok {
				errs.Add(pos(mv.Value), "note is not a string, expected the sentence a pack shows about these translations")
				continue
			}
			t.Note = s.Value
		case "requirements", "instruments":
			mm, ok := mv.Value.(*ast.MappingNode)
			if !ok {
				if one, ok1 := mv.Value.(*ast.MappingValueNode); ok1 {
					mm = &ast.MappingNode{Values: []*ast.MappingValueNode{one}}
				} else {
					errs.Add(pos(mv.Value), "%s is not a mapping, expected ID: title", key)
					continue
				}
			}
			for _, e := range mm.Values {
				id := e.Key.String()
				s, ok := e.Value.(*ast.StringNode)
				if !ok || s.Value == "" {
					errs.Add(pos(e.Value), "title of %q is not a non-empty string, expected its %s title", id, lang)
					continue
				}
				if key == "requirements" {
					if m.Requirement(RequirementID(id)) == nil {
						errs.Add(pos(e.Key), "requirement %q is not in the map, expected an ID of requirements/*.yaml", id)
						continue
					}
					if _, dup := t.Requirements[RequirementID(id)]; dup {
						errs.Add(pos(e.Key), "requirement %q translated twice", id)
					}
					t.Requirements[RequirementID(id)] = s.Value
				} else {
					if m.Instrument(InstrumentID(id)) == nil {
						errs.Add(pos(e.Key), "instrument %q is not in the map, expected an ID of instruments/*.yaml", id)
						continue
					}
					if _, dup := t.Instruments[InstrumentID(id)]; dup {
						errs.Add(pos(e.Key), "instrument %q translated twice", id)
					}
					t.Instruments[InstrumentID(id)] = s.Value
				}
			}
		default:
			errs.Add(pos(mv.Key), "unknown key %q, expected one of %v", key, titlesKeys)
		}
	}
	for _, r := range m.Requirements {
		if _, ok := t.Requirements[r.ID]; !ok {
			t.Missing = append(t.Missing, "requirement "+string(r.ID))
		}
	}
	for _, in := range m.Instruments {
		if _, ok := t.Instruments[in.ID]; !ok {
			t.Missing = append(t.Missing, "instrument "+string(in.ID))
		}
	}
	sort.Strings(t.Missing)
	if !lenient {
		for _, x := range t.Missing {
			errs.Add(Pos{File: shown, Line: 1}, "%s has no %s title, expected every requirement and instrument of the map translated", x, lang)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}
