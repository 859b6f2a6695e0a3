package standard

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// extraFuzzBaseMap is a small valid map (no core check) under the extra files,
// small so that each fuzzing execution is fast.
const extraFuzzBaseMap = `
-- map.yaml --
version: "0.0.1"
description: "A small map for fuzzing."
partial: true
-- instruments/coe.yaml --
id: coe
title: "Council of Europe Convention"
short: "CoE Convention"
kind: treaty
adopted: "2005-05-16"
articles:
  - number: "4(a)"
    summary: "Definition of trafficking."
-- requirements/def.yaml --
- id: def.acts
  title: "Acts of trafficking"
  statement: "The offence covers every act of trafficking."
  sources:
    - {instrument: coe, article: "4(a)"}
  pillar: prosecution
  mandatory: true
  weight: 3
  criteria:
    elements:
      - id: recruitment
        roles: [offence, definition]
        patterns:
          - kind: keyword
            terms: {en: ["recruit*"], fr: ["recrut*"], de: ["anwerb*"], es: ["capta*"]}
  recommendation: "Add the missing acts."
  model_provision: "A person who recruits another for exploitation commits an offence."
-- ratifications.yaml --
ratifications:
  - {country: XFR, instrument: coe, status: party, date: "2001-01-01", source: "fuzz base"}
`

// FuzzLoadExtra feeds arbitrary YAML as the ratifications file and as a
// requirements file of a --mapping-extra directory laid over the embedded
// map. Invariants: no panic; a failure is an ErrorList; every position lies
// inside the file it names (a lone CR ends a line, as in YAML); an accepted
// map holds no duplicate ratification.
func FuzzLoadExtra(f *testing.F) {
	rat := "ratifications:\n  - country: XEA\n    instrument: coe\n    status: party\n    date: \"2020-01-01\"\n    source: \"our notes\"\n"
	req := "theme: test\nrequirements: []\n"
	for _, s := range [][2]string{
		{rat, req},
		{rat + "  - country: XEA\n    instrument: coe\n    status: party\n", ""},
		{"ratifications:\n  - country: XEA\n    instrument: nope\n    status: maybe\n    date: 2020-13-01\n", "requirements: x\n"},
		{"a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nratifications: [*b, *b, *b]\n", "a: &a [x, x]\nrequirements: [*a, *a]\n"},
		{"ratifications: &r\n  - *r\n", "requirements:\n  - &q {id: x.y}\n  - *q\n"},
		{"ratifications:\r\n  - country: XEA\r\n    instrument: coe\r\n    status: party\r\n", "\rrequirements: 0\r"},
		{"\ufeffratifications: []\n", "---\n---\n"},
		{"ratifications: !!binary AAAA\n", "requirements: ! \n"},
		{"", ""},
	} {
		f.Add(s[0], s[1])
	}
	base := fstest.MapFS{}
	baseFiles := map[string]string{}
	for _, fl := range txtar.Parse([]byte(extraFuzzBaseMap)).Files {
		base[fl.Name] = &fstest.MapFile{Data: fl.Data}
		baseFiles["mapping/"+fl.Name] = string(fl.Data)
	}
	if _, err := LoadWith(base, Options{Partial: true}); err != nil {
		f.Fatalf("base map: %v", err)
	}
	f.Fuzz(func(t *testing.T, ratSrc, reqSrc string) {
		extra := fstest.MapFS{
			"ratifications.yaml":     {Data: []byte(ratSrc)},
			"requirements/test.yaml": {Data: []byte(reqSrc)},
		}
		files := map[string]string{"extra/ratifications.yaml": ratSrc, "extra/requirements/test.yaml": reqSrc}
		for k, v := range baseFiles {
			files[k] = v
		}
		m, err := LoadWith(base, Options{Name: "mapping", Extra: extra, ExtraName: "extra", Partial: true})
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList: %v", err, err)
			}
			for _, e := range list {
				if e.Pos.Line == 0 {
					continue
				}
				src, ok := files[e.Pos.File]
				if !ok {
					t.Fatalf("error names unknown file %q: %v", e.Pos.File, e)
				}
				lines := extraFuzzLines(src)
				if e.Pos.Line < 1 || e.Pos.Line > len(lines) {
					t.Fatalf("error line %d outside %s (%d lines): %v", e.Pos.Line, e.Pos.File, len(lines), e)
				}
				if e.Pos.Col < 0 || e.Pos.Col > utf8.RuneCountInString(lines[e.Pos.Line-1])+1 {
					t.Fatalf("error column %d outside line %d of %s (%q): %v", e.Pos.Col, e.Pos.Line, e.Pos.File, lines[e.Pos.Line-1], e)
				}
			}
			return
		}
		seen := map[string]bool{}
		for _, r := range m.Ratifications {
			k := r.Country + " " + string(r.Instrument)
			if seen[k] {
				t.Fatalf("accepted map ratifies %s twice", k)
			}
			seen[k] = true
		}
	})
}

// extraFuzzLines splits src into lines as YAML counts them: "\n", "\r\n" and a
// lone "\r" end a line. A CR before LF stays in the line text.
func extraFuzzLines(src string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			lines = append(lines, src[start:i])
			start = i + 1
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			lines = append(lines, src[start:i])
			start = i + 1
		}
	}
	return append(lines, strings.TrimSuffix(src[start:], "\r"))
}
