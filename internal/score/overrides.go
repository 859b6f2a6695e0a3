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

var overrideKeys = []string{"requirement", "verdict", "rationale", "reviewer", "date", "expires", "evidence",
	"decision", "machine_verdict", "statutes", "evidence_sha256", "history"}

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
		o, line, reqNode := parseOverride(file, mp, m, add, false)
		if l, dup := seen[o.Requirement]; dup && reqNode != nil {
			add(reqNode, "requirement %q is overridden twice (first at line %d), expected one override per requirement", o.Requirement, l)
		}
		seen[o.Requirement] = line
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

// parseOverride reads one decision; a decision of a history list has no
// history of its own.
func parseOverride(file string, mp *ast.MappingNode, m *standard.Map, add func(ast.Node, string, ...any), inHistory bool) (Override, int, ast.Node) {
	o := Override{}
	var reqNode ast.Node
	line := 0
	if t := mp.GetToken(); t != nil {
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
		case "requirement", "verdict", "rationale", "reviewer", "date", "expires", "decision", "machine_verdict", "evidence_sha256":
			v, ok := scalar(kv.Value)
			if !ok {
				add(kv.Value, "%s must be a string, found %s", k, kv.Value.Type())
				continue
			}
			switch k {
			case "requirement":
				o.Requirement, reqNode = v, kv.Value
				if m != nil && m.Requirement(standard.RequirementID(v)) == nil {
					add(kv.Value, "unknown requirement %q, expected a requirement ID of the map (e.g. def.acts)", v)
				}
			case "verdict", "machine_verdict":
				vd, err := ParseVerdict(v)
				if err != nil {
					add(kv.Value, "%v", err)
				}
				if k == "verdict" {
					o.Verdict = vd
				} else {
					o.MachineVerdict = vd
				}
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
			case "decision":
				if v != DecisionConfirm && v != DecisionOverride {
					add(kv.Value, "decision %q, expected confirm or override", v)
				}
				o.Decision = v
			case "evidence_sha256":
				if len(v) != 64 || strings.Trim(v, "0123456789abcdef") != "" {
					add(kv.Value, "evidence_sha256 %q, expected 64 lower-case hex digits", v)
				}
				o.EvidenceSHA256 = v
			}
		case "evidence", "statutes":
			s, ok := kv.Value.(*ast.SequenceNode)
			if !ok {
				add(kv.Value, "%s must be a list, found %s", k, kv.Value.Type())
				continue
			}
			for _, ev := range s.Values {
				v, ok := scalar(ev)
				if !ok {
					add(ev, "%s entries must be strings, found %s", k, ev.Type())
					continue
				}
				if k == "statutes" {
					if id, ver, ok := strings.Cut(v, "@"); !ok || id == "" || ver == "" {
						add(ev, "statute %q, expected statute-id@version-date", v)
						continue
					}
					o.Statutes = append(o.Statutes, v)
					continue
				}
				p, _, _ := strings.Cut(v, "#")
				if strings.HasPrefix(p, "/") || containsDotDot(p) {
					add(ev, "evidence path %q leaves the corpus, expected a path relative to the corpus without \"..\"", v)
					continue
				}
				o.Evidence = append(o.Evidence, v)
			}
		case "history":
			s, ok := kv.Value.(*ast.SequenceNode)
			if inHistory || !ok {
				add(kv.Value, "history must be a list of earlier decisions (not nested), found %s", kv.Value.Type())
				continue
			}
			for _, h := range s.Values {
				hm, ok := h.(*ast.MappingNode)
				if !ok {
					add(h, "expected an earlier decision (a mapping), found %s", h.Type())
					continue
				}
				ho, _, _ := parseOverride(file, hm, m, add, true)
				o.History = append(o.History, ho)
			}
		default:
			add(kv.Key, "unknown key %q, expected one of %s", k, strings.Join(overrideKeys, ", "))
		}
	}
	for _, k := range []string{"requirement", "verdict", "rationale", "reviewer", "date"} {
		if !got[k] {
			add(mp, "override has no %q, expected requirement, verdict, rationale, reviewer and date", k)
		}
	}
	o.Source = fmt.Sprintf("%s:%d", file, line)
	return o, line, reqNode
}
