package standard

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// maxFileSize caps a map file; the map is hand-written YAML.
const maxFileSize = 8 << 20

// decoder walks one file's YAML AST, collecting positioned errors. It never
// decodes through reflection: every key is checked against the allowed set
// and every scalar against its expected type, so errors carry positions.
type decoder struct {
	file  string
	errs  *ErrorList
	lines [][]byte // the normalised source split into lines, to keep columns inside them
}

// parseFile parses src and returns the body of its single document, or nil
// (with an error recorded) when the file is not valid YAML.
func (d *decoder) parseFile(src []byte) ast.Node {
	if len(src) > maxFileSize {
		d.errs.Add(Pos{File: d.file, Line: 1, Col: 1}, "file is %d bytes, expected at most %d", len(src), maxFileSize)
		return nil
	}
	src = normalizeYAML(src)
	if line, col, msg, ok := ScanYAML(src); !ok {
		d.errs.Add(Pos{File: d.file, Line: line, Col: col}, "%s", msg)
		return nil
	}
	d.lines = bytes.Split(src, []byte("\n"))
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			d.errs.Add(d.tokPos(se.Token.Position.Line, se.Token.Position.Column), "invalid YAML: %s, expected well-formed YAML", se.Message)
		} else {
			d.errs.Add(Pos{File: d.file, Line: 1, Col: 1}, "invalid YAML, expected well-formed YAML")
		}
		return nil
	}
	var body ast.Node
	n := 0
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if _, ok := doc.Body.(*ast.CommentGroupNode); ok {
			continue
		}
		n++
		if n == 2 {
			d.errs.Add(d.pos(doc.Body), "a second YAML document in one file, expected exactly one")
			return nil
		}
		body = doc.Body
	}
	if body == nil {
		d.errs.Add(Pos{File: d.file, Line: 1, Col: 1}, "empty file, expected a YAML document")
		return nil
	}
	if !d.noAnchors(body, 0) {
		return nil
	}
	return body
}

// tokPos turns a parser position into a Pos that lies inside the file: a
// line past the end is the last line, a column past the end of its line is
// the column just after the line's last character.
func (d *decoder) tokPos(line, col int) Pos {
	if line < 1 {
		line = 1
	}
	if n := len(d.lines); n > 0 && line > n {
		line = n
	}
	if col < 1 {
		col = 1
	}
	if line <= len(d.lines) {
		if w := utf8.RuneCount(d.lines[line-1]) + 1; col > w {
			col = w
		}
	}
	return Pos{File: d.file, Line: line, Col: col}
}

func (d *decoder) pos(n ast.Node) Pos {
	// A mapping's own token is its first ':'; cite its first key instead.
	switch v := n.(type) {
	case *ast.MappingNode:
		if len(v.Values) > 0 {
			return d.pos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return d.pos(v.Key)
	}
	if n == nil || n.GetToken() == nil {
		return Pos{File: d.file, Line: 1, Col: 1}
	}
	p := n.GetToken().Position
	return d.tokPos(p.Line, p.Column)
}

// maxDepth bounds nesting so that a hostile file cannot exhaust the stack.
const maxDepth = 64

// noAnchors rejects anchors, aliases and merge keys anywhere in the tree.
// The map never needs them, and refusing them outright makes alias bombs
// ("billion laughs") harmless.
func (d *decoder) noAnchors(n ast.Node, depth int) bool {
	if n == nil {
		return true
	}
	if depth > maxDepth {
		d.errs.Add(d.pos(n), "nesting deeper than %d levels, expected a shallow map", maxDepth)
		return false
	}
	switch v := n.(type) {
	case *ast.AnchorNode:
		d.errs.Add(d.pos(n), "YAML anchor found, expected plain values (anchors and aliases are not allowed in the map)")
		return false
	case *ast.AliasNode:
		d.errs.Add(d.pos(n), "YAML alias found, expected plain values (anchors and aliases are not allowed in the map)")
		return false
	case *ast.MergeKeyNode:
		d.errs.Add(d.pos(n), "YAML merge key found, expected plain keys")
		return false
	case *ast.TagNode:
		return d.noAnchors(v.Value, depth+1)
	case *ast.MappingNode:
		for _, kv := range v.Values {
			if !d.noAnchors(kv, depth+1) {
				return false
			}
		}
	case *ast.MappingValueNode:
		return d.noAnchors(v.Key, depth+1) && d.noAnchors(v.Value, depth+1)
	case *ast.SequenceNode:
		for _, e := range v.Values {
			if !d.noAnchors(e, depth+1) {
				return false
			}
		}
	}
	return true
}

// untag strips an explicit tag such as !!str.
func untag(n ast.Node) ast.Node {
	for {
		t, ok := n.(*ast.TagNode)
		if !ok {
			return n
		}
		n = t.Value
	}
}

// field is one key: value pair of a mapping.
type field struct {
	key    string
	keyPos Pos
	value  ast.Node
}

// fields returns the pairs of a mapping node, in file order, rejecting keys
// outside allowed (sorted list) and duplicate keys. what names the record
// ("requirement", "article") for messages.
func (d *decoder) fields(n ast.Node, what string, allowed []string) (map[string]field, bool) {
	n = untag(n)
	var pairs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		pairs = v.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{v}
	default:
		d.errs.Add(d.pos(n), "%s is %s, expected a mapping of keys (%s)", what, describe(n), strings.Join(allowed, ", "))
		return nil, false
	}
	out := make(map[string]field, len(pairs))
	for _, kv := range pairs {
		kp := d.pos(kv.Key)
		key, ok := scalarString(untag(kv.Key))
		if !ok {
			d.errs.Add(kp, "%s has a non-scalar key, expected one of %s", what, strings.Join(allowed, ", "))
			continue
		}
		i := sort.SearchStrings(allowed, key)
		if i == len(allowed) || allowed[i] != key {
			d.errs.Add(kp, "unknown key %q in %s, expected one of %s", key, what, strings.Join(allowed, ", "))
			continue
		}
		if prev, dup := out[key]; dup {
			d.errs.Add(kp, "key %q appears twice in %s (first at line %d), expected each key once", key, what, prev.keyPos.Line)
			continue
		}
		out[key] = field{key: key, keyPos: kp, value: kv.Value}
	}
	return out, true
}

// describe names a node's kind for messages.
func describe(n ast.Node) string {
	switch untag(n).(type) {
	case nil:
		return "empty"
	case *ast.NullNode:
		return "null"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "a boolean"
	}
	return "an unexpected " + n.Type().String()
}

// scalarString returns the text of a scalar node (strings, numbers, booleans
// written in the file), so that `number: 7` and `number: "7"` both read "7".
func scalarString(n ast.Node) (string, bool) {
	switch v := untag(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	}
	return "", false
}

// str decodes a string field; numbers are accepted as their written text.
func (d *decoder) str(f field, what string) string {
	if isNull(f.value) {
		return ""
	}
	s, ok := scalarString(f.value)
	if !ok {
		d.errs.Add(d.pos(f.value), "%s %q is %s, expected a string", what, f.key, describe(f.value))
		return ""
	}
	return s
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	_, ok := untag(n).(*ast.NullNode)
	return ok
}

func (d *decoder) boolean(f field, what string) bool {
	if isNull(f.value) {
		return false
	}
	b, ok := untag(f.value).(*ast.BoolNode)
	if !ok {
		d.errs.Add(d.pos(f.value), "%s %q is %s, expected true or false", what, f.key, describe(f.value))
		return false
	}
	return b.Value
}

// number decodes an int or float scalar; NaN and infinities are refused.
func (d *decoder) number(n ast.Node, what string) (float64, bool) {
	switch v := untag(n).(type) {
	case *ast.IntegerNode:
		switch x := v.Value.(type) {
		case int64:
			return float64(x), true
		case uint64:
			return float64(x), true
		}
	case *ast.FloatNode:
		if !math.IsNaN(v.Value) && !math.IsInf(v.Value, 0) {
			return v.Value, true
		}
	case *ast.StringNode:
		// Quoted numbers are a common slip; accept them when they parse.
		if x, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64); err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			return x, true
		}
	}
	d.errs.Add(d.pos(n), "%s is %s, expected a finite number", what, describe(n))
	return 0, false
}

func (d *decoder) integer(f field, what string) int {
	if isNull(f.value) {
		return 0
	}
	x, ok := d.number(f.value, fmt.Sprintf("%s %q", what, f.key))
	if !ok {
		return 0
	}
	if x != math.Trunc(x) || x < 0 || x > 1e6 {
		d.errs.Add(d.pos(f.value), "%s %q is %v, expected a whole number from 0 to 1000000", what, f.key, x)
		return 0
	}
	return int(x)
}

// seq returns the items of a list; null means an empty list.
func (d *decoder) seq(f field, what string) []ast.Node {
	if isNull(f.value) {
		return nil
	}
	s, ok := untag(f.value).(*ast.SequenceNode)
	if !ok {
		d.errs.Add(d.pos(f.value), "%s %q is %s, expected a list", what, f.key, describe(f.value))
		return nil
	}
	return s.Values
}

// strList decodes a list of strings; a single string is accepted as a
// one-item list.
func (d *decoder) strList(n ast.Node, what string) ([]string, []Pos) {
	if isNull(n) {
		return nil, nil
	}
	if s, ok := scalarString(n); ok {
		return []string{s}, []Pos{d.pos(n)}
	}
	sq, ok := untag(n).(*ast.SequenceNode)
	if !ok {
		d.errs.Add(d.pos(n), "%s is %s, expected a list of strings", what, describe(n))
		return nil, nil
	}
	var out []string
	var pos []Pos
	for _, e := range sq.Values {
		s, ok := scalarString(e)
		if !ok {
			d.errs.Add(d.pos(e), "%s item is %s, expected a string", what, describe(e))
			continue
		}
		out = append(out, s)
		pos = append(pos, d.pos(e))
	}
	return out, pos
}

// pairs returns a mapping's key/value pairs with free-form keys (terms by
// language, thresholds, params), rejecting duplicates.
func (d *decoder) pairs(n ast.Node, what string) []field {
	if isNull(n) {
		return nil
	}
	n = untag(n)
	var kvs []*ast.MappingValueNode
	switch v := n.(type) {
	case *ast.MappingNode:
		kvs = v.Values
	case *ast.MappingValueNode:
		kvs = []*ast.MappingValueNode{v}
	default:
		d.errs.Add(d.pos(n), "%s is %s, expected a mapping", what, describe(n))
		return nil
	}
	seen := map[string]int{}
	var out []field
	for _, kv := range kvs {
		kp := d.pos(kv.Key)
		key, ok := scalarString(untag(kv.Key))
		if !ok {
			d.errs.Add(kp, "%s has a non-scalar key, expected a plain key", what)
			continue
		}
		if line, dup := seen[key]; dup {
			d.errs.Add(kp, "key %q appears twice in %s (first at line %d), expected each key once", key, what, line)
			continue
		}
		seen[key] = kp.Line
		out = append(out, field{key: key, keyPos: kp, value: kv.Value})
	}
	return out
}
