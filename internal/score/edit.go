package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/lacuna-project/lacuna/internal/standard"
)

// SetOverride returns the overrides file src with decision o recorded: the
// entry of o's requirement, if any, is replaced by o, the entry it replaces
// (with its own history) becoming o's history; otherwise o is appended to
// the list. Only the lines of that entry change: the comments, order and
// spelling of everything else in a hand-edited file are kept byte for
// byte. The lines are found through the YAML syntax tree, not by pattern.
// An empty src gives a new file. The result is parsed again against m; a
// file that would not parse is an error and nothing is returned.
func SetOverride(file string, src []byte, o Override, m *standard.Map) ([]byte, error) {
	o.History, o.Expired, o.Stale, o.Source = nil, false, nil, ""
	old, err := ParseOverrides(file, src, m)
	if err != nil {
		return nil, err
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	for _, p := range old {
		if p.Requirement == o.Requirement {
			hist := p.History
			p.History, p.Source = nil, ""
			o.History = append(append([]Override(nil), hist...), p)
		}
	}
	lines := splitLines(src)
	seq, key := overridesList(src)
	var out []string
	switch {
	case seq != nil && !seq.IsFlowStyle && len(seq.Entries) > 0:
		indent := seq.Entries[0].Start.Position.Column - 1
		idx := -1
		for i, e := range seq.Entries {
			if mp, ok := e.Value.(*ast.MappingNode); ok && requirementOf(mp) == o.Requirement {
				idx = i
			}
		}
		item := renderOverride(o, strings.Repeat(" ", indent))
		if idx < 0 {
			_, end := entryLines(seq, len(seq.Entries)-1, lines, indent)
			out = append(append(append([]string(nil), lines[:end]...), item...), lines[end:]...)
		} else {
			start, end := entryLines(seq, idx, lines, indent)
			out = append(append(append([]string(nil), lines[:start]...), item...), lines[end:]...)
		}
	case key != nil:
		// "overrides:" with no entry, or a flow list: the key's lines are
		// rewritten as a block list of every decision.
		start := key.Key.GetToken().Position.Line - 1
		end := start + 1
		if key.Value != nil {
			end = max(end, lastLine(key.Value))
		}
		block := []string{strings.Repeat(" ", key.Key.GetToken().Position.Column-1) + "overrides:"}
		for _, p := range replaceIn(old, o) {
			block = append(block, renderOverride(p, strings.Repeat(" ", key.Key.GetToken().Position.Column+1))...)
		}
		out = append(append(append([]string(nil), lines[:start]...), block...), lines[min(end, len(lines)):]...)
	default:
		// no list yet (an empty file or comments only): append one
		out = append([]string(nil), lines...)
		for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
			out = out[:len(out)-1]
		}
		out = append(out, "overrides:")
		out = append(out, renderOverride(o, "  ")...)
	}
	res := []byte(strings.Join(out, nl) + nl)
	got, err := ParseOverrides(file, res, m)
	if err != nil {
		return nil, fmt.Errorf("record decision on %s: the edited file does not parse: %w", o.Requirement, err)
	}
	found := false
	for _, p := range got {
		found = found || (p.Requirement == o.Requirement && p.Verdict == o.Verdict && p.Rationale == o.Rationale)
	}
	if !found {
		return nil, fmt.Errorf("record decision on %s: the edited file does not hold it", o.Requirement)
	}
	return res, nil
}

func replaceIn(list []Override, o Override) []Override {
	var out []Override
	done := false
	for _, p := range list {
		if p.Requirement == o.Requirement {
			out, done = append(out, o), true
			continue
		}
		out = append(out, p)
	}
	if !done {
		out = append(out, o)
	}
	return out
}

// splitLines splits src into lines without their endings; a final line
// ending gives no empty last line.
func splitLines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// overridesList finds the list of decisions: the value of the top-level
// "overrides" key (key is that key's node) or a bare top-level list.
func overridesList(src []byte) (*ast.SequenceNode, *ast.MappingValueNode) {
	f, err := parser.ParseBytes(bytes.TrimPrefix(src, []byte("\ufeff")), parser.ParseComments)
	if err != nil {
		return nil, nil
	}
	for _, d := range f.Docs {
		if d == nil || d.Body == nil {
			continue
		}
		switch b := d.Body.(type) {
		case *ast.SequenceNode:
			return b, nil
		case *ast.MappingNode:
			for _, kv := range b.Values {
				if kv.Key.String() == "overrides" {
					s, _ := kv.Value.(*ast.SequenceNode)
					return s, kv
				}
			}
		case *ast.MappingValueNode:
			if b.Key.String() == "overrides" {
				s, _ := b.Value.(*ast.SequenceNode)
				return s, b
			}
		}
	}
	return nil, nil
}

func requirementOf(mp *ast.MappingNode) string {
	for _, kv := range mp.Values {
		if kv.Key.String() == "requirement" {
			v, _ := scalar(kv.Value)
			return v
		}
	}
	return ""
}

// entryLines returns the 0-based half-open line range of entry i: from its
// "-" line to the last line before the next entry (or the end of the
// file), less trailing blank lines and comments indented no deeper than
// the "-" (they belong to the next entry or to the file).
func entryLines(seq *ast.SequenceNode, i int, lines []string, indent int) (int, int) {
	start := seq.Entries[i].Start.Position.Line - 1
	end := len(lines)
	if i+1 < len(seq.Entries) {
		end = seq.Entries[i+1].Start.Position.Line - 1
	}
	// Below the last entry only comments, blank lines and the end of the
	// document can follow: the list is the file's only value.
	for n := start + 1; n < end; n++ {
		if docMarker(lines[n]) {
			end = n
			break
		}
	}
	for end > start+1 {
		t := strings.TrimSpace(lines[end-1])
		ind := len(lines[end-1]) - len(strings.TrimLeft(lines[end-1], " \t"))
		if t == "" || (strings.HasPrefix(t, "#") && ind <= indent) {
			end--
			continue
		}
		break
	}
	return start, end
}

// lastLine is the 1-based last line any token of n sits on.
func lastLine(n ast.Node) int {
	last := 0
	ast.Walk(visitor(func(n ast.Node) {
		if t := n.GetToken(); t != nil {
			l := t.Position.Line + strings.Count(strings.TrimRight(t.Origin, "\n"), "\n")
			last = max(last, l)
		}
	}), n)
	return last
}

type visitor func(ast.Node)

func (v visitor) Visit(n ast.Node) ast.Visitor { v(n); return v }

// renderOverride writes one decision as a block mapping entry at indent.
func renderOverride(o Override, indent string) []string {
	var l []string
	add := func(k, v string) {
		p := indent + "  "
		if len(l) == 0 {
			p = indent + "- "
		}
		l = append(l, p+k+": "+v)
	}
	add("requirement", o.Requirement)
	add("verdict", string(o.Verdict))
	add("rationale", quote(o.Rationale))
	add("reviewer", quote(o.Reviewer))
	add("date", o.Date)
	if o.Expires != "" {
		add("expires", o.Expires)
	}
	if len(o.Evidence) > 0 {
		add("evidence", quoteList(o.Evidence))
	}
	if o.Decision != "" {
		add("decision", o.Decision)
	}
	if o.MachineVerdict != "" {
		add("machine_verdict", string(o.MachineVerdict))
	}
	if len(o.Statutes) > 0 {
		add("statutes", quoteList(o.Statutes))
	}
	if o.EvidenceSHA256 != "" {
		add("evidence_sha256", o.EvidenceSHA256)
	}
	if len(o.History) > 0 {
		l = append(l, indent+"  history:")
		for _, h := range o.History {
			h.History = nil
			l = append(l, renderOverride(h, indent+"    ")...)
		}
	}
	return l
}

// quote writes s as a YAML double-quoted scalar (JSON's escapes are
// YAML's).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// docMarker reports a YAML document marker line ("---" or "...").
func docMarker(l string) bool {
	for _, m := range []string{"---", "..."} {
		if l == m || strings.HasPrefix(l, m+" ") || strings.HasPrefix(l, m+"\t") {
			return true
		}
	}
	return false
}
