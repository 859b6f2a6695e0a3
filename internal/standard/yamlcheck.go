package standard

import "fmt"

// Limits for hand-written YAML (the map, overrides, gold files): far above
// any real file, far below what makes a YAML parser exhaust memory.
const (
	MaxYAMLDepth  = 64  // flow brackets nested
	MaxYAMLIndent = 256 // leading spaces of a line
)

// ScanYAML checks, before any parsing, that src nests no deeper than
// MaxYAMLDepth flow brackets and indents no deeper than MaxYAMLIndent
// spaces. It returns the 1-based line and column of the first offence and
// a message, or ok. It is linear and allocates nothing, so a hostile file is
// refused before the parser builds a tree for it.
func ScanYAML(src []byte) (line, col int, msg string, ok bool) {
	line, col = 1, 0
	depth, indent := 0, 0
	atLineStart := true
	var quote byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		if c == '\n' || c == '\r' {
			if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			line, col, indent, atLineStart = line+1, 0, 0, true
			continue
		}
		if atLineStart {
			if c == ' ' {
				indent++
				if indent > MaxYAMLIndent {
					return line, col, fmt.Sprintf("indentation deeper than %d spaces, expected a shallow YAML file", MaxYAMLIndent), false
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
			for i+1 < len(src) && src[i+1] != '\n' && src[i+1] != '\r' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			if depth > MaxYAMLDepth {
				return line, col, fmt.Sprintf("nesting deeper than %d levels, expected a shallow YAML file", MaxYAMLDepth), false
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, 0, "", true
}

// normalizeYAML drops a byte-order mark and turns CRLF and lone CR line
// endings into LF, so the parser's line numbers are the ones an editor
// shows.
func normalizeYAML(src []byte) []byte {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		src = src[3:]
	}
	cr := false
	for _, c := range src {
		if c == '\r' {
			cr = true
			break
		}
	}
	if !cr {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		if src[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, src[i])
	}
	return out
}
