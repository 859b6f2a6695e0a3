package score

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// OverrideError is a positioned problem in an overrides file.
type OverrideError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *OverrideError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// OverrideErrors collects every problem of one file, sorted by position.
type OverrideErrors []*OverrideError

func (l OverrideErrors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == 20 {
			fmt.Fprintf(&b, "(and %d more errors)", len(l)-20)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

var overrideKeys = []string{"requirement", "verdict", "rationale", "reviewer", "date", "expires", "evidence"}

// ParseOverrides reads a reviewer's overrides file:
//
//	overrides:
//	  - requirement: def.child-age-18
//	    verdict: met
//	    rationale: "Children Act s2 defines a child as under 18 (checked)"
//	    reviewer: "A. Adviser"
//	    date: 2026-01-10
//	    expires: 2027-01-10        # optional
//	    evidence: [ken/children-act.md#s2]   # optional
//
// A bare list (without the "overrides:" key) is accepted too. Every problem
// (unknown requirement ID, unknown key, bad verdict or date, a ".." path in
// evidence, a duplicate requirement) is reported with its position; all are
// collected, sorted by position. Overrides come back in file order.
func ParseOverrides(file string, src []byte, m *standard.Map) ([]Override, error) {
	var errs OverrideErrors
	add := func(n ast.Node, format string, args ...any) {
		line, col := 1, 0
		if n != nil && n.GetToken() != nil {
			line, col = n.GetToken().Position.Line, n.GetToken().Position.Column
		}
		errs = append(errs, &OverrideError{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // a byte-order mark is not a key
	if err := CheckYAML(file, src); err != nil {
		return nil, err
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			return nil, OverrideErrors{{File: file, Line: se.Token.Position.Line, Col: se.Token.Position.Column, Msg: "invalid YAML: " + se.Message + ", expected a list of overrides"}}
		}
		return nil, OverrideErrors{{File: file, Line: 1, Msg: "invalid YAML, expected a list of overrides"}}
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if _, ok := d.Body.(*ast.CommentGroupNode); !ok {
				body = d.Body
				break
			}
		}
	}
	if body == nil {
		return nil, nil
	}
	if err := NoAnchors(file, body); err != nil {
		return nil, err
	}
	if mp, ok := body.(*ast.MappingNode); ok {
		var list ast.Node
		for _, kv := range mp.Values {
			if k := kv.Key.String(); k == "overrides" {
				list = kv.Value
			} else {
				add(kv.Key, "unknown key %q, expected \"overrides\"", k)
			}
		}
		if list == nil {
			if len(errs) == 0 {
				add(body, "no \"overrides\" key, expected a list of overrides")
			}
			return nil, errs.err()
		}
		body = list
	}
	seq, ok := body.(*ast.SequenceNode)
	if !ok {
		if _, null := body.(*ast.NullNode); null {
			return nil, errs.err()
		}
		add(body, "expected a list of overrides, found %s", body.Type())
		return nil, errs.err() // sorted: an unknown key may follow the list
	}
	var out []Override
	seen := map[string]int{}
	for _, item := range seq.Values {
		mp, ok := item.(*ast.MappingNode)
		if !ok {
			add(item, "expected an override (a mapping with requirement, verdict, rationale, reviewer, date), found %s", item.Type())
			continue
		}
		o := Override{}
		line := 0
		if t := item.GetToken(); t != nil {
			line = t.Position.Line
		}
		got := map[string]bool{}
		for _, kv := range mp.Values {
			k := kv.Key.String()
			if got[k] {
				add(kv.Key, "duplicate key %q", k)
			}
			got[k] = true
			switch k {
			case "requirement", "verdict", "rationale", "reviewer", "date", "expires":
				v, ok := scalar(kv.Value)
				if !ok {
					add(kv.Value, "%s must be a string, found %s", k, kv.Value.Type())
					continue
				}
				switch k {
				case "requirement":
					o.Requirement = v
					if m != nil && m.Requirement(standard.RequirementID(v)) == nil {
						add(kv.Value, "unknown requirement %q, expected a requirement ID of the map (e.g. def.acts)", v)
					}
					if l, dup := seen[v]; dup {
						add(kv.Value, "requirement %q is overridden twice (first at line %d), expected one override per requirement", v, l)
					}
					seen[v] = line
				case "verdict":
					vd, err := ParseVerdict(v)
					if err != nil {
						add(kv.Value, "%v", err)
					}
					o.Verdict = vd
				case "rationale":
					o.Rationale = v
				case "reviewer":
					o.Reviewer = v
				case "date":
					if !validDay(v) {
						add(kv.Value, "date %q, expected YYYY-MM-DD", v)
					}
					o.Date = v
				case "expires":
					if !validDay(v) {
						add(kv.Value, "expires %q, expected YYYY-MM-DD", v)
					}
					o.Expires = v
				}
			case "evidence":
				s, ok := kv.Value.(*ast.SequenceNode)
				if !ok {
					add(kv.Value, "evidence must be a list of paths, found %s", kv.Value.Type())
					continue
				}
				for _, ev := range s.Values {
					v, ok := scalar(ev)
					if !ok {
						add(ev, "evidence entries must be strings, found %s", ev.Type())
						continue
					}
					p, _, _ := strings.Cut(v, "#")
					if strings.HasPrefix(p, "/") || containsDotDot(p) {
						add(ev, "evidence path %q leaves the corpus, expected a path relative to the corpus without \"..\"", v)
						continue
					}
					o.Evidence = append(o.Evidence, v)
				}
			default:
				add(kv.Key, "unknown key %q, expected one of %s", k, strings.Join(overrideKeys, ", "))
			}
		}
		for _, k := range []string{"requirement", "verdict", "rationale", "reviewer", "date"} {
			if !got[k] {
				add(item, "override has no %q, expected requirement, verdict, rationale, reviewer and date", k)
			}
		}
		o.Source = fmt.Sprintf("%s:%d", file, line)
		out = append(out, o)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

func (l OverrideErrors) err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Line != l[j].Line {
			return l[i].Line < l[j].Line
		}
		return l[i].Col < l[j].Col
	})
	return l
}

func containsDotDot(p string) bool {
	for _, part := range strings.Split(strings.ReplaceAll(p, "\\", "/"), "/") {
		if part == ".." {
			return true
		}
	}
	return path.Clean(p) != p && strings.Contains(path.Clean(p), "..")
}

func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return n.GetToken().Value, true
	case *ast.NullNode:
		return "", true
	}
	if t := n.GetToken(); t != nil && n.Type() != ast.MappingType && n.Type() != ast.SequenceType {
		return t.Value, true
	}
	return "", false
}

func validDay(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	mo := (s[5]-'0')*10 + s[6] - '0'
	d := (s[8]-'0')*10 + s[9] - '0'
	return mo >= 1 && mo <= 12 && d >= 1 && d <= 31
}
