package standard

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lacuna-project/lacuna/mapping"
)

// TestEmbeddedTitlesComplete: the embedded map translates every
// requirement and instrument into French and Spanish, with the official
// terms of the instruments' language versions for the key notions.
func TestEmbeddedTitlesComplete(t *testing.T) {
	m, err := Load(mapping.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"fr": {"traite", "travail forcé", "Protocole de Palerme", "délai de rétablissement et de réflexion"},
		"es": {"trata", "trabajo forzoso", "Protocolo de Palermo", "explotación", "período de restablecimiento y reflexión"},
	}
	for _, lang := range []string{"fr", "es"} {
		ti, err := LoadTitles(mapping.FS, "mapping", lang, m, false)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if ti == nil || len(ti.Requirements) != len(m.Requirements) || len(ti.Instruments) != len(m.Instruments) || len(ti.Missing) != 0 {
			t.Fatalf("%s: incomplete titles %+v", lang, ti)
		}
		if !strings.Contains(strings.ToLower(ti.Note), "no oficial") && !strings.Contains(strings.ToLower(ti.Note), "non officiel") {
			t.Errorf("%s: note %q does not say the translations are unofficial", lang, ti.Note)
		}
		var all strings.Builder
		for _, s := range ti.Requirements {
			all.WriteString(s + "\n")
		}
		for _, s := range ti.Instruments {
			all.WriteString(s + "\n")
		}
		for _, w := range want[lang] {
			if !strings.Contains(strings.ToLower(all.String()), strings.ToLower(w)) {
				t.Errorf("%s: no title uses %q", lang, w)
			}
		}
	}
}

func TestLoadTitlesErrors(t *testing.T) {
	m := &Map{Requirements: []*Requirement{{ID: "def.acts"}, {ID: "crim.attempt"}}, Instruments: []*Instrument{{ID: "palermo"}}}
	for _, tc := range []struct {
		name, src string
		lenient   bool
		want      string // "" = no error
		missing   int
	}{
		{name: "complete", src: "requirements:\n  def.acts: Actes\n  crim.attempt: Tentative\ninstruments:\n  palermo: Protocole de Palerme\n"},
		{name: "missing strict", src: "requirements:\n  def.acts: Actes\ninstruments:\n  palermo: P\n", want: `requirement crim.attempt has no fr title`},
		{name: "missing lenient", src: "requirements:\n  def.acts: Actes\ninstruments:\n  palermo: P\n", lenient: true, missing: 1},
		{name: "unknown id", src: "requirements:\n  def.actz: Actes\n", lenient: true, want: `lang/fr.yaml:2:3: requirement "def.actz" is not in the map`},
		{name: "empty title", src: "requirements:\n  def.acts: \"\"\n", lenient: true, want: `title of "def.acts" is not a non-empty string`},
		{name: "unknown key", src: "titles:\n  def.acts: x\n", lenient: true, want: `unknown key "titles"`},
		{name: "not yaml", src: "requirements: [\n", want: "invalid YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"lang/fr.yaml": {Data: []byte(tc.src)}}
			ti, err := LoadTitles(fsys, "map", "fr", m, tc.lenient)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ti.Missing) != tc.missing {
				t.Errorf("missing %v, want %d", ti.Missing, tc.missing)
			}
		})
	}
	if ti, err := LoadTitles(fstest.MapFS{}, "map", "es", m, false); ti != nil || err != nil {
		t.Errorf("no file: %v, %v; want nil, nil", ti, err)
	}
}
