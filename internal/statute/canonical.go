package statute

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
)

// Canonical rewrites a parsed statute file in Lacuna's own front matter
// (corpus/FORMAT.md), whatever dialect it was read in: the keys st.Meta
// holds, in the order of FORMAT.md, then an import_note listing the
// dialect's keys that have no Lacuna counterpart ("rank: gesetz; …"). The
// body after the front matter is kept byte for byte. src must be the bytes
// st was parsed from.
func Canonical(st *Statute, src []byte) ([]byte, error) {
	s := newSource(st.Path, src)
	var errs ErrorList
	fm, ok := splitFrontMatter(s, &errs)
	if !ok {
		return nil, errors.New(errs.Error())
	}
	m := st.Meta
	var b bytes.Buffer
	b.WriteString("---\n")
	// A JSON string is a YAML double-quoted scalar (and a JSON array of
	// strings a YAML flow sequence); the encoder ends each with "\n".
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	str := func(k, v string) {
		if v == "" {
			return
		}
		b.WriteString(k + ": ")
		enc.Encode(v)
	}
	list := func(k string, vs []string) {
		if len(vs) == 0 {
			return
		}
		b.WriteString(k + ": ")
		enc.Encode(vs)
	}
	str("id", string(m.ID))
	str("country", m.Country)
	str("title", m.Title)
	str("short_title", m.ShortTitle)
	str("citation", m.Citation)
	str("jurisdiction", m.Jurisdiction)
	str("language", m.Language)
	str("enacted", m.Enacted)
	str("version_date", m.VersionDate)
	str("in_force", m.InForce)
	str("status", m.Status)
	list("amends", m.Amends)
	list("amended_by", m.AmendedBy)
	str("source_url", m.SourceURL)
	str("source_repository", m.SourceRepository)
	str("source_path", m.SourcePath)
	str("source_commit", m.SourceCommit)
	str("licence_note", m.LicenceNote)
	if m.Excerpt {
		b.WriteString("excerpt: true\n")
	}
	str("excerpt_note", m.ExcerptNote)
	str("text_quality", m.TextQuality)
	var notes, other []string
	for k := range m.Extra {
		if strings.HasSuffix(k, "_note") && !knownKeys[k] {
			notes = append(notes, k)
		} else if !knownKeys[k] {
			other = append(other, k)
		}
	}
	sort.Strings(notes)
	sort.Strings(other)
	for _, k := range notes {
		if k != "import_note" {
			str(k, m.Extra[k])
		}
	}
	var parts []string
	if m.Dialect != "" {
		parts = append(parts, "read from "+m.Dialect+" front matter")
	}
	for _, k := range other {
		parts = append(parts, k+": "+m.Extra[k])
	}
	if prev := m.Extra["import_note"]; prev != "" {
		parts = append([]string{prev}, parts...)
	}
	str("import_note", strings.Join(parts, "; "))
	b.WriteString("---\n")
	b.Write(s.buf[fm.bodyStart:])
	return b.Bytes(), nil
}
