package statute

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"golang.org/x/text/language"
)

// MaxFrontMatter caps the size of the YAML front matter, in bytes. Front
// matter is a handful of keys; a larger block is a mistake (a missing closing
// line) or an attack on the YAML decoder.
var MaxFrontMatter = 256 << 10

// maxFlowDepth caps the nesting of YAML flow collections ("[[[…", "{{{…"),
// checked before decoding so that the decoder's recursion stays shallow.
const maxFlowDepth = 32

// knownKeys are the front matter keys of the statute format (corpus/FORMAT.md).
var knownKeys = map[string]bool{
	"id": true, "country": true, "country_name": true, "title": true, "short_title": true, "citation": true,
	"jurisdiction": true, "language": true, "enacted": true, "version_date": true,
	"in_force": true, "status": true, "amends": true, "amended_by": true,
	"source_url": true, "source_repository": true, "source_path": true,
	"source_commit": true, "licence_note": true, "excerpt": true,
	"excerpt_note": true, "text_quality": true,
}

// Statuses is the closed set of values of the "status" key.
var Statuses = []string{"in_force", "repealed", "bill", "draft"}

var statuteIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$`)

// frontMatter is the result of splitting a file.
type frontMatter struct {
	yaml      []byte // the YAML text between the delimiter lines
	firstLine int    // file line of the first YAML line
	bodyStart int    // byte offset of the body (after the closing line)
	bodyLine  int    // file line of the first body line
}

// isDelim reports whether line is the delimiter d ("---" or "..."),
// allowing trailing blanks.
func isDelim(line []byte, d string) bool {
	return string(bytes.TrimRight(line, " \t")) == d
}

// splitFrontMatter finds the front matter of s. It reports problems to errs
// and returns ok=false when the body cannot be located.
func splitFrontMatter(s *source, errs *ErrorList) (fm frontMatter, ok bool) {
	if !isDelim(s.lineText(1), "---") {
		errs.Add(s.at(1), `missing front matter, expected the file to start with a "---" line, the YAML keys (country, title, …) and a closing "---" line`)
		return fm, false
	}
	n := s.numLines()
	for l := 2; l <= n; l++ {
		t := s.lineText(l)
		if isDelim(t, "---") || isDelim(t, "...") {
			fm.firstLine = 2
			fm.yaml = s.text(s.lines[1], s.lines[l-1])
			if l < len(s.lines) {
				fm.bodyStart = s.lines[l]
			} else {
				fm.bodyStart = len(s.buf)
			}
			fm.bodyLine = l + 1
			return fm, true
		}
	}
	errs.Add(s.at(1), `front matter is never closed, expected a "---" line after the YAML keys`)
	return fm, false
}

// decodeMeta decodes and validates the front matter. keyLines receives the
// file line of every key.
func decodeMeta(s *source, fm frontMatter, errs *ErrorList, keyLines map[string]int) (m Meta, decoded bool) {
	base := fm.firstLine - 1 // file line = base + YAML line
	if len(fm.yaml) > MaxFrontMatter {
		errs.Add(s.at(fm.firstLine), "front matter is %d bytes, larger than the limit of %d bytes, expected a short block of keys", len(fm.yaml), MaxFrontMatter)
		return m, false
	}
	if l, c, ok := flowTooDeep(fm.yaml); ok {
		errs.Add(Pos{File: s.path, Line: base + l, Col: c}, "YAML collections nested more than %d deep, expected flat front matter keys", maxFlowDepth)
		return m, false
	}
	if len(bytes.TrimSpace(fm.yaml)) == 0 {
		errs.Add(s.at(fm.firstLine-1), "front matter is empty, expected at least the keys country and title")
		return m, false
	}
	f, err := parser.ParseBytes(fm.yaml, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		errs.Add(yamlErrPos(s, base, err), "YAML syntax error: %s", yamlErrMsg(err))
		return m, false
	}
	var root ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if root != nil {
				errs.Add(nodePos(s, base, d.Body), "front matter holds more than one YAML document, expected one mapping of keys")
				break
			}
			root = d.Body
		}
	}
	if root == nil {
		errs.Add(s.at(fm.firstLine-1), "front matter is empty, expected at least the keys country and title")
		return m, false
	}
	if tn, ok := root.(*ast.TagNode); ok && tn.Value != nil {
		root = tn.Value
	}
	mn, ok := root.(*ast.MappingNode)
	if !ok {
		if mv, ok2 := root.(*ast.MappingValueNode); ok2 {
			mn = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			errs.Add(nodePos(s, base, root), "front matter is a %s, expected a mapping of keys (country: …, title: …)", nodeKind(root))
			return m, false
		}
	}
	type entry struct {
		key string
		kp  Pos
		v   ast.Node
	}
	var entries []entry
	seen := map[string]int{}
	for _, mv := range mn.Values {
		if mv == nil || mv.Key == nil {
			continue
		}
		kp := nodePos(s, base, mv.Key)
		var key string
		switch k := mv.Key.(type) {
		case *ast.StringNode:
			key = k.Value
		case *ast.MergeKeyNode:
			errs.Add(kp, `YAML merge key "<<" is not supported in front matter, expected plain keys`)
			continue
		default:
			if _, ok := mv.Key.(ast.ScalarNode); ok && k.GetToken() != nil {
				key = k.GetToken().Value
			} else {
				errs.Add(kp, "front matter key is a %s, expected a plain key name", nodeKind(mv.Key))
				continue
			}
		}
		if first, dup := seen[key]; dup {
			errs.Add(kp, "key %q appears twice (first at line %d), expected each key once", key, first)
			continue
		}
		seen[key] = kp.Line
		entries = append(entries, entry{key, kp, mv.Value})
	}
	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = e.key
	}
	d := detectDialect(keys)
	var idVal string
	var idPos Pos
	for _, e := range entries {
		native := e.key
		if d != nil {
			if k, ok := d.Keys[e.key]; ok {
				native = k
			} else if !knownKeys[e.key] {
				native = "" // another key of a known dialect: kept, no warning
			}
		}
		if d != nil && (native == "" || !knownKeys[native]) {
			val, kind, ok := scalar(e.v)
			if !ok {
				errs.Add(nodePos(s, base, e.v), "%q is a %s, expected a single text value", e.key, kind)
				continue
			}
			val = strings.TrimSpace(val)
			if e.key == d.ID {
				idVal, idPos = val, nodePos(s, base, e.v)
				keyLines["id"] = e.kp.Line
			}
			if m.Extra == nil {
				m.Extra = map[string]string{}
			}
			m.Extra[e.key] = val
			continue
		}
		keyLines[native] = e.kp.Line
		setKey(s, base, &m, d, native, e.key, e.kp, e.v, errs)
	}
	if d != nil {
		m.Dialect = d.Name
		if idVal != "" && m.ID == "" && m.Country != "" {
			m.ID = dialectID(m.Country, idVal)
			if !statuteIDRe.MatchString(string(m.ID)) {
				errs.Add(idPos, "%s %q gives the statute id %q, which is not valid: expected letters or digits", d.ID, idVal, m.ID)
			}
		}
		if m.Language == "" && ValidCountry(m.Country) {
			m.Language = likelyLanguage(m.Country)
		}
	}
	return m, true
}

// setKey stores one front matter value into m, checking its type. key is
// the Lacuna key, shown the key as written in the file (they differ in a
// dialect, see dialects.yaml); d is the file's dialect or nil.
func setKey(s *source, base int, m *Meta, d *Dialect, key, shown string, kp Pos, v ast.Node, errs *ErrorList) {
	vp := kp
	if v != nil {
		vp = nodePos(s, base, v)
	}
	str := func() (string, bool) {
		val, kind, ok := scalar(v)
		if !ok {
			if kind == "alias" || kind == "anchor" {
				errs.Add(vp, "YAML anchors and aliases are not supported in front matter, expected a plain value for %q", shown)
			} else {
				errs.Add(vp, "%q is a %s, expected a single text value", shown, kind)
			}
			return "", false
		}
		return val, true
	}
	switch key {
	case "excerpt":
		val, kind, ok := scalar(v)
		if !ok {
			errs.Add(vp, "%q is a %s, expected true or false", shown, kind)
			return
		}
		switch strings.ToLower(val) {
		case "true", "yes":
			m.Excerpt = true
		case "false", "no", "":
		default:
			errs.Add(vp, "%q is %q, expected true or false", shown, val)
		}
	case "amends", "amended_by":
		list, ok := stringList(v)
		if !ok {
			if hasAlias(v) {
				errs.Add(vp, "YAML anchors and aliases are not supported in front matter, expected a plain value for %q", shown)
				return
			}
			errs.Add(vp, "%q is a %s, expected a text value or a list of text values", shown, nodeKind(v))
			return
		}
		if key == "amends" {
			m.Amends = list
		} else {
			m.AmendedBy = list
		}
	default:
		val, ok := str()
		if !ok {
			return
		}
		val = strings.TrimSpace(val)
		switch key {
		case "id":
			m.ID = StatuteID(val)
			if !statuteIDRe.MatchString(val) {
				errs.Add(vp, "statute id %q is not valid, expected lower-case letters, digits, '.', '-' or '_' in parts separated by '/', such as \"ken/ctip-act-2010\"", val)
			}
		case "country":
			m.Country = val
			if d != nil && d.CountryCodes == "alpha-2" {
				switch c, ok := CountryByAlpha2(val); {
				case ok && len(val) == 2:
					m.Country = c.Alpha3
				case ValidCountry(strings.ToUpper(val)):
					m.Country = strings.ToUpper(val)
				case val == "":
					errs.Add(vp, "%q is empty, expected an ISO 3166-1 alpha-2 code such as \"li\" (%s front matter)", shown, d.Name)
				default:
					errs.Add(vp, "unknown country code %q, expected an ISO 3166-1 alpha-2 code such as \"li\" or \"pe\" (%s front matter)", val, d.Name)
				}
				return
			}
			switch {
			case val == "":
				errs.Add(vp, `"country" is empty, expected an ISO 3166-1 alpha-3 code such as "KEN"`)
			case ValidCountry(strings.ToUpper(val)) && val != strings.ToUpper(val):
				errs.Add(vp, "country %q is not upper case, expected %q", val, strings.ToUpper(val))
			case !ValidCountry(val):
				errs.Add(vp, "unknown country code %q, expected an ISO 3166-1 alpha-3 code such as \"KEN\" or a user-assigned code (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ)", val)
			}
		case "country_name":
			m.CountryName = val
			if val == "" {
				errs.Add(vp, `"country_name" is empty, expected the country's name as readers know it, e.g. "Eastmere"`)
			}
		case "title":
			m.Title = val
		case "short_title":
			m.ShortTitle = val
		case "citation":
			m.Citation = val
		case "jurisdiction":
			m.Jurisdiction = val
		case "language":
			m.Language = val
			if val != "" {
				if _, err := language.Parse(val); err != nil {
					errs.Add(vp, "language %q is not a BCP 47 language tag, expected e.g. \"en\", \"fr\", \"de\" or \"es\"", val)
				}
			}
		case "enacted", "version_date", "in_force":
			switch key {
			case "enacted":
				m.Enacted = val
			case "version_date":
				m.VersionDate = val
			default:
				m.InForce = val
			}
			checkDate(key, shown, val, vp, errs)
		case "status":
			if d != nil {
				if to, ok := d.Status[val]; ok {
					val = to
				} else {
					var known []string
					for k := range d.Status {
						known = append(known, k)
					}
					sort.Strings(known)
					errs.Add(vp, "%s %q is not known, expected one of %s (%s front matter)", shown, val, strings.Join(known, ", "), d.Name)
					return
				}
			}
			m.Status = val
			ok := false
			for _, st := range Statuses {
				ok = ok || st == val
			}
			if !ok {
				errs.Add(vp, "status %q is not known, expected one of %s", val, strings.Join(Statuses, ", "))
			}
		case "source_url":
			m.SourceURL = val
		case "source_repository":
			m.SourceRepository = val
		case "source_path":
			m.SourcePath = val
		case "source_commit":
			m.SourceCommit = val
		case "licence_note":
			m.LicenceNote = val
		case "excerpt_note":
			m.ExcerptNote = val
		case "text_quality":
			m.TextQuality = val
		default:
			if m.Extra == nil {
				m.Extra = map[string]string{}
			}
			m.Extra[key] = val
			if !strings.HasSuffix(key, "_note") {
				errs.Warn(kp, "unknown front matter key %q, expected a key listed in corpus/FORMAT.md (id, country, title, version_date, …) or a free-text key ending in \"_note\"", key)
			}
		}
	}
}

func knownKeyList() string {
	return "id, country, country_name, title, short_title, citation, jurisdiction, language, enacted, version_date, in_force, status, amends, amended_by, source_url, source_repository, source_path, source_commit, licence_note, excerpt, excerpt_note, text_quality"
}

var yearRe = regexp.MustCompile(`^[0-9]{4}$`)

// checkDate accepts a full date (2006-01-02), a year (2006) or "unknown"
// (a warning for version_date).
func checkDate(key, shown, val string, p Pos, errs *ErrorList) {
	switch {
	case val == "":
		return
	case val == "unknown":
		if key == "version_date" {
			errs.Warn(p, `version_date is "unknown": this version cannot be placed in time and --as-of only selects it when its statute has no dated version`)
		}
	case yearRe.MatchString(val):
	default:
		if _, err := time.Parse("2006-01-02", val); err != nil {
			errs.Add(p, "%s %q is not a date, expected YYYY-MM-DD, a year YYYY, or \"unknown\"", shown, val)
		}
	}
}

// scalar returns the text of a scalar node; kind names the node otherwise.
func scalar(n ast.Node) (val, kind string, ok bool) {
	switch v := n.(type) {
	case nil:
		return "", "null", true
	case *ast.NullNode:
		return "", "null", true
	case *ast.StringNode:
		return v.Value, "string", true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", "string", true
		}
		return v.Value.Value, "string", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if t := n.GetToken(); t != nil {
			return t.Value, "scalar", true
		}
		return "", "scalar", true
	case *ast.TagNode:
		return scalar(v.Value)
	}
	return "", nodeKind(n), false
}

func stringList(n ast.Node) ([]string, bool) {
	if v, _, ok := scalar(n); ok {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil, true
		}
		return []string{v}, true
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, false
	}
	var out []string
	for _, e := range seq.Values {
		v, _, ok := scalar(e)
		if !ok {
			return nil, false
		}
		out = append(out, strings.TrimSpace(v))
	}
	return out, true
}

func hasAlias(n ast.Node) bool {
	switch v := n.(type) {
	case *ast.AliasNode, *ast.AnchorNode:
		return true
	case *ast.SequenceNode:
		for _, e := range v.Values {
			switch e.(type) {
			case *ast.AliasNode, *ast.AnchorNode:
				return true
			}
		}
	}
	return false
}

func nodeKind(n ast.Node) string {
	switch n.(type) {
	case nil:
		return "null"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "mapping"
	case *ast.SequenceNode:
		return "list"
	case *ast.AliasNode:
		return "alias"
	case *ast.AnchorNode:
		return "anchor"
	case *ast.TagNode:
		return "tagged value"
	}
	return "value"
}

func tokenPos(s *source, base int, t *token.Token) Pos {
	if t == nil || t.Position == nil {
		return s.at(base + 1)
	}
	l := base + t.Position.Line
	if l < 1 {
		l = 1
	}
	if n := s.numLines(); l > n {
		l = n
	}
	c := t.Position.Column
	if c < 1 {
		c = 1
	}
	if lt := s.lineText(l); c > len([]rune(string(lt)))+1 {
		c = len([]rune(string(lt))) + 1
	}
	return Pos{File: s.path, Line: l, Col: c}
}

func nodePos(s *source, base int, n ast.Node) Pos {
	if n == nil {
		return s.at(base + 1)
	}
	return tokenPos(s, base, n.GetToken())
}

// yamlError is what goccy/go-yaml's error types have in common.
type yamlError interface {
	GetToken() *token.Token
	GetMessage() string
}

func yamlErrPos(s *source, base int, err error) Pos {
	var ye yamlError
	if errors.As(err, &ye) {
		return tokenPos(s, base, ye.GetToken())
	}
	return s.at(base + 1)
}

func yamlErrMsg(err error) string {
	var ye yamlError
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}

// flowTooDeep scans for flow collections nested deeper than maxFlowDepth,
// ignoring brackets inside quoted scalars and comments.
func flowTooDeep(y []byte) (line, col int, deep bool) {
	depth := 0
	line, col = 1, 0
	var quote byte
	comment := false
	prev := byte('\n') // previous non-blank byte outside quotes
	escaped := false
	var last byte // previous byte
	for i, c := range y {
		if i > 0 {
			last = y[i-1]
		}
		col++
		if c == '\n' {
			line, col = line+1, 0
			comment = false
			if quote == 0 {
				prev = '\n'
			}
			continue
		}
		if comment {
			continue
		}
		if quote != 0 {
			switch {
			case escaped:
				escaped = false
			case quote == '"' && c == '\\':
				escaped = true
			case c == quote:
				quote = 0
				prev = c
			}
			continue
		}
		switch c {
		case '"', '\'':
			// A quote opens a quoted scalar only where a scalar can start.
			if strings.IndexByte(":[{,-?\n", prev) >= 0 {
				quote = c
			}
		case '#':
			if col == 1 || last == ' ' || last == '\t' {
				comment = true
			}
		case '[', '{':
			depth++
			if depth > maxFlowDepth {
				return line, col, true
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
		if c != ' ' && c != '\t' {
			prev = c
		}
	}
	return 0, 0, false
}

// dialectID makes a statute ID from a country code and a dialect's
// identifier: ("LIE", "LGBl-1988-037") gives "lie/lgbl-1988-037".
func dialectID(country, ident string) StatuteID {
	return StatuteID(strings.ToLower(country) + "/" + slug(ident))
}

// slug lower-cases s and writes every character other than a-z, 0-9, '.',
// '_' and '-' as '-', trimming '-' and '.' at both ends.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-.")
}

// idFromPath derives a statute ID from a file name: "corpus/xea/penal-code.md"
// with country "XEA" gives "xea/penal-code".
func idFromPath(p, country string) StatuteID {
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(p, "\\", "/")), ".md")
	id := slug(base)
	if id == "" {
		id = "statute"
	}
	if c := strings.ToLower(country); c != "" {
		id = c + "/" + id
	}
	return StatuteID(id)
}

var _ = fmt.Sprintf
