package server

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"

	"github.com/lacuna-project/lacuna/internal/diff"
	"github.com/lacuna-project/lacuna/internal/statute"
	"github.com/lacuna-project/lacuna/internal/workspace"
)

type diffPage struct {
	base
	CC, ID   string
	Versions []string
	From, To string
	Lines    [][]diffSeg
}

// diffSeg is a run of a diff line: kept ("" kind), deleted ("del") or
// inserted ("ins").
type diffSeg struct{ Kind, Text string }

var editRe = regexp.MustCompile(`\[-(.*?)-\]|\{\+(.*?)\+\}`)

// segments splits a line of diff.WriteText's output at its [-deleted-]
// and {+inserted+} markers.
func segments(line string) []diffSeg {
	var out []diffSeg
	at := 0
	for _, m := range editRe.FindAllStringSubmatchIndex(line, -1) {
		if m[0] > at {
			out = append(out, diffSeg{"", line[at:m[0]]})
		}
		if m[2] >= 0 {
			out = append(out, diffSeg{"del", line[m[2]:m[3]]})
		} else {
			out = append(out, diffSeg{"ins", line[m[4]:m[5]]})
		}
		at = m[1]
	}
	if at < len(line) || len(out) == 0 {
		out = append(out, diffSeg{"", line[at:]})
	}
	return out
}

// diffPage compares two versions of one statute of a country (?from= and
// ?to= are version dates of that statute in the corpus; by default the
// two latest): the provision diff and the verdicts that change.
func (s *Server) diffPage(rw http.ResponseWriter, r *http.Request) {
	c := s.countryOf(rw, r)
	if c == nil {
		return
	}
	id := r.PathValue("id")
	all, err := s.w.CountryVersions(r.Context(), c.cc)
	if err != nil {
		s.failErr(rw, err)
		return
	}
	var versions []string
	for _, st := range all.Versions(statute.StatuteID(id)) {
		if st.Meta.VersionDate != "" {
			versions = append(versions, st.Meta.VersionDate)
		}
	}
	if len(versions) == 0 {
		s.fail(rw, http.StatusNotFound, "Not found", "No statute of this country has that ID.")
		return
	}
	p := diffPage{base: s.base(id + " versions"), CC: c.cc, ID: id, Versions: versions, To: versions[len(versions)-1]}
	if len(versions) > 1 {
		p.From = versions[len(versions)-2]
	} else {
		p.From = p.To
	}
	q := r.URL.Query()
	for _, pick := range []struct {
		key string
		dst *string
	}{{"from", &p.From}, {"to", &p.To}} {
		v := q.Get(pick.key)
		if v == "" {
			continue
		}
		ok := false
		for _, ver := range versions {
			ok = ok || ver == v
		}
		if !ok {
			s.fail(rw, http.StatusNotFound, "Not found", "This statute has no version of that date.")
			return
		}
		*pick.dst = v
	}
	rep, err := s.w.DiffVersions(r.Context(), c.m, workspace.DiffOptions{Country: c.cc, Statute: id, From: p.From, To: p.To})
	if err != nil {
		s.failErr(rw, err)
		return
	}
	var b bytes.Buffer
	if err := diff.WriteText(&b, rep, diff.TextOptions{}); err != nil {
		s.failErr(rw, err)
		return
	}
	for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		p.Lines = append(p.Lines, segments(l))
	}
	s.render(rw, http.StatusOK, "diff", p)
}
