package score

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/lacuna-project/lacuna/internal/standard"
)

// MaxYAMLSize bounds hand-written YAML inputs (overrides, gold files): far
// above any real file, far below what makes a YAML parser exhaust memory.
const MaxYAMLSize = 4 << 20 // bytes

// CheckYAML rejects, before any parsing, YAML whose size, flow nesting or
// indentation is beyond the limits (standard.ScanYAML), with the position
// of the first offending character.
func CheckYAML(file string, src []byte) error {
	if len(src) > MaxYAMLSize {
		return OverrideErrors{&OverrideError{File: file, Line: 1, Msg: fmt.Sprintf("file is %d bytes, expected at most %d", len(src), MaxYAMLSize)}}
	}
	if line, col, msg, ok := standard.ScanYAML(src); !ok {
		return OverrideErrors{&OverrideError{File: file, Line: line, Col: col, Msg: msg}}
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
		if n == nil || found != nil || depth > 4*standard.MaxYAMLDepth {
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
