package score

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
)

// Limits for hand-written YAML inputs (overrides, gold files): far above
// any real file, far below what makes a YAML parser exhaust memory.
const (
	MaxYAMLSize   = 4 << 20 // bytes
	MaxYAMLDepth  = 64      // flow brackets nested
	MaxYAMLIndent = 256     // leading spaces of a line
)

// CheckYAML rejects, before any parsing, YAML whose size, flow nesting or
// indentation is beyond the limits, with the position of the first
// offending character.
func CheckYAML(file string, src []byte) error {
	if len(src) > MaxYAMLSize {
		return OverrideErrors{&OverrideError{File: file, Line: 1, Msg: fmt.Sprintf("file is %d bytes, expected at most %d", len(src), MaxYAMLSize)}}
	}
	line, col, depth, indent := 1, 0, 0, 0
	atLineStart := true
	var quote byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		if c == '\n' {
			line, col, indent, atLineStart = line+1, 0, 0, true
			if quote == '\'' || quote == '"' {
				continue
			}
			continue
		}
		if atLineStart {
			if c == ' ' {
				indent++
				if indent > MaxYAMLIndent {
					return OverrideErrors{&OverrideError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("indentation deeper than %d spaces, expected a shallow YAML file", MaxYAMLIndent)}}
				}
				continue
			}
			atLineStart = false
		}
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			if depth > MaxYAMLDepth {
				return OverrideErrors{&OverrideError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("nesting deeper than %d levels, expected a shallow YAML file", MaxYAMLDepth)}}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// NoAnchors reports the first YAML anchor, alias or merge key in n: they
// are not allowed in hand-written inputs (an alias bomb expands
// exponentially when decoded).
func NoAnchors(file string, n ast.Node) error {
	var found ast.Node
	var what string
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		if n == nil || found != nil || depth > 4*MaxYAMLDepth {
			return
		}
		switch v := n.(type) {
		case *ast.AnchorNode:
			found, what = n, "anchor"
		case *ast.AliasNode:
			found, what = n, "alias"
		case *ast.MergeKeyNode:
			found, what = n, "merge key"
		case *ast.TagNode:
			walk(v.Value, depth+1)
		case *ast.MappingNode:
			for _, kv := range v.Values {
				walk(kv, depth+1)
			}
		case *ast.MappingValueNode:
			walk(v.Key, depth+1)
			walk(v.Value, depth+1)
		case *ast.SequenceNode:
			for _, e := range v.Values {
				walk(e, depth+1)
			}
		case *ast.DocumentNode:
			walk(v.Body, depth+1)
		}
	}
	walk(n, 0)
	if found == nil {
		return nil
	}
	line, col := 1, 0
	if t := found.GetToken(); t != nil {
		line, col = t.Position.Line, t.Position.Column
	}
	return OverrideErrors{&OverrideError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("YAML %s found, expected plain values (anchors and aliases are not allowed)", what)}}
}
